#pragma once
// Bump chart of the composite top N over every period (Session::CurrentHistory): hover highlights
// a song across periods, a click pins it (Session::Selected). A period slider with play/pause
// animates through time.
#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/app_state.h"

namespace chartmix::ui {

struct HistoryPanel {
    int TopN = 10;
    bool Playing = false;
    float PlayClock = 0.0f;
    float SecondsPerPeriod = 0.7f;

    // Series built from the history (per revision and top N): one line per song in any top N.
    uint64_t SeenRevision = 0;
    int SeenTopN = 0;
    std::vector<uint32_t> SeriesSongs;
    std::vector<float> SeriesRanks;      // SeriesSongs.size() x periods, NaN off the top N
    std::vector<float> Xs;               // 0 .. periods - 1
    std::vector<const char*> PeriodLabels;
    int Hovered = -1;
    std::vector<ImVec2> PinTargets;      // per series: a pixel on its line (tests click there)
    std::vector<std::string> LabelTexts; // per frame: end labels' text (EndLabel points into it)

    void Draw(AppState& state);

private:
    void Refresh(AppState& state);
    void DrawTimeControls(AppState& state);
};

} // namespace chartmix::ui
