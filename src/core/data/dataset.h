#pragma once
// The in-memory chart model: columnar and interned, so that re-weighting streams over contiguous
// arrays. Every published chart, the built-in simulated market and the user's files end up here.
//
//   Dataset
//     Sources   one per published chart (Melon daily, Billboard Hot 100, Spotify US weekly, ...)
//     Periods   aligned tracking periods; entries from charts published on different days for the
//               same tracking week share one period
//     Songs     matched across sources: one id per song, whatever its spelling on each chart
//     Entries   one row per chart entry, in columns, sorted by (period, source, rank)
//     Groups    one per (period, source) that has entries: the range of entries it owns
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/flat_map.h"
#include "core/base/string_pool.h"

namespace chartmix {

enum class SourceKind : uint8_t {
    PhysicalSales,
    Download,
    AudioStreams,
    VideoStreams,
    Airplay,
    Social,
    OfficialComposite,
    Other,
};
// "physical_sales", "download", "audio_streams", "video_streams", "airplay", "social",
// "official_composite", "other": the spelling used in manifests and mixes.
const char* SourceKindName(SourceKind kind);
// Parses the manifest spelling; returns false for an unknown name.
bool ParseSourceKind(std::string_view name, SourceKind* out);

enum class Granularity : uint8_t { Daily, Weekly, Monthly };
const char* GranularityName(Granularity g);
bool ParseGranularity(std::string_view name, Granularity* out);

struct Source {
    std::string Key;            // short stable id used by mixes and URLs ("melon", "spotify-us")
    std::string Name;           // display name ("Melon daily top 100")
    std::string Region;         // "KR", "CN", "JP", "US", "GB", "GLOBAL", ...
    SourceKind Kind = SourceKind::Other;
    Granularity PeriodGranularity = Granularity::Weekly;
    int Depth = 0;              // published chart depth (top N); 0 when unknown
    std::string UnitName;       // "streams", "score", "points"; "" when the chart publishes ranks only
    int PublicationOffsetDays = 0;  // chart date minus the last day of its tracking period
    std::string Citation;       // where the data comes from (URL or reference)
    bool IsOfficial = false;    // an official composite chart that a mix can be compared against
};

// Days since 1970-01-01 (UTC civil calendar); negative before 1970.
using DayNumber = int32_t;

struct Period {
    DayNumber Start = 0;  // first day of the tracking period
    DayNumber End = 0;    // last day of the tracking period (inclusive)
    std::string Label;    // "2023-03-03" (week ending), "2023-03" (month), shown to users
};

struct Song {
    uint32_t Title = 0;   // StringPool id: display title (as first seen)
    uint32_t Artist = 0;  // StringPool id: display artist (as first seen)
};

// Sentinel for entries published with units but no rank (off-chart rows).
constexpr uint16_t kNoRank = 0;

struct EntryGroup {
    uint32_t Period = 0;
    uint32_t Source = 0;
    uint32_t Begin = 0;   // first entry index
    uint32_t End = 0;     // one past the last entry index
};

struct Dataset {
    std::string Name;
    bool Simulated = false;            // true for the built-in simulated market: say so everywhere
    std::vector<Source> Sources;
    std::vector<Period> Periods;       // sorted by Start, non-overlapping
    std::vector<Song> Songs;
    StringPool Strings;

    // Entry columns, all of the same length, sorted by (period, source, rank; off-chart last).
    std::vector<uint32_t> EntryPeriod;
    std::vector<uint32_t> EntrySource;
    std::vector<uint32_t> EntrySong;
    std::vector<uint16_t> EntryRank;   // 1-based; kNoRank for off-chart rows
    std::vector<double> EntryUnits;    // NaN when the source publishes no units for that entry

    std::vector<EntryGroup> Groups;        // sorted by (period, source)
    std::vector<uint32_t> PeriodGroupBegin;  // Periods.size() + 1 offsets into Groups

