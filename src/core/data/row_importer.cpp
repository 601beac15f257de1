#include "core/data/row_importer.h"

#include <algorithm>
#include <cmath>

#include "core/base/hash.h"
#include "core/base/limits.h"
#include "core/data/units.h"

namespace chartmix::detail {

namespace {

// A year as a year column writes it ("2023"); false for anything else.
bool ReadYear(std::string_view text, int* year)
{
    if (text.size() != 4) return false;
    int y = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        y = y * 10 + (c - '0');
    }
    *year = y;
    return y >= 1900 && y <= 2200;
}

// Per-row lookups pack their small ids into one 64-bit key (limits.h bounds every id: fewer than 2^10
// sources, 2^22 periods and songs, since each needs a row).
static_assert(kMaxSources < (size_t(1) << 10) && kMaxRows < (size_t(1) << 22), "importer keys pack source, period and song ids");

// A song on one daily chart on one day.
uint64_t DailyKey(uint32_t source, DayNumber day, uint32_t song) { return (uint64_t)source << 54 | (uint64_t)song << 32 | (uint32_t)day; }
// One song's rolled-up days in a dataset period; ordering the keys orders by (period, source, song).
uint64_t RollupKey(uint32_t period, uint32_t source, uint32_t song) { return (uint64_t)period << 42 | (uint64_t)source << 32 | song; }

} // namespace

void RowImporter::BeginFile(const FileMapping& mapping, FileReport* file, uint32_t file_index)
{
    Mapping_ = &mapping;
    File_ = file;
    FileIndex_ = file_index;
    FileMappings_.resize(std::max<size_t>(FileMappings_.size(), file_index + 1));
    FileMappings_[file_index] = &mapping;
    FixedSource_ = mapping.Source.empty() ? -1 : Builder_.Peek().FindSource(mapping.Source);
    ValueCache_.clear();
    LastSourceIndex_ = -3;
    Memo_.Source = -1;  // another file may write its dates another way
    HasYear_ = mapping.Year.Present();
}

bool RowImporter::Row(const RawRow& row, const RowLocator& where)
{
    if (!CountRow()) return false;
    auto reject = [&](int field, std::string message) { return RejectField(where, field, std::move(message)); };
    if (row.LongestBound > kMaxFieldBytes) {
        size_t longest = 0;
        for (int f = 0; f < kFieldCount; f++) longest = std::max(longest, row.Values[f].size());
        if (longest > kMaxFieldBytes) return RejectLongField(row, where);
    }
    int source = FixedSource_;
    if (source < 0) {
        std::string_view value = TrimSpaces(row.Values[kFieldSource]);
        source = ResolveSource(value);
        if (source == -2) return reject(kFieldSource, "the source is empty.");
        if (source == -4) return false;
        if (source < 0) { FilterRow(); return true; }
    }
    Source& src = Builder_.Peek().Sources[(size_t)source];

    // Rows of one chart week sit together, so the date of the row before usually answers this one.
    std::string_view period_text = TrimSpaces(row.Values[kFieldPeriod]);
    std::string_view year_text = HasYear_ ? TrimSpaces(row.Values[kFieldYear]) : std::string_view();
    if (source != Memo_.Source || !SameBytes(period_text, Memo_.Text) || (HasYear_ && !SameBytes(year_text, Memo_.Year)) || !SourceSeen_[(size_t)source]) {
        if (!ResolvePeriod(source, period_text, year_text, reject)) return Memo_.Rejected;
    }

    std::string_view title = TrimSpaces(row.Values[kFieldTitle]);
    if (title.empty()) return reject(kFieldTitle, "the title is empty.");
    std::string_view artist = TrimSpaces(row.Values[kFieldArtist]);

    std::string& why = Why_;  // a member: no string made and freed per row
    int rank = kNoRank;
    std::string_view rank_text = TrimSpaces(row.Values[kFieldRank]);
    if (!rank_text.empty() && rank_text != "-" && !ParseRank(rank_text, &rank, &why)) return reject(kFieldRank, why + ".");
    double units = NAN;
    std::string_view units_text = TrimSpaces(row.Values[kFieldUnits]);
    if (!units_text.empty()) {
        if (!ParseUnits(units_text, &units, &why)) return reject(kFieldUnits, why + ".");
        units *= Mapping_->UnitsScale;
        if (!(units <= kMaxUnits)) return reject(kFieldUnits, "the units times the file's units_scale are more than any chart publishes (at most 10^15).");
    }
    if (rank == kNoRank && std::isnan(units)) {
        // No rank and no units: the chart published no figure for this song that period. Counted and noted, not an error.
        NoFigure_++;
        FilterRow();
        return true;
    }
    if (src.UnitName.empty() && row.Has[kFieldUnitType]) src.UnitName = std::string(TrimSpaces(row.Values[kFieldUnitType]));

    uint32_t song = Builder_.AddSong(title, artist);
    uint32_t period = Memo_.Period;
    const RawRow::Place& place = rank != kNoRank ? row.RankPlace : row.TitlePlace;
    RowOrigin origin{ (uint16_t)FileIndex_, (uint16_t)std::min(place.Column, 0xFFFF), (uint32_t)place.Line };

    if (src.PeriodGranularity == Granularity::Daily && Rules_.Target != Granularity::Daily) {
        DayNumber day = Memo_.LastDay;
        if (!Claim(DailySeen_, DailyKey((uint32_t)source, day, song), origin))
            return reject(kFieldTitle, "\"" + std::string(title) + "\" appears twice on " + src.Key + " for " + FormatDay(day) + " (first " + Describe(Earlier_) + ").");
        Rollup& r = *Rollups_.Insert(RollupKey(period, (uint32_t)source, song), Rollup{}).first;
        if (rank != kNoRank) { r.RankSum += rank; r.RankedDays++; }
        if (!std::isnan(units)) { r.Units += units; r.HasUnits = true; }
    } else {
        // A rank (or off-chart song) taken twice in one chart is found once all rows are in: see RejectRepeatedSlots.
        Builder_.AddEntry(period, (uint32_t)source, song, (uint16_t)rank, units);
        Origins_.push_back(origin);
    }
    File_->RowsLoaded++;
    Report_.RowsLoaded++;
    return true;
}

