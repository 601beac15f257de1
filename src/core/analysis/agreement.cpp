#include "core/analysis/agreement.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace chartmix {

// Pairs tied in v over a run-sorted array: sum over runs of t (t - 1) / 2.
template <typename Get>
static double TiedPairs(size_t n, Get get)
{
    double ties = 0.0;
    size_t run = 1;
    for (size_t i = 1; i <= n; i++) {
        if (i < n && get(i) == get(i - 1)) { run++; continue; }
        ties += (double)run * (double)(run - 1) / 2.0;
        run = 1;
    }
    return ties;
}

double KendallTauB(const std::vector<double>& x, const std::vector<double>& y)
{
    const size_t n = x.size();
    if (n < 2 || y.size() != n) return 0.0;
    std::vector<size_t> idx(n);
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return x[a] != x[b] ? x[a] < x[b] : y[a] < y[b]; });
    const double n1 = TiedPairs(n, [&](size_t i) { return x[idx[i]]; });
    // Pairs tied in both x and y.
    double n3 = 0.0;
    {
        size_t run = 1;
        for (size_t i = 1; i <= n; i++) {
            if (i < n && x[idx[i]] == x[idx[i - 1]] && y[idx[i]] == y[idx[i - 1]]) { run++; continue; }
            n3 += (double)run * (double)(run - 1) / 2.0;
            run = 1;
        }
    }
    // Merge sort by y counting exchanges: each is one discordant pair.
    std::vector<double> v(n), tmp(n);
    for (size_t i = 0; i < n; i++) v[i] = y[idx[i]];
    double swaps = 0.0;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (v[j] < v[i]) { tmp[k++] = v[j++]; swaps += (double)(mid - i); }
                else tmp[k++] = v[i++];
            }
            while (i < mid) tmp[k++] = v[i++];
            while (j < hi) tmp[k++] = v[j++];
        }
        v.swap(tmp);
    }
    const double n2 = TiedPairs(n, [&](size_t i) { return v[i]; });
    const double n0 = (double)n * (double)(n - 1) / 2.0;
    const double denom = std::sqrt((n0 - n1) * (n0 - n2));
    if (!(denom > 0.0)) return 0.0;
    const double concordant_minus_discordant = n0 - n1 - n2 + n3 - 2.0 * swaps;
    return concordant_minus_discordant / denom;
}

double RankBiasedOverlap(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, double p)
{
    const std::vector<uint32_t>& s_list = a.size() <= b.size() ? a : b;
    const std::vector<uint32_t>& l_list = a.size() <= b.size() ? b : a;
    const size_t s = s_list.size(), l = l_list.size();
    if (l == 0) return 1.0;  // two empty lists agree trivially
    if (s == 0) return 0.0;
    std::unordered_map<uint32_t, uint8_t> seen;
    seen.reserve(2 * l);
    double overlap = 0.0, x_s = 0.0, sum = 0.0, pd = 1.0;
    for (size_t d = 1; d <= l; d++) {
        // Add the items at depth d; an item counts once it is on both lists.
        uint32_t from_l = l_list[d - 1];
        if ((seen[from_l] |= 2) == 3) overlap += 1.0;
        if (d <= s) {
            uint32_t from_s = s_list[d - 1];
            if ((seen[from_s] |= 1) == 3) overlap += 1.0;
        }
        pd *= p;
        if (d == s) x_s = overlap;
        sum += overlap / (double)d * pd;
        if (d > s) sum += x_s * (double)(d - s) / ((double)s * (double)d) * pd;
    }
    const double x_l = overlap;
    return (1.0 - p) / p * sum + ((x_l - x_s) / (double)l + x_s / (double)s) * pd;
}

double RboTopWeight(double p, int d)
{
    double tail = 0.0, pi = 1.0;
    for (int i = 1; i < d; i++) {
        pi *= p;
        tail += pi / i;
    }
    return 1.0 - std::pow(p, d - 1) + (1.0 - p) / p * d * (std::log(1.0 / (1.0 - p)) - tail);
}

ListAgreement CompareLists(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, double p)
{
    ListAgreement out;
    std::unordered_map<uint32_t, std::pair<double, double>> ranks;
    const double miss_a = (double)a.size() + 1, miss_b = (double)b.size() + 1;
    std::vector<uint32_t> order;  // union in first-seen order, for a deterministic pass
    for (size_t i = 0; i < a.size(); i++) {
        ranks[a[i]] = { (double)(i + 1), miss_b };
        order.push_back(a[i]);
    }
    for (size_t i = 0; i < b.size(); i++) {
        auto it = ranks.find(b[i]);
        if (it == ranks.end()) {
            ranks[b[i]] = { miss_a, (double)(i + 1) };
            order.push_back(b[i]);
        } else {
            it->second.second = (double)(i + 1);
            out.Overlap++;
        }
    }
    std::vector<double> x, y;
    for (uint32_t id : order) {
        x.push_back(ranks[id].first);
        y.push_back(ranks[id].second);
        out.Footrule += std::fabs(ranks[id].first - ranks[id].second);
    }
    double worst = 0.0;
    for (size_t i = 1; i <= a.size(); i++) worst += std::fabs((double)i - miss_b);
    for (size_t i = 1; i <= b.size(); i++) worst += std::fabs(miss_a - (double)i);
    out.FootruleNormalized = worst > 0.0 ? out.Footrule / worst : 0.0;
    out.TauB = KendallTauB(x, y);
    out.Rbo = RankBiasedOverlap(a, b, p);
    out.SameTop = !a.empty() && !b.empty() && a[0] == b[0];
    return out;
}

int64_t AllKillSong(const Dataset& data, uint32_t period, const std::vector<uint32_t>& sources)
{
    int64_t song = -1;
    int charts = 0;
    for (uint32_t gi = data.PeriodGroupBegin[period]; gi < data.PeriodGroupBegin[period + 1]; gi++) {
        const EntryGroup& g = data.Groups[gi];
        bool wanted = sources.empty() ? !data.Sources[g.Source].IsOfficial
                                      : std::find(sources.begin(), sources.end(), g.Source) != sources.end();
        if (!wanted) continue;
        if (g.Begin == g.End || data.EntryRank[g.Begin] != 1) return -1;
        if (song >= 0 && data.EntrySong[g.Begin] != song) return -1;
        song = data.EntrySong[g.Begin];
        charts++;
    }
    return charts >= 2 ? song : -1;
}

std::vector<uint32_t> SourceTopList(const Dataset& data, uint32_t period, uint32_t source, int top_n)
{
    std::vector<uint32_t> list;
    for (uint32_t gi = data.PeriodGroupBegin[period]; gi < data.PeriodGroupBegin[period + 1]; gi++) {
        const EntryGroup& g = data.Groups[gi];
        if (g.Source != source) continue;
        for (uint32_t e = g.Begin; e < g.End; e++) {
            if (data.EntryRank[e] == kNoRank) break;
            if (top_n > 0 && (int)list.size() >= top_n) break;
            list.push_back(data.EntrySong[e]);
        }
    }
    return list;
}

} // namespace chartmix
