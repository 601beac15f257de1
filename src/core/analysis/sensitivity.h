#pragma once
// How robust a composite chart is to its weights. Scores of weighted-sum and positional methods are
// linear in each weight (Decomposition), so every answer here is exact: intervals and breakpoints
// come from where two score lines cross, not from sampling. P(#1) is the one Monte Carlo answer,
// seeded and computed with the portable generator so it prints the same on every platform.
#include <cstdint>
#include <vector>

#include "core/base/result.h"
#include "core/rank/engine.h"

namespace chartmix {

// The weights of one source over which a song keeps its rank: the closed interval [Low, High]
// (High = +infinity when HighUnbounded). Just outside an end (when it is not 0 or unbounded),
// the rank differs.
struct WeightInterval {
    double Low = 0.0;
    double High = 0.0;
    bool HighUnbounded = false;
    int Rank = 0;            // the song's rank at the current weight
    double Current = 0.0;    // the source's current weight
};

// One piece of a rank-versus-weight curve: the song ranks Rank for weights in (From, next From).
struct RankStep {
    double From = 0.0;
    int Rank = 0;
};

struct RankCurve {
    uint32_t Song = 0;
    std::vector<RankStep> Steps;  // From ascending; the first From is 0
};

struct WinChance {
    uint32_t Song = 0;
    uint32_t Wins = 0;
    double Probability = 0.0;  // Wins / samples
};

// The rank a curve shows at `weight`: that of its last step starting at or below it (0 for an
// empty curve). At a flip point itself this is the rank just after it.
int RankAtWeight(const RankCurve& curve, double weight);
// Exact interval of `source`'s weight over which `song` keeps its rank in `period`, others fixed.
Result<WeightInterval> RankInterval(Engine& engine, uint32_t period, uint32_t source, uint32_t song);
// Rank of each of the current top_k songs as a function of `source`'s weight, with its breakpoints.
Result<std::vector<RankCurve>> RankCurves(Engine& engine, uint32_t period, uint32_t source, int top_k);
// P(#1) when the weights are drawn from a Dirichlet centred on the current mix:
// alpha_s = concentration * w_s / sum(w). Songs that never win are left out; sorted by wins.
Result<std::vector<WinChance>> NumberOneChances(Engine& engine, uint32_t period, double concentration, int samples, uint64_t seed);

} // namespace chartmix
