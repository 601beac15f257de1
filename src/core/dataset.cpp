#include "core/dataset.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/hash.h"

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

size_t Dataset::MemoryBytes() const
{
    size_t bytes = Strings.MemoryBytes();
    bytes += Songs.capacity() * sizeof(Song) + Periods.capacity() * sizeof(Period) + Sources.capacity() * sizeof(Source);
    bytes += EntryPeriod.capacity() * 4 + EntrySource.capacity() * 4 + EntrySong.capacity() * 4;
    bytes += EntryRank.capacity() * 2 + EntryUnits.capacity() * 8;
    bytes += Groups.capacity() * sizeof(EntryGroup) + PeriodGroupBegin.capacity() * 4;
    return bytes;
}

void Dataset::RemapSongs(const std::vector<uint32_t>& old_to_new, std::vector<Song> songs)
{
    for (uint32_t& s : EntrySong) s = old_to_new[s];
    Songs = std::move(songs);
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

uint32_t DatasetBuilder::AddSong(std::string_view title, std::string_view artist)
{
    // One hash over title and artist finds the song; strings are interned only for a new one.
    const uint64_t hash = HashBytes(artist, HashBytes(title)) | 1;  // 0 marks an empty slot
    if ((Data_.Songs.size() + 1) * 2 > SongHashes_.size()) GrowSongTable();
    const size_t mask = SongHashes_.size() - 1;
    size_t i = (size_t)hash & mask;
    for (; SongHashes_[i] != 0; i = (i + 1) & mask) {
        if (SongHashes_[i] != hash) continue;
        const uint32_t song = SongIds_[i];
        if (SameBytes(Data_.SongTitle(song), title) && SameBytes(Data_.SongArtist(song), artist)) return song;
    }
    const uint32_t song = (uint32_t)Data_.Songs.size();
    Data_.Songs.push_back(Song{ Data_.Strings.Intern(title), Data_.Strings.Intern(artist) });
    SongHashes_[i] = hash;
    SongIds_[i] = song;
    return song;
}

void DatasetBuilder::GrowSongTable()
{
    std::vector<uint64_t> hashes(SongHashes_.empty() ? 1024 : SongHashes_.size() * 2, 0);
    std::vector<uint32_t> ids(hashes.size(), 0);
    const size_t mask = hashes.size() - 1;
    for (size_t k = 0; k < SongHashes_.size(); k++) {
        if (!SongHashes_[k]) continue;
        size_t i = (size_t)SongHashes_[k] & mask;
        while (hashes[i]) i = (i + 1) & mask;
        hashes[i] = SongHashes_[k];
        ids[i] = SongIds_[k];
    }
    SongHashes_.swap(hashes);
    SongIds_.swap(ids);
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

template <typename T>
static void Permute(std::vector<T>& column, const std::vector<uint32_t>& order)
{
    std::vector<T> out(order.size());
    for (size_t i = 0; i < order.size(); i++) out[i] = column[order[i]];
    column.swap(out);
}

static uint32_t RankKey(uint16_t rank) { return rank == kNoRank ? 0x10000u : rank; }

// The order that sorts entries by (period, source, rank), stable; empty when they already are.
// Files arrive one chart at a time, each in date and rank order, so two counting passes (by source,
// then by period) leave only the rare out-of-order chart to sort by rank.
static std::vector<uint32_t> EntryOrder(const Dataset& d)
{
    const size_t n = d.EntryCount();
    auto before = [&](size_t a, size_t b) {
        if (d.EntryPeriod[a] != d.EntryPeriod[b]) return d.EntryPeriod[a] < d.EntryPeriod[b];
        if (d.EntrySource[a] != d.EntrySource[b]) return d.EntrySource[a] < d.EntrySource[b];
        return RankKey(d.EntryRank[a]) < RankKey(d.EntryRank[b]);
    };
    size_t i = 1;
    while (i < n && !before(i, i - 1)) i++;
    if (i >= n) return {};

    auto counting_pass = [n](const std::vector<uint32_t>& keys, size_t buckets, const std::vector<uint32_t>& in) {
        std::vector<uint32_t> start(buckets + 1, 0);
        for (uint32_t k : keys) start[k + 1]++;
        for (size_t b = 0; b < buckets; b++) start[b + 1] += start[b];
        std::vector<uint32_t> out(n);
        for (uint32_t e : in) out[start[keys[e]]++] = e;
        return out;
    };
    std::vector<uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    order = counting_pass(d.EntrySource, d.Sources.size(), order);
    order = counting_pass(d.EntryPeriod, d.Periods.size(), order);
    for (size_t begin = 0; begin < n;) {
        size_t end = begin + 1;
        bool sorted = true;
        while (end < n && d.EntryPeriod[order[end]] == d.EntryPeriod[order[begin]] && d.EntrySource[order[end]] == d.EntrySource[order[begin]]) {
            sorted = sorted && RankKey(d.EntryRank[order[end]]) >= RankKey(d.EntryRank[order[end - 1]]);
            end++;
        }
        if (!sorted)
            std::stable_sort(order.begin() + (std::ptrdiff_t)begin, order.begin() + (std::ptrdiff_t)end,
                             [&](uint32_t a, uint32_t b) { return RankKey(d.EntryRank[a]) < RankKey(d.EntryRank[b]); });
        begin = end;
    }
    return order;
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
    const std::vector<uint32_t> order = EntryOrder(d);  // stable: among equal places, the order added
    auto at = [&](size_t i) { return order.empty() ? (uint32_t)i : order[i]; };
    std::vector<std::pair<uint32_t, uint32_t>> repeats;  // (later, earlier)
    std::vector<uint32_t> song_chart(d.Songs.size(), UINT32_MAX), song_entry(d.Songs.size(), 0);
    uint32_t chart = 0, holder = 0;  // holder: the first entry of the current run of one rank
    for (size_t i = 0; i < n; i++) {
        const uint32_t e = at(i), prev = i ? at(i - 1) : 0;
        const bool same_chart = i > 0 && d.EntryPeriod[e] == d.EntryPeriod[prev] && d.EntrySource[e] == d.EntrySource[prev];
        if (i > 0 && !same_chart) chart++;
        if (d.EntryRank[e] != kNoRank) {
            if (same_chart && d.EntryRank[e] == d.EntryRank[prev]) repeats.emplace_back(e, holder);
            else holder = e;
        } else if (song_chart[d.EntrySong[e]] == chart) {
            repeats.emplace_back(e, song_entry[d.EntrySong[e]]);
        } else {
            song_chart[d.EntrySong[e]] = chart;
            song_entry[d.EntrySong[e]] = e;
        }
    }
    if (repeats.empty()) return;
    std::sort(repeats.begin(), repeats.end());
    std::vector<uint8_t> removed(n, 0);
    for (auto [later, earlier] : repeats) removed[later] = drop(later, earlier) ? 1 : 0;
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
    for (uint32_t& p : d.EntryPeriod) p = period_new_index[p];

    // Entries by (period, source, rank) with off-chart rows (rank 0) last; ties keep input order.
    const size_t n = d.EntryCount();
    std::vector<uint32_t> order = EntryOrder(d);
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
    std::vector<uint64_t>().swap(SongHashes_);
    std::vector<uint32_t>().swap(SongIds_);
    PeriodIndex_.Clear();
    return out;
}

} // namespace chartmix
