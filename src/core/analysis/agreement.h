#pragma once
// How much two rankings agree: the composite against an official chart, two mixes against each
// other, or one source against another. Formulas and citations: docs/methods.md.
#include <cstdint>
#include <vector>

#include "core/data/dataset.h"

namespace chartmix {

// Kendall's tau-b of two paired score vectors (ties allowed in either), O(n log n) by Knight's
// (1966) merge-sort method. Returns 0 when either side is constant (tau-b is undefined there).
double KendallTauB(const std::vector<double>& x, const std::vector<double>& y);

// Rank-biased overlap, extrapolated (Webber, Moffat & Zobel 2010, eq. 32) of two top lists of
// distinct ids, best first; p in (0, 1) is the persistence (0.9 weighs the top 10 at 86%).
double RankBiasedOverlap(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, double p);
// Share of RBO's weight carried by the first d ranks (Webber et al. 2010, eq. 21).
double RboTopWeight(double p, int d);

struct ListAgreement {
    double TauB = 0.0;              // over the union; a missing item ranks at list length + 1
    double Footrule = 0.0;          // sum of |rank difference| with the same convention (Fagin et al. 2003)
    double FootruleNormalized = 0.0;  // Footrule / its value for two disjoint lists of these lengths
    double Rbo = 0.0;               // extrapolated RBO at the p given
    uint32_t Overlap = 0;           // items on both lists
    bool SameTop = false;           // same #1
};

// Compares two top lists of distinct ids (best first).
ListAgreement CompareLists(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, double p = 0.9);

// The song at #1 on every chart among sources (all non-official sources when empty) that published
// in this period, or -1. At least two charts must have published ("all-kill" in K-pop usage).
int64_t AllKillSong(const Dataset& data, uint32_t period, const std::vector<uint32_t>& sources = {});

// One source's published chart for a period as a top list (ranked entries only, best first).
std::vector<uint32_t> SourceTopList(const Dataset& data, uint32_t period, uint32_t source, int top_n = 0);

} // namespace chartmix