bool RowImporter::Reject(Error error)
{
    if (!CountRow()) return false;
    return RejectRow(std::move(error));
}

bool RowImporter::Filter()
{
    if (!CountRow()) return false;
    FilterRow();
    return true;
}

bool RowImporter::FieldCountDiffers(int line, size_t fields, size_t expected)
{
    if (Options_.Strict) {
        if (!CountRow()) return false;
        RejectRow(MakeErrorAt(File_->Name, line, 1, "this row has " + std::to_string(fields) + " fields where the header has " + std::to_string(expected) +
                                                        " (strict loading accepts only rows as wide as the header)."));
        return false;
    }
    if (FieldCountRows_++ == 0) {
        FieldCountLine_ = line;
        FieldCountFields_ = fields;
        FieldCountExpected_ = expected;
    }
    return true;
}

bool RowImporter::CountRow()
{
    File_->RowsRead++;
    Report_.RowsRead++;
    return Report_.RowsRead <= MaxRows_ || TooManyRows();
}

bool RowImporter::RejectField(const RowLocator& where, int field, std::string message)
{
    Error e = where.Locate(field, std::move(message));
    e.File = File_->Name;
    return RejectRow(std::move(e));
}

bool RowImporter::RejectLongField(const RawRow& row, const RowLocator& where)
{
    int f = 0;
    while (row.Values[f].size() <= kMaxFieldBytes) f++;
    return RejectField(where, f, "the " + std::string(FieldName(f)) + " is " + std::to_string(row.Values[f].size()) + " bytes long; values longer than " +
                                     std::to_string(kMaxFieldBytes) + " bytes are refused (the longest real titles are a few hundred characters).");
}

bool RowImporter::TooManyRows()
{
    const size_t max_rows = MaxRows_;
    if (!FatalError_)
        FatalError_ = MakeErrorAt(File_->Name, 0, 0, "the data holds more than " + std::to_string(max_rows) +
                                                         " rows, the most one load may hold (the browser app has 1 GB of memory); load fewer periods or charts at a time.");
    return false;
}

bool RowImporter::RejectRow(Error error)
{
    if (error.File.empty()) error.File = File_->Name;
    File_->RowsRejected++;
    Report_.RowsRejected++;
    if (Report_.Rejected.size() < kMaxListedRejections) Report_.Rejected.push_back(error);
    if (Options_.Strict) {
        StrictError_ = error;
        return false;
    }
    return true;
}

void RowImporter::FilterRow()
{
    File_->RowsFiltered++;
    Report_.RowsFiltered++;
}

void RowImporter::FinishRollups()
{
    std::vector<std::pair<uint64_t, Rollup>> sorted;
    sorted.reserve(Rollups_.Size());
    Rollups_.ForEach([&](uint64_t key, const Rollup& r) { sorted.emplace_back(key, r); });
    std::sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.first < b.first; });
    for (auto& [key, r] : sorted) {
        uint16_t rank = r.RankedDays ? (uint16_t)std::lround(r.RankSum / r.RankedDays) : kNoRank;
        Builder_.AddEntry((uint32_t)(key >> 42), (uint32_t)(key >> 32) & 0x3FF, (uint32_t)key, rank, r.HasUnits ? r.Units : NAN);
    }
    Rollups_.Clear();
}

