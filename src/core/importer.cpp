// Loads chart files into a Dataset: the per-row rules (Importer), the checks of each file, LoadDataset.
// Index:
// [SECTION] Row checks and the per-row rules
// [SECTION] Files
// [SECTION] LoadDataset
#include "core/importer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include "core/csv.h"
#include "core/flat_map.h"
#include "core/hash.h"
#include "core/importer_rows.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/load_checks.h"
#include "core/manifest.h"
#include "core/period.h"
#include "core/units.h"

namespace chartmix {

using namespace detail;

namespace {

// [SECTION] Row checks and the per-row rules

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

// Where an entry's row was: the file, and its line and column (CSV) or its index in the rows (JSON).
struct RowOrigin {
    uint16_t File = 0;
    uint16_t Column = 0;
    uint32_t Where = 0;
};

// Daily rows of one song in one dataset period, before they become one entry.
struct Rollup {
    double RankSum = 0;
    uint32_t RankedDays = 0;
    double Units = 0;
    bool HasUnits = false;
};

class Importer : public RowSink {
public:
    // auto_sources: a canonical CSV, whose source column makes the sources and whose data sets the grid.
    Importer(const LoadOptions& options, LoadReport& report, DatasetBuilder& builder, const PeriodRules& rules, bool auto_sources)
        : Options_(options), Report_(report), Builder_(builder), Rules_(rules), AutoSources_(auto_sources), GridFromData_(auto_sources) {}

    void BeginFile(const FileMapping& mapping, FileReport* file, uint32_t file_index)
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

    bool Row(const RawRow& row, const RowLocator& where) override
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

