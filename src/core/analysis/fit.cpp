#include "core/analysis/fit.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "core/analysis/agreement.h"
#include "core/rank/methods.h"

namespace chartmix {

// Solves the small dense system m x = v (n x n) by Gaussian elimination with partial pivoting.
static std::vector<double> SolveDense(std::vector<double> m, std::vector<double> v, int n)
{
    for (int c = 0; c < n; c++) {
        int pivot = c;
        for (int r = c + 1; r < n; r++)
            if (std::fabs(m[(size_t)r * n + c]) > std::fabs(m[(size_t)pivot * n + c])) pivot = r;
        if (pivot != c) {
            for (int k = 0; k < n; k++) std::swap(m[(size_t)c * n + k], m[(size_t)pivot * n + k]);
            std::swap(v[c], v[pivot]);
        }
        double diag = m[(size_t)c * n + c];
        if (std::fabs(diag) < 1e-300) continue;  // singular column: leave its unknown at 0
        for (int r = c + 1; r < n; r++) {
            double f = m[(size_t)r * n + c] / diag;
            if (f == 0.0) continue;
            for (int k = c; k < n; k++) m[(size_t)r * n + k] -= f * m[(size_t)c * n + k];
            v[r] -= f * v[c];
        }
    }
    std::vector<double> x(n, 0.0);
    for (int c = n - 1; c >= 0; c--) {
        double diag = m[(size_t)c * n + c];
        if (std::fabs(diag) < 1e-300) continue;
        double s = v[c];
        for (int k = c + 1; k < n; k++) s -= m[(size_t)c * n + k] * x[k];
        x[c] = s / diag;
    }
    return x;
}

std::vector<double> SolveNnls(const std::vector<double>& a, const std::vector<double>& b, int rows, int cols)
{
    // Normal equations: fine for the handful of sources a chart has.
    std::vector<double> g((size_t)cols * cols, 0.0), h(cols, 0.0);
    for (int r = 0; r < rows; r++)
        for (int i = 0; i < cols; i++) {
            double ai = a[(size_t)r * cols + i];
            if (ai == 0.0) continue;
            h[i] += ai * b[r];
            for (int j = 0; j < cols; j++) g[(size_t)i * cols + j] += ai * a[(size_t)r * cols + j];
        }
    double scale = 0.0;
    for (double v : g) scale = std::max(scale, std::fabs(v));
    const double tol = 1e-12 * std::max(scale, 1.0);
    std::vector<double> x(cols, 0.0);
    std::vector<char> passive(cols, 0);
    auto gradient = [&](int j) {
        double w = h[j];
        for (int k = 0; k < cols; k++) w -= g[(size_t)j * cols + k] * x[k];
        return w;
    };
    // Solves the unconstrained problem on the passive set.
    auto solve_passive = [&]() {
        std::vector<int> idx;
        for (int j = 0; j < cols; j++)
            if (passive[j]) idx.push_back(j);
        int n = (int)idx.size();
        std::vector<double> m((size_t)n * n), v(n);
        for (int i = 0; i < n; i++) {
            v[i] = h[idx[i]];
            for (int k = 0; k < n; k++) m[(size_t)i * n + k] = g[(size_t)idx[i] * cols + idx[k]];
        }
        std::vector<double> zp = SolveDense(m, v, n), z(cols, 0.0);
        for (int i = 0; i < n; i++) z[idx[i]] = zp[i];
        return z;
    };
    for (int outer = 0; outer < 3 * cols + 10; outer++) {
        int best = -1;
        double best_w = tol;
        for (int j = 0; j < cols; j++) {
            if (passive[j]) continue;
            double w = gradient(j);
            if (w > best_w) { best_w = w; best = j; }
        }
        if (best < 0) break;
        passive[best] = 1;
        for (int inner = 0; inner < 3 * cols + 10; inner++) {
            std::vector<double> z = solve_passive();
            bool feasible = true;
            for (int j = 0; j < cols; j++)
                if (passive[j] && z[j] <= 0.0) feasible = false;
            if (feasible) { x = z; break; }
            double alpha = 1.0;
            for (int j = 0; j < cols; j++)
                if (passive[j] && z[j] <= 0.0) alpha = std::min(alpha, x[j] / (x[j] - z[j]));
            for (int j = 0; j < cols; j++) {
                x[j] += alpha * (z[j] - x[j]);
                if (passive[j] && x[j] <= tol) { passive[j] = 0; x[j] = 0.0; }
            }
        }
    }
    return x;
}

Result<FitResult> FitWeights(Engine& engine, uint32_t official, uint32_t first, uint32_t last)
{
    const Dataset& data = engine.Data();
    if (official >= data.Sources.size()) return MakeFieldError("official", "no such source");
    if (engine.Resolved().Included.empty()) return MakeFieldError("mix", "no mix is set");
    if (engine.Resolved().Included[official])
        return MakeFieldError("official", "the official chart '" + data.Sources[official].Key + "' is itself part of the mix; leave it out");
    if (first > last || last >= data.Periods.size()) return MakeFieldError("period", "the period range is not in the data");
    const Mix saved = engine.CurrentMix();
    std::vector<int> columns;
    for (uint32_t s = 0; s < data.Sources.size(); s++)
        if (engine.Resolved().Included[s]) columns.push_back((int)s);
    if (columns.empty()) return MakeFieldError("mix", "the mix selects no source to fit");
    // Every way out puts the mix back; the mix was accepted once, so it is accepted again.
    auto restore = [&](Error e) -> Result<FitResult> {
        Status back = engine.SetMix(saved);
        assert(back.Ok() && "the engine's own mix is accepted again");
        (void)back;
        return e;
    };
    // Scores do not depend on weights, but Decompose needs a valid mix: all selected sources at 1.
    for (int s : columns)
        if (Status st = engine.SetWeight((uint32_t)s, 1.0); !st) return restore(st.Err());
    const int cols = (int)columns.size();
    std::vector<double> a, b;
    FitResult out;
    std::vector<std::vector<uint32_t>> official_lists;
    Decomposition d;
    for (uint32_t p = first; p <= last; p++) {
        std::vector<uint32_t> list = SourceTopList(data, p, official);
        official_lists.push_back(list);
        if (list.empty()) continue;
        if (Status st = engine.Decompose(p, &d); !st) return restore(st.Err());
        out.Periods++;
        // Official entries of this period: units when published, else rank points.
        for (uint32_t gi = data.PeriodGroupBegin[p]; gi < data.PeriodGroupBegin[p + 1]; gi++) {
            const EntryGroup& g = data.Groups[gi];
            if (g.Source != official) continue;
            bool units = true;
            for (uint32_t e = g.Begin; e < g.End; e++) units &= std::isfinite(data.EntryUnits[e]);
            const int depth = GroupDepth(data, g, 0);
            for (uint32_t e = g.Begin; e < g.End; e++) {
                if (data.EntryRank[e] == kNoRank) continue;
                auto it = std::lower_bound(d.Songs.begin(), d.Songs.end(), data.EntrySong[e]);
                if (it == d.Songs.end() || *it != data.EntrySong[e]) continue;
                size_t row = (size_t)(it - d.Songs.begin());
                for (int c = 0; c < cols; c++)
                    a.push_back(d.Coef[row * d.SourceCount + columns[c]] / engine.Resolved().Ratio[columns[c]]);
                b.push_back(units ? data.EntryUnits[e] : (double)(depth + 1 - data.EntryRank[e]) / depth);
                out.Rows++;
            }
        }
    }
    if (out.Rows == 0) return restore(MakeFieldError("official", "the official chart shares no song with the mix's charts in these periods"));
    std::vector<double> x = SolveNnls(a, b, (int)out.Rows, cols);
    double sse = 0.0;
    for (uint32_t r = 0; r < out.Rows; r++) {
        double fit = 0.0;
        for (int c = 0; c < cols; c++) fit += a[(size_t)r * cols + c] * x[c];
        sse += (fit - b[r]) * (fit - b[r]);
    }
    out.Residual = std::sqrt(sse / out.Rows);
    double total = 0.0;
    for (double v : x) total += v;
    out.Weight.assign(data.Sources.size(), 0.0);
    for (int c = 0; c < cols; c++) out.Weight[columns[c]] = total > 0.0 ? x[c] / total : 0.0;
    // Agreement of the fitted mix with the official chart, period by period.
    if (total > 0.0) {
        // Positive weights first, so that no step leaves every source at 0.
        for (int c = 0; c < cols; c++)
            if (x[c] > 0.0)
                if (Status st = engine.SetWeight((uint32_t)columns[c], out.Weight[columns[c]]); !st) return restore(st.Err());
        for (int c = 0; c < cols; c++)
            if (!(x[c] > 0.0))
                if (Status st = engine.SetWeight((uint32_t)columns[c], 0.0); !st) return restore(st.Err());
        Ranking r;
        int counted = 0;
        for (uint32_t p = first; p <= last; p++) {
            const std::vector<uint32_t>& list = official_lists[p - first];
            if (list.empty()) continue;
            // A failed ranking must not leave the agreement computed from the previous period's rows.
            if (Status st = engine.Rank(p, (int)list.size(), &r); !st) return restore(st.Err());
            ListAgreement g = CompareLists(r.Songs, list);
            out.MeanTauB += g.TauB;
            out.MeanRbo += g.Rbo;
            counted++;
        }
        if (counted) { out.MeanTauB /= counted; out.MeanRbo /= counted; }
    }
    Status back = engine.SetMix(saved);
    assert(back.Ok() && "the engine's own mix is accepted again");
    (void)back;
    return out;
}

} // namespace chartmix