bool RowImporter::RejectRepeatedSlots()
{
    Builder_.DropRepeatedSlots([&](uint32_t later, uint32_t earlier) {
        const Dataset& d = Builder_.Peek();
        const RowOrigin o = Origins_[later];
        const std::string& chart = d.Sources[d.EntrySource[later]].Key;
        const std::string& period = d.Periods[d.EntryPeriod[later]].Label;
        const bool ranked = d.EntryRank[later] != kNoRank;
        Error e = ranked ? ErrorAt(o, kFieldRank, "rank " + std::to_string(d.EntryRank[later]) + " on " + chart + " for " + period + " is already taken (" + Describe(Origins_[earlier]) + ").")
                         : ErrorAt(o, kFieldTitle, "\"" + std::string(d.SongTitle(d.EntrySong[later])) + "\" appears twice off-chart on " + chart + " for " + period + " (first " + Describe(Origins_[earlier]) + ").");
        FileReport& file = Report_.Files[o.File];
        file.RowsLoaded--;
        Report_.RowsLoaded--;
        file.RowsRejected++;
        Report_.RowsRejected++;
        if (Report_.Rejected.size() < kMaxListedRejections) Report_.Rejected.push_back(e);
        if (Options_.Strict && !StrictError_) StrictError_ = e;
        return true;
    });
    std::vector<RowOrigin>().swap(Origins_);
    return !StrictError_;
}

void RowImporter::NoteOnce(const std::string& note)
{
    for (const std::string& n : Report_.Notes) if (n == note) return;
    Report_.Notes.push_back(note);
}

void RowImporter::EndFile()
{
    if (NoFigure_) NoteOnce(File_->Name + ": " + std::to_string(NoFigure_) + " rows carry neither a rank nor units (no figure published) and were left out.");
    NoFigure_ = 0;
    if (FieldCountRows_)
        NoteOnce(File_->Name + ": " + std::to_string(FieldCountRows_) + (FieldCountRows_ == 1 ? " row has" : " rows have") +
                 " a different number of fields than the header (first at " + File_->Name + ":" + std::to_string(FieldCountLine_) + ", " +
                 std::to_string(FieldCountFields_) + " fields where the header has " + std::to_string(FieldCountExpected_) +
                 "); missing fields were read as empty and extra ones were left out.");
    FieldCountRows_ = 0;
}

bool RowImporter::Claim(FlatMap64<RowOrigin>& seen, uint64_t key, RowOrigin origin)
{
    auto [stored, inserted] = seen.Insert(key, origin);
    Earlier_ = *stored;
    return inserted;
}

