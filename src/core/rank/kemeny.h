#pragma once
// Kemeny-Young rank aggregation (Kemeny 1959; Young & Levenglick 1978): the order minimizing total
// weighted pairwise disagreement. NP-hard in general (Bartholdi et al. 1989), so:
//   n <= 12  exact, dynamic programming over subsets (O(2^n n^2))
//   n > 12   footrule-optimal assignment (Dwork et al. 2001, a 2-approximation of Kemeny) followed
//            by local Kemenization (adjacent swaps until no swap lowers the cost)
#include <vector>

#include "core/rank/pairwise.h"

namespace chartmix {

// Largest candidate count solved exactly.
constexpr int kKemenyExactMax = 12;

// Kemeny order (exact when m.N <= kKemenyExactMax); score = N - position. Ties: lowest index first.
void KemenyOrder(const PreferenceMatrix& m, std::vector<int>* order, std::vector<double>* score);
// The exact optimum by dynamic programming over subsets (m.N <= kKemenyExactMax).
void KemenyExact(const PreferenceMatrix& m, std::vector<int>* order);
// The approximation used above kKemenyExactMax (needs Position and Depth).
void KemenyApprox(const PreferenceMatrix& m, std::vector<int>* order);
// Adjacent swaps while a swap lowers the cost: the result is locally Kemeny-optimal.
void LocalKemenize(const PreferenceMatrix& m, std::vector<int>* order);

} // namespace chartmix
