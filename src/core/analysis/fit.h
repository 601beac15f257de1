#pragma once
// Weight fitting: which non-negative source weights best reproduce an official composite chart
// from its source charts? Least squares with non-negativity (Lawson & Hanson 1974, NNLS) on the
// mix's per-source scores, reported with how well the fitted ranking agrees (Kendall tau-b, RBO).
#include <cstdint>
#include <vector>

#include "core/base/result.h"
#include "core/rank/engine.h"

namespace chartmix {

struct FitResult {
    std::vector<double> Weight;      // per source id; 0 for sources not in the mix; sums to 1
    double Residual = 0.0;           // root mean square error of the least-squares fit, in target units
    double MeanTauB = 0.0;           // mean over periods of tau-b between fitted and official top lists
    double MeanRbo = 0.0;            // the same for RBO (p = 0.9)
    uint32_t Rows = 0;               // (period, song) rows used
    uint32_t Periods = 0;
};

// Solves min ||A x - b|| subject to x >= 0 (A is rows x cols, row-major).
std::vector<double> SolveNnls(const std::vector<double>& a, const std::vector<double>& b, int rows, int cols);

// Fits the weights of the engine's current mix (its normalization, policy and source selection;
// its weights are ignored) to `official` over periods [first, last]. Target per listed song: the
// official chart's units when it publishes them, else rank points (depth + 1 - rank) / depth.
// Leaves the engine's mix as it was.
Result<FitResult> FitWeights(Engine& engine, uint32_t official, uint32_t first, uint32_t last);

} // namespace chartmix
