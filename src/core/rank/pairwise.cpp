#include "core/rank/pairwise.h"

#include <algorithm>
#include <cmath>

#include "core/rank/methods.h"

namespace chartmix {

void BuildPreferences(const Dataset& data, const std::vector<double>& weight, const std::vector<uint8_t>& included,
                      uint32_t first, uint32_t last, const std::vector<uint32_t>& candidates,
                      MissingPolicy missing, int cutoff, PreferenceMatrix* out)
{
    const int n = (int)candidates.size();
    out->N = n;
    out->Prefer.assign((size_t)n * n, 0.0);
    out->VoterWeight.clear();
    out->Position.clear();
    out->Depth.clear();
    // Candidate index of each song: a sorted copy and binary search keep this allocation small.
    std::vector<std::pair<uint32_t, int>> index((size_t)n);
    for (int i = 0; i < n; i++) index[i] = { candidates[i], i };
    std::sort(index.begin(), index.end());
    std::vector<int> pos((size_t)n);
    for (uint32_t p = first; p <= last; p++) {
        for (uint32_t gi = data.PeriodGroupBegin[p]; gi < data.PeriodGroupBegin[p + 1]; gi++) {
            const EntryGroup& g = data.Groups[gi];
            const double w = weight[g.Source];
            if (!included[g.Source] || !(w > 0.0)) continue;
            const int depth = GroupDepth(data, g, cutoff);
            std::fill(pos.begin(), pos.end(), missing == MissingPolicy::Ignore ? 0 : depth + 1);
            for (uint32_t e = g.Begin; e < g.End; e++) {
                int r = data.EntryRank[e];
                if (r == kNoRank || r > depth) continue;
                auto it = std::lower_bound(index.begin(), index.end(), std::make_pair(data.EntrySong[e], -1));
                if (it != index.end() && it->first == data.EntrySong[e]) pos[it->second] = r;
            }
            for (int a = 0; a < n; a++) {
                if (pos[a] == 0) continue;
                for (int b = 0; b < n; b++)
                    if (pos[b] != 0 && pos[a] < pos[b]) out->Prefer[(size_t)a * n + b] += w;
            }
            out->VoterWeight.push_back(w);
            out->Depth.push_back(depth);
            out->Position.insert(out->Position.end(), pos.begin(), pos.end());
        }
    }
}

// Sorts indices by score, higher first; index order breaks ties.
static void OrderByScore(const std::vector<double>& score, std::vector<int>* order)
{
    order->resize(score.size());
    for (size_t i = 0; i < score.size(); i++) (*order)[i] = (int)i;
    std::stable_sort(order->begin(), order->end(), [&](int a, int b) { return score[a] > score[b]; });
}

void CopelandOrder(const PreferenceMatrix& m, std::vector<int>* order, std::vector<double>* score)
{
    score->assign(m.N, 0.0);
    for (int a = 0; a < m.N; a++)
        for (int b = 0; b < m.N; b++) {
            if (a == b) continue;
            if (SumAbove(m.At(a, b), m.At(b, a))) (*score)[a] += 1.0;
            else if (SumEqual(m.At(a, b), m.At(b, a))) (*score)[a] += 0.5;
        }
    OrderByScore(*score, order);
}

void SchulzeOrder(const PreferenceMatrix& m, std::vector<int>* order, std::vector<double>* score)
{
    const int n = m.N;
    std::vector<double> p((size_t)n * n, 0.0);
    for (int a = 0; a < n; a++)
        for (int b = 0; b < n; b++)
            if (a != b && SumAbove(m.At(a, b), m.At(b, a))) p[(size_t)a * n + b] = m.At(a, b);
    // Widest paths (Schulze 2011, section 2.3).
    for (int k = 0; k < n; k++)
        for (int a = 0; a < n; a++) {
            if (a == k) continue;
            for (int b = 0; b < n; b++) {
                if (b == k || b == a) continue;
                double via = std::min(p[(size_t)a * n + k], p[(size_t)k * n + b]);
                if (via > p[(size_t)a * n + b]) p[(size_t)a * n + b] = via;
            }
        }
    score->assign(n, 0.0);
    for (int a = 0; a < n; a++)
        for (int b = 0; b < n; b++)
            if (a != b && SumAbove(p[(size_t)a * n + b], p[(size_t)b * n + a])) (*score)[a] += 1.0;
    // The beatpath relation is transitive, so ordering by candidates beaten reproduces it.
    OrderByScore(*score, order);
}

void Mc4Order(const PreferenceMatrix& m, std::vector<int>* order, std::vector<double>* score)
{
    const int n = m.N;
    score->assign(n, n > 0 ? 1.0 / n : 0.0);
    if (n == 0) { order->clear(); return; }
    // T[a][b] = 1/n if a majority prefers b to a; T[a][a] takes the rest.
    std::vector<double> next((size_t)n);
    const double damping = 0.05;
    for (int iter = 0; iter < 10000; iter++) {
        std::fill(next.begin(), next.end(), 0.0);
        for (int a = 0; a < n; a++) {
            double pa = (*score)[a];
            double moved = 0.0;
            for (int b = 0; b < n; b++) {
                if (b == a || !SumAbove(m.At(b, a), m.At(a, b))) continue;
                next[b] += pa / n;
                moved += pa / n;
            }
            next[a] += pa - moved;
        }
        double change = 0.0;
        for (int a = 0; a < n; a++) {
            double v = (1.0 - damping) * next[a] + damping / n;
            change += std::fabs(v - (*score)[a]);
            (*score)[a] = v;
        }
        if (change < 1e-13) break;
    }
    OrderByScore(*score, order);
}

double KemenyCost(const PreferenceMatrix& m, const std::vector<int>& order)
{
    double cost = 0.0;
    for (size_t i = 0; i < order.size(); i++)
        for (size_t j = i + 1; j < order.size(); j++) cost += m.At(order[j], order[i]);
    return cost;
}

} // namespace chartmix
