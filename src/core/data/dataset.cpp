#include "core/data/dataset.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include "core/base/hash.h"

namespace chartmix {

// [SECTION] Names of enums as manifests and mixes spell them

static const char* const kSourceKindNames[] = {
    "physical_sales", "download", "audio_streams", "video_streams", "airplay", "social", "official_composite", "other",
};

const char* SourceKindName(SourceKind kind) { return kSourceKindNames[(int)kind]; }

bool ParseSourceKind(std::string_view name, SourceKind* out)
{
    for (int i = 0; i < (int)(sizeof(kSourceKindNames) / sizeof(kSourceKindNames[0])); i++)
        if (name == kSourceKindNames[i]) { *out = (SourceKind)i; return true; }
    return false;
}

static const char* const kGranularityNames[] = { "daily", "weekly", "monthly" };

const char* GranularityName(Granularity g) { return kGranularityNames[(int)g]; }

bool ParseGranularity(std::string_view name, Granularity* out)
{
    for (int i = 0; i < 3; i++)
        if (name == kGranularityNames[i]) { *out = (Granularity)i; return true; }
    return false;
}

// [SECTION] Dataset

Dataset::Dataset() = default;
Dataset::~Dataset() = default;
Dataset::Dataset(Dataset&&) noexcept = default;
Dataset& Dataset::operator=(Dataset&&) noexcept = default;
Dataset::Dataset(const Dataset&) = default;
Dataset& Dataset::operator=(const Dataset&) = default;

int Dataset::FindSource(std::string_view key) const
{
    for (size_t i = 0; i < Sources.size(); i++)
        if (Sources[i].Key == key) return (int)i;
    return -1;
}

int Dataset::FindPeriod(std::string_view label) const
{
    for (size_t i = 0; i < Periods.size(); i++)
        if (Periods[i].Label == label) return (int)i;
    return -1;
}

bool Dataset::HasMixableSource() const
{
    for (const Source& s : Sources)
        if (!s.IsOfficial) return true;
    return false;
}

size_t Dataset::MemoryBytes() const
{
    size_t bytes = Strings.MemoryBytes();
    bytes += Songs.capacity() * sizeof(Song) + Periods.capacity() * sizeof(Period) + Sources.capacity() * sizeof(Source);
    bytes += EntryPeriod.capacity() * 4 + EntrySource.capacity() * 4 + EntrySong.capacity() * 4;
    bytes += EntryRank.capacity() * 2 + EntryUnits.capacity() * 8;
    bytes += Groups.capacity() * sizeof(EntryGroup) + PeriodGroupBegin.capacity() * 4;
    return bytes;
}

// [SECTION] DatasetBuilder

uint32_t DatasetBuilder::AddSource(Source source)
{
    Data_.Sources.push_back(std::move(source));
    return (uint32_t)Data_.Sources.size() - 1;
}

uint32_t DatasetBuilder::AddPeriod(DayNumber start, DayNumber end, std::string label)
{
    auto [period, inserted] = PeriodIndex_.Insert(PeriodKey(start, end), (uint32_t)Data_.Periods.size());
    if (inserted) Data_.Periods.push_back(Period{ start, end, std::move(label) });
    return *period;
}

int64_t DatasetBuilder::FindPeriod(DayNumber start, DayNumber end) const
{
    const uint32_t* period = PeriodIndex_.Find(PeriodKey(start, end));
    return period ? (int64_t)*period : -1;
}

uint32_t DatasetBuilder::AddSongBytes(const char* title_bytes, size_t title_size, const char* artist_bytes, size_t artist_size)
{
    const std::string_view title(title_bytes, title_size), artist(artist_bytes, artist_size);
    // One hash over title and artist finds the song; strings are interned only for a new one.
    const uint64_t hash = HashPair(title, artist) | 1;  // 0 marks an empty slot
    if ((Data_.Songs.size() + 1) * 2 > SongTable_.size()) GrowSongTable();
    const size_t mask = SongTable_.size() - 1;
    size_t i = (size_t)hash & mask;
    for (; SongTable_[i].Hash != 0; i = (i + 1) & mask) {
        if (SongTable_[i].Hash != hash) continue;
        const char* key = SongKeys_.data() + SongTable_[i].Key;
        uint32_t lengths[2];
        std::memcpy(lengths, key, sizeof(lengths));
        if (lengths[0] == title.size() && lengths[1] == artist.size() && SameBytes(std::string_view(key + 8, title.size()), title) &&
            SameBytes(std::string_view(key + 8 + title.size(), artist.size()), artist))
            return SongTable_[i].Song;
    }
    const uint32_t song = (uint32_t)Data_.Songs.size();
    Data_.Songs.push_back(Song{ Data_.Strings.Intern(title), Data_.Strings.Intern(artist) });
    const size_t key = SongKeys_.size();
    const uint32_t lengths[2] = { (uint32_t)title.size(), (uint32_t)artist.size() };
    SongKeys_.resize(key + sizeof(lengths) + title.size() + artist.size());
    std::memcpy(SongKeys_.data() + key, lengths, sizeof(lengths));
    // An empty text may have no bytes at all (a null view): memcpy from null is undefined even for 0 bytes.
    if (!title.empty()) std::memcpy(SongKeys_.data() + key + 8, title.data(), title.size());
    if (!artist.empty()) std::memcpy(SongKeys_.data() + key + 8 + title.size(), artist.data(), artist.size());
    SongTable_[i] = SongSlot{ hash, song, (uint32_t)key };
    return song;
}

void DatasetBuilder::GrowSongTable()
{
    std::vector<SongSlot> table(SongTable_.empty() ? 1024 : SongTable_.size() * 2);
    const size_t mask = table.size() - 1;
    for (const SongSlot& slot : SongTable_) {
        if (!slot.Hash) continue;
        size_t i = (size_t)slot.Hash & mask;
        while (table[i].Hash) i = (i + 1) & mask;
        table[i] = slot;
    }
    SongTable_.swap(table);
}

void DatasetBuilder::AddEntry(uint32_t period, uint32_t source, uint32_t song, uint16_t rank, double units)
{
    Data_.EntryPeriod.push_back(period);
    Data_.EntrySource.push_back(source);
    Data_.EntrySong.push_back(song);
    Data_.EntryRank.push_back(rank);
    Data_.EntryUnits.push_back(units);
}

void DatasetBuilder::Reserve(size_t entries)
{
    Data_.EntryPeriod.reserve(entries);
    Data_.EntrySource.reserve(entries);
    Data_.EntrySong.reserve(entries);
    Data_.EntryRank.reserve(entries);
    Data_.EntryUnits.reserve(entries);
}

void DatasetBuilder::SetName(std::string name, bool simulated)
{
    Data_.Name = std::move(name);
    Data_.Simulated = simulated;
}

using EntrySpan = DatasetBuilder::EntrySpan;

static uint32_t RankKey(uint16_t rank) { return rank == kNoRank ? 0x10000u : rank; }

// The order that sorts entries by (period, source, rank), stable, as spans of entries in the order
// added; empty when they already are in that order. Files arrive one chart at a time, each chart in
// rank order, so the entries form a few runs of one (period, source) each: sorting the runs (not the
// entries) and checking each run's ranks leaves only a rare out-of-order chart to sort entry by entry.
static std::vector<EntrySpan> EntryOrder(const Dataset& d)
{
    struct Run {
        uint32_t Period, Source, Begin, End;
        bool RanksSorted;
    };
    const size_t n = d.EntryCount();
    std::vector<Run> runs;
    bool in_order = true;
    for (uint32_t i = 0; i < n;) {
        Run run{ d.EntryPeriod[i], d.EntrySource[i], i, i + 1, true };
        while (run.End < n && d.EntryPeriod[run.End] == run.Period && d.EntrySource[run.End] == run.Source) {
            run.RanksSorted = run.RanksSorted && RankKey(d.EntryRank[run.End]) >= RankKey(d.EntryRank[run.End - 1]);
            run.End++;
        }
        if (!runs.empty()) {
            const Run& last = runs.back();
            in_order = in_order && (last.Period != run.Period ? last.Period < run.Period : last.Source < run.Source);
        }
        in_order = in_order && run.RanksSorted;
        runs.push_back(run);
        i = run.End;
    }
    if (in_order) return {};

    std::stable_sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.Period != b.Period ? a.Period < b.Period : a.Source < b.Source; });
    std::vector<EntrySpan> spans;
    spans.reserve(runs.size());
    std::vector<uint32_t> chart;  // the entries of one chart that must be sorted by rank
    for (size_t r = 0; r < runs.size();) {
        size_t end = r + 1;
        bool sorted = runs[r].RanksSorted;
        while (end < runs.size() && runs[end].Period == runs[r].Period && runs[end].Source == runs[r].Source) {
            sorted = sorted && runs[end].RanksSorted && RankKey(d.EntryRank[runs[end].Begin]) >= RankKey(d.EntryRank[runs[end - 1].End - 1]);
            end++;
        }
        if (sorted) {
            for (size_t k = r; k < end; k++) spans.push_back(EntrySpan{ runs[k].Begin, runs[k].End - runs[k].Begin });
        } else {
            chart.clear();
            for (size_t k = r; k < end; k++)
                for (uint32_t e = runs[k].Begin; e < runs[k].End; e++) chart.push_back(e);
            std::stable_sort(chart.begin(), chart.end(), [&](uint32_t a, uint32_t b) { return RankKey(d.EntryRank[a]) < RankKey(d.EntryRank[b]); });
            for (uint32_t e : chart) {
                if (!spans.empty() && spans.back().Begin + spans.back().Count == e) spans.back().Count++;
                else spans.push_back(EntrySpan{ e, 1 });
            }
        }
        r = end;
    }
    return spans;
}