        if (src.Granularity_ == Granularity::Daily && Rules_.Target != Granularity::Daily) {
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

    bool Reject(Error error) override
    {
        if (!CountRow()) return false;
        return RejectRow(std::move(error));
    }

    bool Filter() override
    {
        if (!CountRow()) return false;
        FilterRow();
        return true;
    }

    // Counted per file and noted at its end with the first place; strict loading stops at the first.
    bool FieldCountDiffers(int line, size_t fields, size_t expected) override
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

    // Counts a data row; false (and a fatal error) once the load holds more rows than it may.
    bool CountRow()
    {
        File_->RowsRead++;
        Report_.RowsRead++;
        return Report_.RowsRead <= MaxRows_ || TooManyRows();
    }

    // The error paths of Row, out of its body: Row runs for every row and stays small this way.
    __attribute__((noinline)) bool RejectField(const RowLocator& where, int field, std::string message)
    {
        Error e = where.Locate(field, std::move(message));
        e.File = File_->Name;
        return RejectRow(std::move(e));
    }

    __attribute__((noinline)) bool RejectLongField(const RawRow& row, const RowLocator& where)
    {
        int f = 0;
        while (row.Values[f].size() <= kMaxFieldBytes) f++;
        return RejectField(where, f, "the " + std::string(FieldName(f)) + " is " + std::to_string(row.Values[f].size()) + " bytes long; values longer than " +
                                         std::to_string(kMaxFieldBytes) + " bytes are refused (the longest real titles are a few hundred characters).");
    }

    __attribute__((noinline)) bool TooManyRows()
    {
        const size_t max_rows = MaxRows_;
        if (!FatalError_)
            FatalError_ = MakeErrorAt(File_->Name, 0, 0, "the data holds more than " + std::to_string(max_rows) +
                                                             " rows, the most one load may hold (the browser app has 1 GB of memory); load fewer periods or charts at a time.");
        return false;
    }

    bool RejectRow(Error error)
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

    void FilterRow()
    {
        File_->RowsFiltered++;
        Report_.RowsFiltered++;
    }

    // Emits one entry per rolled-up (period, source, song): rank = rounded mean of the daily ranks on
    // the days it charted, units = sum of the daily units.
    void FinishRollups()
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

    // Rejects every entry that takes a place an earlier row of the same chart already holds: the same
    // rank, or the same song listed off-chart twice. Done once all rows are in (the builder sorts them
    // side by side), instead of a lookup per row. False when strict loading must stop.
    bool RejectRepeatedSlots()
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

    void Reserve(size_t rows) { Origins_.reserve(rows); }

    void NoteOnce(const std::string& note)
    {
        for (const std::string& n : Report_.Notes) if (n == note) return;
        Report_.Notes.push_back(note);
    }

    // Notes how many rows of the file just read carried no figure at all.
    void EndFile()
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

    void PrepareSources() { SourceSeen_.assign(Builder_.Peek().Sources.size(), false); }
    // The dataset's grid, once the rows are read (a canonical CSV's comes from its data).
    const PeriodRules& Rules() const { return Rules_; }
    const std::optional<Error>& StrictError() const { return StrictError_; }
    // Set when the load must stop whatever the mode (a limit of limits.h was reached).
    const std::optional<Error>& FatalError() const { return FatalError_; }

private:
    const LoadOptions& Options_;
    const size_t MaxRows_ = std::min(Options_.MaxRows, kMaxRows);  // never more: the lookup keys above rely on it
    LoadReport& Report_;
    DatasetBuilder& Builder_;
    PeriodRules Rules_;
    bool AutoSources_;
    bool GridFromData_;  // the grid is not known until a date is read
    const FileMapping* Mapping_ = nullptr;
    std::vector<const FileMapping*> FileMappings_;  // by file index, for messages about earlier rows
    FileReport* File_ = nullptr;
    uint32_t FileIndex_ = 0;
    int FixedSource_ = -1;
    bool HasYear_ = false;  // the file's dates take their year from a column or the manifest
    std::map<std::string, int, std::less<>> ValueCache_;  // source column value -> source (a map: datasets may have 1,000 sources)
    std::string LastSourceValue_;
    int LastSourceIndex_ = -3;  // -3: none yet
    std::vector<bool> SourceSeen_;
    FlatMap64<RowOrigin> DailySeen_;
    std::vector<RowOrigin> Origins_;  // one per entry Row added, in the builder's order (rollups come after)
    FlatMap64<Rollup> Rollups_;
    RowOrigin Earlier_;
    // The period of the last row read, by its source and date text as written.
    struct PeriodMemo {
        int Source = -1;
        std::string Text, Year;
        ParsedDate Date;
        DayNumber LastDay = 0;  // the last day of the row's tracking period
        uint32_t Period = 0;
        bool Rejected = true;  // what Row returns when the date was refused (false: stop reading)
    } Memo_;
    size_t NoFigure_ = 0;
    size_t FieldCountRows_ = 0, FieldCountFields_ = 0, FieldCountExpected_ = 0;  // rows wider or narrower than the header
    int FieldCountLine_ = 0;
    std::string Why_;  // why a rank or units could not be read (Row)
    std::optional<Error> StrictError_, FatalError_;

    bool Claim(FlatMap64<RowOrigin>& seen, uint64_t key, RowOrigin origin)
    {
        auto [stored, inserted] = seen.Insert(key, origin);
        Earlier_ = *stored;
        return inserted;
    }

    // Reads a row's date and finds (or adds) its dataset period, into Memo_. False when the date is
    // refused; Memo_.Rejected then holds what the row must return.
    template <typename Reject>
    bool ResolvePeriod(int source, std::string_view period_text, std::string_view year_text, Reject& reject)
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
            src.Granularity_ = date.Precision == DatePrecision::Month ? Granularity::Monthly : Granularity::Weekly;
        }
        SourceSeen_[(size_t)source] = true;
        PeriodSlot slot;
        if (range && !AssignRange(range_first, range_last, src.Granularity_, Rules_, &slot, &why)) {
            Memo_.Rejected = reject(kFieldPeriod, src.Key + ": " + why + ".");
            return false;
        }
        if (!range && !AssignPeriod(date, src.Granularity_, src.PublicationOffsetDays, Rules_, &slot)) {
            std::string what = date.Precision == DatePrecision::Year ? "a whole year" : date.Precision == DatePrecision::Month && src.Granularity_ != Granularity::Monthly ? "a month, not a day," : std::string("a ") + GranularityName(src.Granularity_) + " period";
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

    bool IsJson(uint16_t file) const { return FileMappings_[file]->Format == FileFormat::Json; }

    std::string Describe(RowOrigin o) const
    {
        // The file's own name, as the error before it names it, not the manifest's relative path.
        std::string_view name = Report_.Files[o.File].Name;
        if (size_t slash = name.rfind('/'); slash != std::string_view::npos) name = name.substr(slash + 1);
        return "at " + std::string(name) + (IsJson(o.File) ? " row " + std::to_string(o.Where) : ":" + std::to_string(o.Where));
    }

    // An error at the row an entry came from, pointing at one of its fields.
    Error ErrorAt(RowOrigin o, int field, std::string message) const
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

    // Source index for a value of the source column; -1 = not loaded (filtered), -2 = empty, -4 = too many sources (fatal).
    int ResolveSource(std::string_view value)
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
};

// [SECTION] Files

// "3 MB", or "1,000 bytes" below a megabyte, so a limit message never says "0 MB".
std::string DescribeBytes(size_t bytes)
{
    if (bytes >= (size_t(1) << 20)) return std::to_string(bytes >> 20) + " MB";
    return std::to_string(bytes) + " bytes";
}

bool EndsWith(std::string_view s, std::string_view suffix) { return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix; }

// Checks a file and decodes it to UTF-8; with consume, the bytes move into the decoded text (no copy).
Result<DecodedText> CheckAndDecode(InputFile& file, TextEncoding encoding, const LoadOptions& options, bool consume)
{
    if (file.Bytes.empty()) return MakeErrorAt(file.Name, 0, 0, "the file is empty: there is no chart in it.");
    if (file.Bytes.size() > options.MaxFileBytes)
        return MakeErrorAt(file.Name, 0, 0, "the file is " + DescribeBytes(file.Bytes.size()) + ", more than the " + DescribeBytes(options.MaxFileBytes) +
                                                " one load may hold (the browser app has 1 GB of memory); split it into smaller files.");
    if (file.Bytes.size() >= 2 && (unsigned char)file.Bytes[0] == 0x1F && (unsigned char)file.Bytes[1] == 0x8B)
        return MakeErrorAt(file.Name, 0, 0, "the file is gzip-compressed: decompress it first.");
    if (LooksBinary(file.Bytes)) return MakeErrorAt(file.Name, 0, 0, "the file holds binary data, not a chart (CSV or JSON text).");
    return DecodeToUtf8InPlace(consume ? std::move(file.Bytes) : std::string(file.Bytes), encoding, file.Name);
}

// About how many lines a CSV has, from the lines in its first 64 KB: the entry columns are reserved
// once instead of doubling their way up (which would hold two copies at the peak).
size_t EstimateRows(std::string_view text)
{
    const size_t sample = std::min<size_t>(text.size(), 1 << 16);
    size_t lines = 1;
    for (const char* p = text.data(); (p = (const char*)std::memchr(p, '\n', (size_t)(text.data() + sample - p))) != nullptr; p++) lines++;
    return (size_t)((double)lines * ((double)text.size() / (double)std::max<size_t>(sample, 1)) * 1.05) + 16;
}

// The header of a CSV, read from a copy of its first 64 KiB so the caller's text stays untouched.
std::vector<std::string> PeekHeader(std::string_view text, char delimiter)
{
    std::string copy(text.substr(0, std::min<size_t>(text.size(), 1 << 16)));
    CsvReader reader("", copy.data(), copy.size(), delimiter);
    std::vector<std::string> header;
    if (reader.Next())
        for (size_t i = 0; i < reader.FieldCount(); i++) header.emplace_back(TrimSpaces(reader.Field(i)));
    return header;
}

int FindColumn(const std::vector<std::string>& header, std::initializer_list<const char*> names)
{
    for (const char* name : names)
        for (size_t i = 0; i < header.size(); i++) {
            std::string lower = header[i];
            for (char& c : lower) if (c >= 'A' && c <= 'Z') c += 32;
            if (lower == name) return (int)i;
        }
    return -1;
}

// The mapping of a canonical tidy CSV, or an Error saying what its header lacks.
// Its grid comes from its first readable date, as the rows are read (Importer::ResolvePeriod).
Result<FileMapping> CanonicalMapping(const std::string& name, std::string_view text)
{
    std::vector<std::string> header = PeekHeader(text, ',');
    std::string missing;
    for (const char* required : { "source", "period", "rank", "title", "artist" })
        if (FindColumn(header, { required }) < 0) missing += (missing.empty() ? "" : ", ") + std::string(required);
    if (!missing.empty())
    {
        Error e = MakeErrorAt(name, 1, 1, "chartmix cannot tell which columns of this file hold the chart: its first line has no " + missing +
                                              " column. Open it together with a manifest, a small JSON file that names its columns.");
        e.Details = "How to write a manifest: docs/dataset-format.md, section 2.";
        return e;
    }
    FileMapping m;
    m.Path = name;
    m.Delimiter = ',';
    auto named = [](const char* column) { ColumnRef r; r.How = ColumnRef::Kind::Name; r.Names = { column }; return r; };
    m.SourceColumn = named("source");
    m.Period = named("period");
    m.Rank = named("rank");
    m.Title = named("title");
    m.Artist = named("artist");
    if (FindColumn(header, { "units" }) >= 0) m.Units = named("units");
    if (FindColumn(header, { "unit_type" }) >= 0) m.UnitType = named("unit_type");
    if (FindColumn(header, { "ids" }) >= 0) m.Ids = named("ids");
    return m;
}

// Refuses a dataset whose busiest period, times its sources, is more than the per-song breakdown
// of a ranking may hold (kMaxPeriodCells). Linear in the entries.
Status CheckPeriodCells(const Dataset& d, const std::string& name)
{
    const size_t sources = d.Sources.size();
    std::vector<uint32_t> seen(d.Songs.size(), UINT32_MAX);
    for (uint32_t p = 0; p + 1 < d.PeriodGroupBegin.size(); p++) {
        size_t songs = 0;
        for (uint32_t g = d.PeriodGroupBegin[p]; g < d.PeriodGroupBegin[p + 1]; g++)
            for (uint32_t e = d.Groups[g].Begin; e < d.Groups[g].End; e++)
                if (seen[d.EntrySong[e]] != p) { seen[d.EntrySong[e]] = p; songs++; }
        if (songs * sources > kMaxPeriodCells)
            return MakeErrorAt(name, 0, 0, "the period " + d.Periods[p].Label + " has " + std::to_string(songs) + " songs on " + std::to_string(sources) +
                                               " charts; the per-chart breakdown of its ranking would hold more than " + std::to_string(kMaxPeriodCells) +
                                               " values, too many for the browser app's 1 GB of memory. Load fewer charts or split the data.");
    }
    return OkStatus();
}

InputFile* FindInput(std::vector<InputFile>& files, const std::string& path)
{
    for (InputFile& f : files) if (f.Name == path) return &f;
    // Callers that only kept base names still match.
    std::string_view base = path;
    if (size_t slash = base.rfind('/'); slash != std::string_view::npos) base = base.substr(slash + 1);
    for (InputFile& f : files) if (f.Name == base || EndsWith(f.Name, "/" + std::string(base))) return &f;
    return nullptr;
}

} // namespace

// [SECTION] LoadDataset

Result<LoadedDataset> LoadDataset(const std::vector<InputFile>& files, const LoadOptions& options)
{
    return LoadDataset(std::vector<InputFile>(files), options);
}

Result<LoadedDataset> LoadDataset(std::vector<InputFile>&& files, const LoadOptions& options)
{
    if (files.empty()) return MakeError("no file was given.");
    if (files.size() > kMaxFiles)
        return MakeError(std::to_string(files.size()) + " files were given; one load takes at most " + std::to_string(kMaxFiles) + " files.");
    LoadedDataset loaded;
    LoadReport& report = loaded.Report;
    for (const InputFile& f : files) report.InputBytes += f.Bytes.size();
    if (files.size() > 1 && report.InputBytes > options.MaxFileBytes)
        return MakeError("the files are " + DescribeBytes(report.InputBytes) + " together, more than the " + DescribeBytes(options.MaxFileBytes) +
                         " one load may hold (the browser app has 1 GB of memory); load fewer files at a time.");

    const InputFile* manifest_file = nullptr;
    for (const InputFile& f : files)
        if (EndsWith(f.Name, ".json") && LooksLikeManifest(f.Bytes)) { manifest_file = &f; break; }

    Manifest manifest;
    std::vector<std::pair<InputFile*, FileMapping>> work;
    if (manifest_file) {
        Result<Manifest> parsed = ParseManifest(manifest_file->Bytes, manifest_file->Name);
        if (!parsed) return parsed.Err();
        manifest = parsed.Take();
        for (const FileMapping& m : manifest.Files) {
            InputFile* input = FindInput(files, m.Path);
            if (!input) return MakeErrorAt(manifest_file->Name, 0, 0, "the manifest lists \"" + m.Path + "\" but that file was not given.");
            work.emplace_back(input, m);
        }
    } else {
        manifest.Name = files[0].Name;
        for (InputFile& f : files) {
            if (EndsWith(f.Name, ".json") && !f.Bytes.empty()) {
                // A manifest cut short may lack "files": JSON that does not parse says where it stops.
                if (Result<rapidjson::Document> parsed = ParseJson(f.Bytes, f.Name); !parsed) return parsed.Err();
                return MakeErrorAt(f.Name, 0, 0, "this JSON file is not a manifest (a manifest has \"sources\" and \"files\"); JSON chart layouts load through a manifest.");
            }
            work.emplace_back(&f, FileMapping{});
        }
    }

    DatasetBuilder builder;
    builder.SetName(manifest.Name, false);
    for (const Source& s : manifest.Sources) builder.AddSource(s);
    PeriodRules rules = manifest.Periods;

    std::vector<DecodedText> decoded(work.size());
    std::vector<size_t> input_bytes(work.size());
    for (size_t i = 0; i < work.size(); i++) {
        auto& [input, mapping] = work[i];
        input_bytes[i] = input->Bytes.size();
        // A file the manifest maps once gives its bytes up to the decoded text; one mapped twice is copied.
        bool mapped_once = true;
        for (size_t j = i + 1; j < work.size(); j++) mapped_once = mapped_once && work[j].first != input;
        Result<DecodedText> text = CheckAndDecode(*input, mapping.Encoding, options, mapped_once);
        if (!text) {
            if (files.size() == 1 || options.Strict) return text.Err();
            report.Rejected.push_back(text.Err());
            input = nullptr;
            continue;
        }
        decoded[i] = text.Take();
        std::string& t = decoded[i].Text;
        if (mapping.Format == FileFormat::Csv && t.find('\n') == std::string::npos && t.find('\r') != std::string::npos) {
            // Classic Mac line endings (CR only): without this the whole file would read as one record.
            std::replace(t.begin(), t.end(), '\r', '\n');
            report.Notes.push_back(input->Name + ": lines end with CR only (classic Mac); read as ordinary lines.");
        }
        if (!manifest_file) {
            Result<FileMapping> m = CanonicalMapping(input->Name, decoded[i].View());
            if (!m) {
                if (files.size() == 1 || options.Strict) return m.Err();
                report.Rejected.push_back(m.Err());
                input = nullptr;
                continue;
            }
            mapping = m.Take();
        }
    }

    Importer importer(options, report, builder, rules, manifest_file == nullptr);
    importer.PrepareSources();
    size_t rows = 0;
    for (size_t i = 0; i < work.size(); i++)
        if (work[i].first && work[i].second.Format == FileFormat::Csv) rows += EstimateRows(decoded[i].View());
    rows = std::min(rows, kMaxRows);
    builder.Reserve(rows);
    importer.Reserve(rows);
    for (size_t i = 0; i < work.size(); i++) {
        auto& [input, mapping] = work[i];
        if (!input) continue;
        FileReport file;
        file.Name = input->Name;
        file.Bytes = input_bytes[i];
        file.Encoding = decoded[i].Found;
        file.HadBom = decoded[i].HadBom;
        if (file.Encoding == TextEncoding::Cp949) importer.NoteOnce(file.Name + ": decoded from CP949 (Korean) to UTF-8.");
        report.Files.push_back(file);
        importer.BeginFile(mapping, &report.Files.back(), (uint32_t)report.Files.size() - 1);
        DecodedText& text = decoded[i];
        Status status = mapping.Format == FileFormat::Json
                            ? ReadJsonRows(mapping, text.View(), input->Name, importer)
                            : ReadCsvRows(mapping, text.Text.data() + text.Skip, text.Text.size() - text.Skip, input->Name, !manifest_file, importer);
        std::string().swap(decoded[i].Text);
        importer.EndFile();
        if (importer.FatalError()) return *importer.FatalError();
        if (importer.StrictError()) {
            Error e = *importer.StrictError();
            e.Message += " (strict loading stops at the first row it cannot read)";
            return e;
        }
        if (!status) {
            Error e = status.Err();
            if (e.File.empty()) e.File = input->Name;
            if (options.Strict) return e;
            report.Rejected.push_back(e);
        }
    }
    if (!importer.RejectRepeatedSlots()) {
        Error e = *importer.StrictError();
        e.Message += " (strict loading stops at the first row it cannot read)";
        return e;
    }
    importer.FinishRollups();
    rules = importer.Rules();
    if (report.RowsRejected > kMaxListedRejections)
        report.Notes.push_back(std::to_string(report.RowsRejected) + " rows could not be read; the first " + std::to_string(kMaxListedRejections) +
                               " are listed with the reason (the count per file is exact).");
    for (const Source& s : builder.Peek().Sources)
        if (s.Granularity_ == Granularity::Daily && rules.Target != Granularity::Daily)
            report.Notes.push_back(s.Key + ": daily chart rolled up to " + GranularityName(rules.Target) +
                                   " periods (rank = rounded mean of the daily ranks on the days charted; units = sum of daily units).");

    if (builder.EntryCount() == 0) {
        std::string name = work.size() == 1 ? files[0].Name : manifest.Name;
        if (!report.Rejected.empty()) {
            Error first = report.Rejected.front();
            first.Message = "no row could be read; the first problem: " + first.Message;
            return first;
        }
        return MakeErrorAt(name, 0, 0, "there are no chart rows in it.");
    }
    loaded.Data = builder.Finish();
    // Songs whose every row was refused (a repeated rank) are not songs of the data.
    DropSongsWithoutEntries(loaded.Data);
    std::vector<uint8_t> rolled_up(loaded.Data.Sources.size(), 0);
    for (size_t s = 0; s < rolled_up.size(); s++)
        rolled_up[s] = loaded.Data.Sources[s].Granularity_ == Granularity::Daily && rules.Target != Granularity::Daily;
    NoteRankGaps(loaded.Data, rolled_up, &report.Notes);
    if (options.Match) report.Matching = MatchSongs(loaded.Data, manifest.Aliases, manifest.Overrides);
    else report.Matching.Spellings = report.Matching.Songs = loaded.Data.Songs.size();
    report.RepeatsLeftOut = DropRepeatedSongs(loaded.Data, &report.Notes);
    if (Status st = CheckPeriodCells(loaded.Data, work.size() == 1 ? files[0].Name : manifest.Name); !st) return st.Err();
    return loaded;
}

} // namespace chartmix
