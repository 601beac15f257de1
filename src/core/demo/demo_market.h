#pragma once
// The built-in simulated chart market: a whole multi-platform chart history generated from a seed,
// with no data file, so the app has something to show offline and classrooms can compare voting
// methods against a ground truth that real charts never reveal.
//
// Model (docs/demo-market.md has the formulas):
//   - each song has a true popularity (thousands of listeners) that evolves week by week: a fandom
//     part that spikes in release week and fades, and a casual part that ramps up, streams for
//     months and drifts with a random walk;
//   - listeners live in regions (KR, CN, GLOBAL); a song appeals most to its home region;
//   - each platform sees its region's demand, tilted towards fandom or casual listeners, times
//     log-normal noise, and publishes a top-N chart at its own depth (with units where the real
//     platform publishes them); Circle's album chart counts physical sales, which fandoms buy in
//     release week;
//   - a simulated official composite chart (IsOfficial) adds the platforms' rank points with known
//     weights, so "official vs your mix" comparisons have a right answer.
// Everything is integer PRNG draws plus +, -, *, /, sqrt and the PortableExp of core/base/random.h, in
// a fixed order, so native and wasm builds produce the same dataset byte for byte.
#include <cstdint>
#include <vector>

#include "core/base/result.h"
#include "core/data/dataset.h"

namespace chartmix {

struct DemoMarketParams {
    uint64_t Seed = 1;
    int Songs = 300;            // songs released over the simulated time (raised in scale mode)
    int Weeks = 12;             // tracking periods, one per week
    double Noise = 0.3;         // sigma of each platform's log-normal measurement noise; 0 = none
    int64_t ScaleEntries = 0;   // > 0: benchmark mode, exactly this many chart entries in total
    int Sources = 0;            // total sources; 0 = the 12 built-in ones, more adds generic platforms
};

// One built-in platform as the simulation sees it.
struct DemoPlatform {
    const char* Key;
    const char* Name;
    const char* Region;         // "KR", "CN" or "GLOBAL"
    SourceKind Kind;
    int Depth;                  // published chart depth (top N)
    const char* UnitName;       // "" when the real platform publishes ranks only
    double RegionShare;         // share of its region's listeners using this platform
    double FandomTilt;          // how much its chart leans to fandom listening (1 = neutral)
    double OfficialWeight;      // weight in the simulated official composite
};

// The 11 built-in platforms, in source order (the official composite is source 11).
const std::vector<DemoPlatform>& DemoPlatforms();
// Share of all listeners living in a region ("KR", "CN", "GLOBAL"); 0 for others.
double DemoRegionWeight(const char* region);

struct DemoMarket {
    Dataset Data;                        // Name starts with "Simulated"; Data.Simulated is true
    DemoMarketParams Params;             // as used (Songs raised in scale mode)
    uint32_t OfficialSource = 0;         // index of the official composite in Data.Sources
    std::vector<double> TruePopularity;  // [period * Songs + song]; 0 before release and after retirement
    std::vector<int32_t> ReleaseWeek;    // per song, relative to period 0 (negative: released earlier)
    std::vector<uint8_t> FandomDriven;   // per song: 1 when its act sells on fandom (album spikes)

    uint32_t SongCount() const { return (uint32_t)Data.Songs.size(); }
    uint32_t PeriodCount() const { return (uint32_t)Data.Periods.size(); }
    // True popularity (thousands of listeners) of a song in a period.
    double TrueValue(uint32_t period, uint32_t song) const { return TruePopularity[(size_t)period * SongCount() + song]; }
    // Songs with a positive true popularity in a period, most popular first (ties by song id).
    std::vector<uint32_t> TrueRanking(uint32_t period) const;
    // Songs ranked by true popularity summed over all periods (the "whole run" truth).
    std::vector<uint32_t> TrueRankingOverall() const;
};

// Generates the market. Refuses (Result error) parameters it cannot honour: no songs or weeks,
// negative noise, fewer than 12 sources, or a scale whose charts would exceed 65,535 ranks.
// Example: auto market = GenerateDemoMarket({ .Seed = 7, .Weeks = 26 });
Result<DemoMarket> GenerateDemoMarket(const DemoMarketParams& params);

} // namespace chartmix