// Calls visit(entry) for every entry, in the order the spans give (in the order added when there are none).
template <typename Visit>
static void ForEachInOrder(size_t n, const std::vector<EntrySpan>& spans, Visit&& visit)
{
    if (spans.empty()) {
        for (uint32_t e = 0; e < n; e++) visit(e);
        return;
    }
    for (const EntrySpan& s : spans)
        for (uint32_t e = s.Begin; e < s.Begin + s.Count; e++) visit(e);
}

// Rewrites a column in the order of the spans, a span at a time.
template <typename T>
static void Permute(std::vector<T>& column, const std::vector<EntrySpan>& spans)
{
    std::vector<T> out;
    out.reserve(column.size());
    for (const EntrySpan& s : spans) out.insert(out.end(), column.begin() + s.Begin, column.begin() + s.Begin + s.Count);
    column.swap(out);
}

template <typename T>
static void RemoveMarked(std::vector<T>& column, const std::vector<uint8_t>& removed)
{
    size_t kept = 0;
    for (size_t i = 0; i < column.size(); i++)
        if (!removed[i]) column[kept++] = column[i];
    column.resize(kept);
}

void DatasetBuilder::DropRepeatedSlots(const std::function<bool(uint32_t later, uint32_t earlier)>& drop)
{
    Dataset& d = Data_;
    const size_t n = d.EntryCount();
    Order_ = EntryOrder(d);  // stable: among equal places, the order added
    OrderEntries_ = n;
    const std::vector<EntrySpan>& order = Order_;
    std::vector<std::pair<uint32_t, uint32_t>> repeats;  // (later, earlier)
    std::vector<uint32_t> song_chart(d.Songs.size(), UINT32_MAX), song_entry(d.Songs.size(), 0);
    uint32_t chart = 0, holder = 0, prev = UINT32_MAX;  // holder: the first entry of the current run of one rank
    ForEachInOrder(n, order, [&](uint32_t e) {
        const bool same_chart = prev != UINT32_MAX && d.EntryPeriod[e] == d.EntryPeriod[prev] && d.EntrySource[e] == d.EntrySource[prev];
        if (prev != UINT32_MAX && !same_chart) chart++;
        if (d.EntryRank[e] != kNoRank) {
            if (same_chart && d.EntryRank[e] == d.EntryRank[prev]) repeats.emplace_back(e, holder);
            else holder = e;
        } else if (song_chart[d.EntrySong[e]] == chart) {
            repeats.emplace_back(e, song_entry[d.EntrySong[e]]);
        } else {
            song_chart[d.EntrySong[e]] = chart;
            song_entry[d.EntrySong[e]] = e;
        }
        prev = e;
    });
    if (repeats.empty()) return;
    std::sort(repeats.begin(), repeats.end());
    std::vector<uint8_t> removed(n, 0);
    for (auto [later, earlier] : repeats) removed[later] = drop(later, earlier) ? 1 : 0;
    OrderEntries_ = SIZE_MAX;  // the order no longer fits the entries
    RemoveMarked(d.EntryPeriod, removed);
    RemoveMarked(d.EntrySource, removed);
    RemoveMarked(d.EntrySong, removed);
    RemoveMarked(d.EntryRank, removed);
    RemoveMarked(d.EntryUnits, removed);
}

