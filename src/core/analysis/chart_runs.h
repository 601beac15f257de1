#pragma once
// A song's run on a chart: debut, peak, weeks on chart, weeks at #1 and the rank every period.
// Works on the composite history (Engine::RankHistory) or on one published source.
#include <cstdint>
#include <vector>

#include "core/data/dataset.h"
#include "core/rank/engine.h"

namespace chartmix {

struct ChartRun {
    uint32_t Song = 0;
    uint32_t DebutPeriod = 0;
    int DebutRank = 0;
    int Peak = 0;                 // best rank reached
    uint32_t PeakPeriod = 0;      // first period at the peak
    uint32_t WeeksOnChart = 0;    // periods charted (weeks for weekly data)
    uint32_t WeeksAtNumberOne = 0;
    uint32_t LastPeriod = 0;
    std::vector<uint16_t> Trajectory;  // rank per period from DebutPeriod to LastPeriod; 0 = off the chart
};

// Runs of every song in a history (rank = position in each period's list), ordered by peak, then
// more weeks on chart, then earlier debut, then song id: a fixed order for output.
std::vector<ChartRun> ComputeChartRuns(const History& history);
// The history of one published chart (ranked entries only), top_n deep (0 = all).
History SourceHistory(const Dataset& data, uint32_t source, int top_n = 0);

} // namespace chartmix
