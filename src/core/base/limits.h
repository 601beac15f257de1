#pragma once
// What one load may hold. The browser build runs in at most 1 GiB of wasm memory
// (-sMAXIMUM_MEMORY=1gb in cmake/web.cmake) shared by the app, the dataset already loaded (a failed
// load keeps it) and the one being loaded, so every input the importer accepts must fit that with
// room to spare. Native builds apply the same limits, so a file that loads in one loads in the other.
// docs/reliability.md has the arithmetic; every refusal is a sentence naming the limit and why.
#include <cstddef>
#include <cstdint>

namespace chartmix {

// Bytes of all files of one load together. A load holds about three copies of its text at its peak
// (the page's copy into wasm memory, the importer's InputFile, the decoded UTF-8), so 128 MiB costs
// ~384 MiB before any entry exists. The JS API refuses bigger files before reading them
// (chartmix_max_load_bytes), so a 2 GB file never reaches wasm memory.
constexpr size_t kMaxLoadBytes = size_t(128) << 20;

// Data rows (records after a header, JSON rows) of one load. Each row costs ~150 bytes at the peak
// of a load (entry columns, duplicate checks, roll-ups, engine scores, vector growth): 2 million
// rows are ~300 MiB, which with the text above and the previous dataset stays under 1 GiB.
// Billboard's whole Hot 100 history is 350,000 rows.
constexpr size_t kMaxRows = 2000000;

// Bytes of one mapped value (title, artist, source, period, rank, units, ids) and of one manifest
// string. The longest published song titles are a few hundred characters; a longer value is damage
// or an attack, and the row is refused with a sentence rather than truncated, so two different
// songs never merge under one clipped title.
constexpr size_t kMaxFieldBytes = 1024;

// Sources of one dataset (manifest entries, or distinct values of a canonical CSV's source column).
// Real datasets have at most a few hundred (Spotify's regional charts are ~150). Resolving a mix and
// a slider drag cost O(sources x mix settings), which stays well inside a frame at 1,000.
constexpr size_t kMaxSources = 1000;

// Songs of one period times sources. The chart panel and the ranking exports keep one contribution
// per (ranked song, source) of the shown period (Engine::Contributions), 8 bytes each: 16 million
// cells are 128 MiB. 150 sources with 20,000 songs in a week is 3 million.
constexpr size_t kMaxPeriodCells = size_t(16) << 20;

// Files of one load (manifest "files" entries or dropped files): file look-up is by name.
constexpr size_t kMaxFiles = 1000;

// Rejected rows kept with their message in LoadReport::Rejected; the rest are counted (per file in
// FileReport::RowsRejected) and a note says how many were left unlisted.
constexpr size_t kMaxListedRejections = 1000;

// Units of one entry, after the file's multiplier and scale: the most streams, sales or points a
// chart has published is ~10^10, and a sum of such values over every entry of a load stays far below
// the overflow of a double, so every normalization (share, min-max, z-score) stays finite. A bigger
// value is damage (a 300-digit number would make the sums infinite and the scores NaN).
constexpr double kMaxUnits = 1e15;

// Pair steps of one pairwise ranking: every chart in the window compares every pair of the
// candidates (BuildPreferences), charts x candidates^2. 2^27 steps take about a tenth of a second
// natively; 500 candidates (the most a mix may ask for) on one week of 150 charts are 2^25, but a
// cumulative window over a year of them would be 2^31 for every period of the history. Beyond it the
// ranking is refused with a sentence saying what to shorten.
constexpr uint64_t kMaxPairwiseSteps = uint64_t(1) << 27;

// Chart positions are uint16 in the model (Dataset::EntryRank): a larger rank is refused.
constexpr int kMaxRank = 65535;

// The CSV reader stores field offsets as uint32: every accepted file must be shorter than 4 GiB.
static_assert(uint64_t(kMaxLoadBytes) < (uint64_t(1) << 32), "CsvReader offsets are 32-bit");

} // namespace chartmix
