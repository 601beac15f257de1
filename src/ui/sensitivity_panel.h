#pragma once
// How robust the chart is: for one source, the rank of the top songs as its weight sweeps, with
// the exact flip points and the current weight marked (core sensitivity API); and P(#1) under
// random weights drawn from a Dirichlet centred on the mix.
#include <cstdint>
#include <string>
#include <vector>

#include "core/sensitivity.h"
#include "ui/app_state.h"

namespace chartmix::ui {

struct SensitivityPanel {
    int Source = -1;
    int TopK = 8;
    float Concentration = 20.0f;
    int Samples = 300;

    uint64_t CurvesRevision = 0;
    int CurvesSource = -1, CurvesTopK = 0;
    std::string CurvesError;
    std::vector<RankCurve> Curves;
    std::vector<float> StepXs, StepYs;       // scratch for one curve
    std::vector<std::string> Labels;         // per frame: end labels' text
    double XMax = 1.0;

    uint64_t ChancesRevision = 0;
    float ChancesConcentration = 0.0f;
    std::string ChancesError;
    std::vector<WinChance> Chances;

    void Draw(AppState& state);

private:
    void DrawCurves(AppState& state, double current);
};

} // namespace chartmix::ui