    size_t EntryCount() const { return EntrySong.size(); }
    // True when a mix has something to weigh: a source that is not an official chart.
    bool HasMixableSource() const;
    std::string_view SongTitle(uint32_t song) const { return Strings.View(Songs[song].Title); }
    std::string_view SongArtist(uint32_t song) const { return Strings.View(Songs[song].Artist); }
    // Index of the source with this key, or -1.
    int FindSource(std::string_view key) const;
    // Index of the period with this label, or -1.
    int FindPeriod(std::string_view label) const;
    // Bytes held by the model (for the memory budget: at most 3x the files loaded).
    size_t MemoryBytes() const;

    // Defined in dataset.cpp, one of the files the browser build optimizes for speed: made inline in
    // a file optimized for size, freeing the columns ran a loop over every entry (bench/analysis.md).
    Dataset();
    ~Dataset();
    Dataset(Dataset&&) noexcept;
    Dataset& operator=(Dataset&&) noexcept;
    Dataset(const Dataset&);
    Dataset& operator=(const Dataset&);
};

// Collects sources, periods, songs and entries in any order, then sorts and groups them.
// Importers and the simulated market both feed one of these.
class DatasetBuilder {
public:
    uint32_t AddSource(Source source);
    // Returns the index of the period with exactly this [start, end], adding it when new.
    uint32_t AddPeriod(DayNumber start, DayNumber end, std::string label);
    // Index of the period with exactly this [start, end], or -1 (lets callers skip making a label).
    int64_t FindPeriod(DayNumber start, DayNumber end) const;
    // Returns the id of the song with exactly this title and artist, adding it when new.
    // Cross-source matching of spelling variants happens later (see matching.h).
    uint32_t AddSong(std::string_view title, std::string_view artist) { return AddSongBytes(title.data(), title.size(), artist.data(), artist.size()); }
    // AddSong with each text as its bytes and length. In wasm32 a string_view argument is passed through
    // memory: the importer's trimmed title and artist were written there as two 32-bit halves and read
    // back as one 64-bit value, which the CPU cannot forward from the two stores (a stall on every row).
    // Scalars travel in registers.
    uint32_t AddSongBytes(const char* title_bytes, size_t title_size, const char* artist_bytes, size_t artist_size);
    void AddEntry(uint32_t period, uint32_t source, uint32_t song, uint16_t rank, double units);
    void Reserve(size_t entries);
    void SetName(std::string name, bool simulated);
    size_t EntryCount() const { return Data_.EntrySong.size(); }
    Dataset& Peek() { return Data_; }

    // Offers drop(later, earlier) every entry that takes a place an earlier entry of the same chart
    // (period and source) holds: the same rank, or the same song off-chart. Indices are in the order
    // entries were added, each later one in that order; the entries drop returns true for are removed.
    void DropRepeatedSlots(const std::function<bool(uint32_t later, uint32_t earlier)>& drop);
    // Sorts periods by start and entries by (period, source, rank) and builds the groups. Reuses the
    // order DropRepeatedSlots found when no entry was added or dropped since (entries are not edited
    // in between: Peek is for sources, periods and songs).
    Dataset Finish();

    // Entries [Begin, Begin + Count) in the order they were added (the sort order of entries, as spans).
    struct EntrySpan {
        uint32_t Begin = 0;
        uint32_t Count = 0;
    };

private:
    Dataset Data_;
    // The entry order DropRepeatedSlots computed, for Finish to reuse; valid while OrderEntries_ is the entry count.
    std::vector<EntrySpan> Order_;
    size_t OrderEntries_ = SIZE_MAX;
    // The songs seen so far, for AddSong: open addressing over HashPair(title, artist). A slot holds
    // the hash, the song and where its key bytes are, so a lookup touches one slot and one key.
    struct SongSlot {
        uint64_t Hash = 0;   // 0 = empty
        uint32_t Song = 0;
        uint32_t Key = 0;    // offset in SongKeys_ of: title length, artist length (4 bytes each), title, artist
    };
    std::vector<SongSlot> SongTable_;
    std::vector<char> SongKeys_;
    void GrowSongTable();
    FlatMap64<uint32_t> PeriodIndex_;  // PeriodKey(start, end) -> period
    static uint64_t PeriodKey(DayNumber start, DayNumber end) { return (uint64_t)(uint32_t)start << 32 | (uint32_t)end; }
};

} // namespace chartmix