Dataset DatasetBuilder::Finish()
{
    Dataset& d = Data_;
    // Periods in time order; remap entry period indices.
    std::vector<uint32_t> period_order(d.Periods.size());
    std::iota(period_order.begin(), period_order.end(), 0);
    std::stable_sort(period_order.begin(), period_order.end(), [&](uint32_t a, uint32_t b) {
        return d.Periods[a].Start != d.Periods[b].Start ? d.Periods[a].Start < d.Periods[b].Start : d.Periods[a].End < d.Periods[b].End;
    });
    std::vector<uint32_t> period_new_index(d.Periods.size());
    for (uint32_t i = 0; i < period_order.size(); i++) period_new_index[period_order[i]] = i;
    std::vector<Period> periods(d.Periods.size());
    for (uint32_t i = 0; i < period_order.size(); i++) periods[i] = std::move(d.Periods[period_order[i]]);
    d.Periods.swap(periods);
    bool periods_in_order = true;
    for (uint32_t i = 0; i < period_order.size(); i++) periods_in_order = periods_in_order && period_order[i] == i;
    if (!periods_in_order)
        for (uint32_t& p : d.EntryPeriod) p = period_new_index[p];

    // Entries by (period, source, rank) with off-chart rows (rank 0) last; ties keep input order.
    const size_t n = d.EntryCount();
    // DropRepeatedSlots' order still holds when no entry came or went since and no period moved.
    const std::vector<EntrySpan> order = OrderEntries_ == n && periods_in_order ? std::move(Order_) : EntryOrder(d);
    std::vector<EntrySpan>().swap(Order_);
    OrderEntries_ = SIZE_MAX;
    if (!order.empty()) {
        Permute(d.EntryPeriod, order);
        Permute(d.EntrySource, order);
        Permute(d.EntrySong, order);
        Permute(d.EntryRank, order);
        Permute(d.EntryUnits, order);
    } else if (d.EntrySong.capacity() > n + n / 8) {
        // Reserved from an estimate of the rows (filtered and rejected rows make no entry): give back the rest.
        d.EntryPeriod.shrink_to_fit();
        d.EntrySource.shrink_to_fit();
        d.EntrySong.shrink_to_fit();
        d.EntryRank.shrink_to_fit();
        d.EntryUnits.shrink_to_fit();
    }

    d.Groups.clear();
    d.PeriodGroupBegin.assign(d.Periods.size() + 1, 0);
    for (uint32_t i = 0; i < n;) {
        uint32_t j = i;
        while (j < n && d.EntryPeriod[j] == d.EntryPeriod[i] && d.EntrySource[j] == d.EntrySource[i]) j++;
        d.Groups.push_back(EntryGroup{ d.EntryPeriod[i], d.EntrySource[i], i, j });
        i = j;
    }
    for (const EntryGroup& g : d.Groups) d.PeriodGroupBegin[g.Period + 1]++;
    for (size_t p = 0; p < d.Periods.size(); p++) d.PeriodGroupBegin[p + 1] += d.PeriodGroupBegin[p];

    Dataset out = std::move(Data_);
    Data_ = Dataset();
    std::vector<SongSlot>().swap(SongTable_);
    std::vector<char>().swap(SongKeys_);
    PeriodIndex_.Clear();
    return out;
}

} // namespace chartmix