template <typename RejectFn>
bool RowImporter::ResolvePeriod(int source, std::string_view period_text, std::string_view year_text, RejectFn& reject)
{
    Source& src = Builder_.Peek().Sources[(size_t)source];
    Memo_.Source = -1;
    std::string_view date_text = period_text;
    if (!Mapping_->DateFixes.empty())
        if (auto fix = Mapping_->DateFixes.find(std::string(period_text)); fix != Mapping_->DateFixes.end()) {
            NoteOnce(File_->Name + ": dates written \"" + fix->first + "\" read as " + fix->second + " (manifest date_fixes).");
            date_text = fix->second;
        }
    int year = 0;
    if (HasYear_ && !ReadYear(year_text, &year)) {
        Memo_.Rejected = reject(kFieldYear, "cannot read the year \"" + std::string(year_text) + "\": expected four digits such as 2023.");
        return false;
    }
    ParsedDate date;
    std::string why;
    DayNumber range_first = 0, range_last = 0;
    const bool range = !Mapping_->DateRange.empty();
    if (range ? !ParseDateRange(date_text, Mapping_->Dates, Mapping_->DateRange, &range_first, &range_last, &why, year)
              : !ParseDate(date_text, Mapping_->Dates, &date, &why, year)) {
        Memo_.Rejected = reject(kFieldPeriod, "cannot read the date \"" + std::string(date_text) + "\": " + why + ".");
        return false;
    }
    if (range) date.Day = range_last;
    if (GridFromData_ && date.Precision != DatePrecision::Year) {
        // A canonical CSV's grid follows its first readable date, wherever the data starts: a month
        // makes a monthly dataset; a day fixes the weekday weeks end on.
        if (date.Precision == DatePrecision::Month) Rules_.Target = Granularity::Monthly;
        else Rules_.WeekEndsOn = Weekday(date.Day);
        GridFromData_ = false;
    }
    if (AutoSources_ && src.Depth == 0 && src.Citation.empty() && !SourceSeen_[(size_t)source]) {
        // A canonical CSV's source is as long as its first period says: a month or a week.
        src.PeriodGranularity = date.Precision == DatePrecision::Month ? Granularity::Monthly : Granularity::Weekly;
    }
    SourceSeen_[(size_t)source] = true;
    PeriodSlot slot;
    if (range && !AssignRange(range_first, range_last, src.PeriodGranularity, Rules_, &slot, &why)) {
        Memo_.Rejected = reject(kFieldPeriod, src.Key + ": " + why + ".");
        return false;
    }
    if (!range && !AssignPeriod(date, src.PeriodGranularity, src.PublicationOffsetDays, Rules_, &slot)) {
        std::string what = date.Precision == DatePrecision::Year ? "a whole year" : date.Precision == DatePrecision::Month && src.PeriodGranularity != Granularity::Monthly ? "a month, not a day," : std::string("a ") + GranularityName(src.PeriodGranularity) + " period";
        Memo_.Rejected = reject(kFieldPeriod, "\"" + std::string(date_text) + "\" is " + what + " and does not fit this dataset's " + GranularityName(Rules_.Target) + " periods.");
        return false;
    }
    int64_t found = Builder_.FindPeriod(slot.Start, slot.End);
    Memo_.Period = found >= 0 ? (uint32_t)found : Builder_.AddPeriod(slot.Start, slot.End, PeriodSlotLabel(slot));
    Memo_.Date = date;
    Memo_.LastDay = range ? range_last : date.Day - src.PublicationOffsetDays;  // a range states its tracking period: no offset
    Memo_.Text.assign(period_text);
    Memo_.Year.assign(year_text);
    Memo_.Source = source;
    return true;
}

std::string RowImporter::Describe(RowOrigin o) const
{
    // The file's own name, as the error before it names it, not the manifest's relative path.
    std::string_view name = Report_.Files[o.File].Name;
    if (size_t slash = name.rfind('/'); slash != std::string_view::npos) name = name.substr(slash + 1);
    return "at " + std::string(name) + (IsJson(o.File) ? " row " + std::to_string(o.Where) : ":" + std::to_string(o.Where));
}

Error RowImporter::ErrorAt(RowOrigin o, int field, std::string message) const
{
    const FileMapping& m = *FileMappings_[o.File];
    if (!IsJson(o.File)) return MakeErrorAt(Report_.Files[o.File].Name, (int)o.Where, o.Column, std::move(message));
    Error e;
    e.File = Report_.Files[o.File].Name;
    e.Field = (m.RowsPath.empty() ? std::string("rows") : m.RowsPath) + "[" + std::to_string(o.Where) + "]";
    const ColumnRef& ref = field == kFieldRank ? m.Rank : m.Title;
    if (!ref.Names.empty()) e.Field += "." + ref.Names[0];
    e.Message = std::move(message);
    return e;
}

int RowImporter::ResolveSource(std::string_view value)
{
    if (value.empty()) return -2;
    // Rows of one chart sit together: the value of the row before usually answers.
    if (LastSourceIndex_ != -3 && SameBytes(value, LastSourceValue_)) return LastSourceIndex_;
    if (auto it = ValueCache_.find(value); it != ValueCache_.end()) {
        LastSourceValue_.assign(value);
        LastSourceIndex_ = it->second;
        return it->second;
    }
    int index = -1;
    Dataset& d = Builder_.Peek();
    if (AutoSources_) {
        index = d.FindSource(value);
        if (index < 0 && d.Sources.size() >= kMaxSources) {
            if (!FatalError_)
                FatalError_ = MakeErrorAt(File_->Name, 0, 0, "the data names more than " + std::to_string(kMaxSources) +
                                                                 " sources, the most one dataset may have (each is a slider and a weight in every mix); split it into several datasets.");
            return -4;
        }
        if (index < 0) {
            Source s;
            s.Key = std::string(value);
            s.Name = s.Key;
            index = (int)Builder_.AddSource(std::move(s));
            SourceSeen_.push_back(false);
        }
    } else if (auto it = Mapping_->SourceValues.find(std::string(value)); it != Mapping_->SourceValues.end()) {
        index = d.FindSource(it->second);
    }
    ValueCache_.emplace(std::string(value), index);
    return index;
}

} // namespace chartmix::detail
