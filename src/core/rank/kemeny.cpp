#include "core/rank/kemeny.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace chartmix {

void KemenyExact(const PreferenceMatrix& m, std::vector<int>* order)
{
    const int n = m.N;
    assert(n <= kKemenyExactMax);
    const uint32_t full = (1u << n) - 1;
    // best[S]: least disagreement of an order whose first |S| places hold the set S.
    std::vector<double> best((size_t)full + 1, std::numeric_limits<double>::infinity());
    std::vector<int8_t> last((size_t)full + 1, -1);
    best[0] = 0.0;
    for (uint32_t set = 0; set < full; set++) {
        if (!std::isfinite(best[set])) continue;
        for (int x = 0; x < n; x++) {
            if (set & (1u << x)) continue;
            // Placing x after everything in set: voters preferring x over each y in set disagree.
            double add = 0.0;
            for (int y = 0; y < n; y++)
                if (set & (1u << y)) add += m.At(x, y);
            uint32_t next = set | (1u << x);
            double cost = best[set] + add;
            if (!std::isfinite(best[next]) || SumAbove(best[next], cost)) {
                best[next] = cost;
                last[next] = (int8_t)x;
            }
        }
    }
    order->assign(n, 0);
    uint32_t set = full;
    for (int i = n - 1; i >= 0; i--) {
        int x = last[set];
        (*order)[i] = x;
        set &= ~(1u << x);
    }
}

// Hungarian algorithm (Kuhn-Munkres, potentials form) for a square cost matrix; returns the column
// of each row.
static std::vector<int> AssignMinCost(const std::vector<double>& cost, int n)
{
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> u(n + 1, 0.0), v(n + 1, 0.0), way_min(n + 1);
    std::vector<int> match(n + 1, 0), way(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        match[0] = i;
        int j0 = 0;
        std::fill(way_min.begin(), way_min.end(), inf);
        std::vector<char> used(n + 1, 0);
        do {
            used[j0] = 1;
            int i0 = match[j0], j1 = 0;
            double delta = inf;
            for (int j = 1; j <= n; j++) {
                if (used[j]) continue;
                double cur = cost[(size_t)(i0 - 1) * n + (j - 1)] - u[i0] - v[j];
                if (cur < way_min[j]) { way_min[j] = cur; way[j] = j0; }
                if (way_min[j] < delta) { delta = way_min[j]; j1 = j; }
            }
            for (int j = 0; j <= n; j++) {
                if (used[j]) { u[match[j]] += delta; v[j] -= delta; }
                else way_min[j] -= delta;
            }
            j0 = j1;
        } while (match[j0] != 0);
        do {
            int j1 = way[j0];
            match[j0] = match[j1];
            j0 = j1;
        } while (j0);
    }
    std::vector<int> row_to_col(n);
    for (int j = 1; j <= n; j++) row_to_col[match[j] - 1] = j - 1;
    return row_to_col;
}

void LocalKemenize(const PreferenceMatrix& m, std::vector<int>* order)
{
    // Bubble passes: swap neighbours when more weight prefers the later one (Dwork et al. 2001, 4.1).
    bool changed = true;
    for (int pass = 0; changed && pass < 4 * m.N + 4; pass++) {
        changed = false;
        for (size_t i = 0; i + 1 < order->size(); i++) {
            int a = (*order)[i], b = (*order)[i + 1];
            if (SumAbove(m.At(b, a), m.At(a, b))) {
                std::swap((*order)[i], (*order)[i + 1]);
                changed = true;
            }
        }
    }
}

void KemenyApprox(const PreferenceMatrix& m, std::vector<int>* order)
{
    const int n = m.N;
    const size_t voters = m.VoterWeight.size();
    // Footrule-optimal aggregation: place candidate c at position j at cost sum_v w_v |pos_v(c) - j|.
    std::vector<double> cost((size_t)n * n, 0.0);
    for (size_t v = 0; v < voters; v++)
        for (int c = 0; c < n; c++) {
            int p = m.Position[v * n + c];
            if (p == 0) continue;  // 'ignore' policy: this voter says nothing about c
            for (int j = 0; j < n; j++) cost[(size_t)c * n + j] += m.VoterWeight[v] * std::fabs((double)(p - (j + 1)));
        }
    std::vector<int> col = AssignMinCost(cost, n);
    order->assign(n, 0);
    for (int c = 0; c < n; c++) (*order)[col[c]] = c;
    LocalKemenize(m, order);
}

void KemenyOrder(const PreferenceMatrix& m, std::vector<int>* order, std::vector<double>* score)
{
    if (m.N <= kKemenyExactMax) KemenyExact(m, order);
    else KemenyApprox(m, order);
    score->assign(m.N, 0.0);
    for (int i = 0; i < m.N; i++) (*score)[(*order)[i]] = (double)(m.N - i);
}

} // namespace chartmix
