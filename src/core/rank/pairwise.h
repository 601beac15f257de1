#pragma once
// Pairwise (Condorcet-style) methods over a small candidate set: each (period, source) chart in the
// window is a voter whose say is its weight. Formulas and citations: docs/methods.md.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/data/dataset.h"
#include "core/rank/mix.h"

namespace chartmix {

// Prefer[a * N + b]: total weight of the voters that rank candidate a above candidate b.
// Position[v * N + c]: voter v's rank of candidate c (Depth[v] + 1 when missing, 0 under 'ignore').
struct PreferenceMatrix {
    int N = 0;
    std::vector<double> Prefer;
    std::vector<double> VoterWeight;
    std::vector<int> Position;
    std::vector<int> Depth;

    double At(int a, int b) const { return Prefer[(size_t)a * N + b]; }
};

// Weight sums are compared with a relative tolerance: sums of the same weights added in another
// order differ in their last bits (0.1 + 0.2 against 0.3), and that must not decide a pairwise
// contest. Two sums closer than kSumTolerance times the larger are equal; real weights differ by
// far more (a slider moves in steps of 10^-3 and more).
constexpr double kSumTolerance = 1e-9;
// True when sum x is larger than sum y beyond the tolerance.
inline bool SumAbove(double x, double y) { return x - y > kSumTolerance * std::max(std::fabs(x), std::fabs(y)); }
// True when neither sum is above the other.
inline bool SumEqual(double x, double y) { return !SumAbove(x, y) && !SumAbove(y, x); }

// Builds the matrix for candidates (song ids) from the groups of periods [first, last] whose
// source has a positive weight. A listed song beats a missing one unless the policy is 'ignore'.
void BuildPreferences(const Dataset& data, const std::vector<double>& weight, const std::vector<uint8_t>& included,
                      uint32_t first, uint32_t last, const std::vector<uint32_t>& candidates,
                      MissingPolicy missing, int cutoff, PreferenceMatrix* out);

// Each ordering returns a permutation of 0..N-1, best first, and a score per candidate (higher is
// better). Candidate index order breaks every tie: callers pass candidates pre-sorted by Borda.

// Copeland: pairwise wins + 1/2 per pairwise tie (Copeland 1951; Saari & Merlin 1996).
void CopelandOrder(const PreferenceMatrix& m, std::vector<int>* order, std::vector<double>* score);
// Schulze: strongest beatpaths by Floyd-Warshall; score = candidates beaten (Schulze 2011).
void SchulzeOrder(const PreferenceMatrix& m, std::vector<int>* order, std::vector<double>* score);
// MC4 (Dwork, Kumar, Naor, Sivakumar 2001): stationary distribution of the chain that moves from a
// to a uniformly chosen b when a majority of voters prefers b; damped by 1/20 to make it ergodic.
void Mc4Order(const PreferenceMatrix& m, std::vector<int>* order, std::vector<double>* score);
// Total weighted pairwise disagreement of an order with the voters (the Kemeny objective).
double KemenyCost(const PreferenceMatrix& m, const std::vector<int>& order);

} // namespace chartmix
