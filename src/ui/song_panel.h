#pragma once
// One song: its rank on every source and in the composite over time, and its chart run (debut,
// peak, weeks on chart, weeks at #1) from the core's chart-run API.
#include <cstdint>
#include <vector>

#include "core/analysis/chart_runs.h"
#include "ui/app_state.h"

namespace chartmix::ui {

struct SongPanel {
    bool LogScale = true;

    uint64_t SeenRevision = 0;
    int64_t SeenSong = -1;
    std::vector<uint32_t> Lines;     // sources listing the song at least once, then UINT32_MAX = composite
    std::vector<float> Ranks;        // Lines.size() x periods; NaN off the chart
    std::vector<float> Xs;
    std::vector<const char*> PeriodLabels;
    float MaxRank = 1.0f;
    bool HasRun = false;
    ChartRun Run;                    // the composite run (top kChartDepth)
    std::vector<float> Scratch;      // one plotted line (kept to avoid a per-frame allocation)

    void Draw(AppState& state);

private:
    void Refresh(AppState& state, uint32_t song);
};

} // namespace chartmix::ui
