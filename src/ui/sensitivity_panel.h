#pragma once
// How robust the chart is: for one source, the rank of the top songs as its weight sweeps, with
// the exact flip points and the current weight marked (core sensitivity API); and P(#1) under
// random weights drawn from a Dirichlet centred on the mix.
#include <cstdint>
#include <string>
#include <vector>

#include "core/analysis/sensitivity.h"
#include "ui/app_state.h"
#include "ui/plot.h"

namespace chartmix::ui {

// One flip point of the curves: step Step (>= 1: step 0 starts the curve) of curve Curve.
struct FlipPoint {
    int Curve = -1;  // -1: none
    int Step = 0;
};

// The flip point drawn nearest to the mouse within `radius` pixels, among steps starting at or
// below x_max (those drawn), each at (its weight, min(its rank, max_rank)). Curve and step stay two
// numbers: a curve can have more steps than any fixed stride that would pack them into one.
FlipPoint FlipPointUnderMouse(const std::vector<RankCurve>& curves, const PlotArea& area, double x_max, int max_rank, float radius);

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
