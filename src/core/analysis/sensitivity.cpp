#include "core/analysis/sensitivity.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/random.h"

namespace chartmix {

namespace {

// Score lines for one source: S_i(t) = Fixed[i] + t * Slope[i], t the source's raw weight.
struct Lines {
    Decomposition D;
    std::vector<double> Fixed, Slope;
    std::vector<uint32_t> Position;  // place in the current full ranking: breaks exact ties
};

Status BuildLines(Engine& engine, uint32_t period, uint32_t source, Lines* out)
{
    const Dataset& data = engine.Data();
    if (source >= data.Sources.size()) return MakeFieldError("source", "no such source");
    if (!engine.Resolved().Included[source])
        return MakeFieldError("source", "source '" + data.Sources[source].Key + "' is not part of the mix");
    if (Status st = engine.Decompose(period, &out->D); !st) return st;
    Ranking all;
    if (Status st = engine.Rank(period, 0, &all); !st) return st;
    const size_t n = out->D.Songs.size(), k = out->D.SourceCount;
    out->Fixed.assign(n, 0.0);
    out->Slope.assign(n, 0.0);
    out->Position.assign(n, 0);
    std::vector<uint32_t> place(data.Songs.size(), 0);
    for (size_t i = 0; i < all.Songs.size(); i++) place[all.Songs[i]] = (uint32_t)i;
    const ResolvedMix& r = engine.Resolved();
    for (size_t i = 0; i < n; i++) {
        double fixed = 0.0;
        for (size_t s = 0; s < k; s++)
            if (s != source) fixed += r.Effective[s] * out->D.Coef[i * k + s];
        out->Fixed[i] = fixed;
        out->Slope[i] = out->D.Coef[i * k + source] / r.Ratio[source];
        out->Position[i] = place[out->D.Songs[i]];
    }
    return OkStatus();
}

// Rank of row i at weight t: songs strictly above, plus exact ties that the current order puts first.
int RankAt(const Lines& l, size_t i, double t)
{
    const double si = l.Fixed[i] + t * l.Slope[i];
    int rank = 1;
    for (size_t j = 0; j < l.Fixed.size(); j++) {
        if (j == i) continue;
        double sj = l.Fixed[j] + t * l.Slope[j];
        if (sj > si || (sj == si && l.Position[j] < l.Position[i])) rank++;
    }
    return rank;
}

// Weights >= 0 where row i's line crosses another, ascending and distinct.
std::vector<double> Crossings(const Lines& l, size_t i)
{
    std::vector<double> events;
    for (size_t j = 0; j < l.Fixed.size(); j++) {
        if (j == i || l.Slope[j] == l.Slope[i]) continue;
        double t = (l.Fixed[i] - l.Fixed[j]) / (l.Slope[j] - l.Slope[i]);
        if (t >= 0.0 && std::isfinite(t)) events.push_back(t);
    }
    std::sort(events.begin(), events.end());
    events.erase(std::unique(events.begin(), events.end()), events.end());
    return events;
}

// A weight inside the open segment between two crossings (or past the last one).
double Inside(const std::vector<double>& ev, size_t segment)
{
    double lo = segment == 0 ? 0.0 : ev[segment - 1];
    if (segment == ev.size()) return lo == 0.0 ? 1.0 : lo * 2.0 + 1.0;
    return lo + (ev[segment] - lo) / 2.0;
}

size_t RowOf(const Lines& l, uint32_t song)
{
    auto it = std::lower_bound(l.D.Songs.begin(), l.D.Songs.end(), song);
    return it != l.D.Songs.end() && *it == song ? (size_t)(it - l.D.Songs.begin()) : l.D.Songs.size();
}

} // namespace

Result<WeightInterval> RankInterval(Engine& engine, uint32_t period, uint32_t source, uint32_t song)
{
    Lines l;
    if (Status st = BuildLines(engine, period, source, &l); !st) return st.Err();
    size_t i = RowOf(l, song);
    if (i == l.D.Songs.size()) return MakeFieldError("song", "the song has no entry in this period's mix");
    const double t0 = engine.Resolved().Weight[source];
    WeightInterval out;
    out.Current = t0;
    out.Rank = RankAt(l, i, t0);
    std::vector<double> ev = Crossings(l, i);
    // Segments: 0 = [0, ev0), k = (ev[k-1], ev[k]), last = (ev.back(), inf). Walk out from t0.
    size_t seg = (size_t)(std::upper_bound(ev.begin(), ev.end(), t0) - ev.begin());
    bool at_event = seg > 0 && ev[seg - 1] == t0;
    // Lower end: step down segment by segment while the rank holds, at the crossing and beyond it.
    out.Low = 0.0;
    size_t s = seg;
    bool done = false;
    if (at_event) {
        if (RankAt(l, i, Inside(ev, seg - 1)) != out.Rank) { out.Low = t0; done = true; }
        else s = seg - 1;
    }
    while (!done && s > 0) {
        double point = ev[s - 1];
        if (RankAt(l, i, point) != out.Rank || RankAt(l, i, Inside(ev, s - 1)) != out.Rank) { out.Low = point; done = true; }
        else s--;
    }
    // Upper end, the same way upwards.
    out.HighUnbounded = true;
    out.High = std::numeric_limits<double>::infinity();
    if (at_event && RankAt(l, i, Inside(ev, seg)) != out.Rank) {
        out.High = t0;
        out.HighUnbounded = false;
        return out;
    }
    for (size_t u = seg; u < ev.size(); u++) {
        double point = ev[u];
        if (RankAt(l, i, point) != out.Rank || RankAt(l, i, Inside(ev, u + 1)) != out.Rank) {
            out.High = point;
            out.HighUnbounded = false;
            break;
        }
    }
    return out;
}

int RankAtWeight(const RankCurve& curve, double weight)
{
    int rank = curve.Steps.empty() ? 0 : curve.Steps.front().Rank;
    for (const RankStep& s : curve.Steps) {
        if (s.From > weight) break;
        rank = s.Rank;
    }
    return rank;
}

Result<std::vector<RankCurve>> RankCurves(Engine& engine, uint32_t period, uint32_t source, int top_k)
{
    Lines l;
    if (Status st = BuildLines(engine, period, source, &l); !st) return st.Err();
    Ranking top;
    if (Status st = engine.Rank(period, top_k, &top); !st) return st.Err();
    std::vector<RankCurve> curves;
    for (uint32_t song : top.Songs) {
        size_t i = RowOf(l, song);
        RankCurve c;
        c.Song = song;
        std::vector<double> ev = Crossings(l, i);
        for (size_t s = 0; s <= ev.size(); s++) {
            int r = RankAt(l, i, Inside(ev, s));
            double from = s == 0 ? 0.0 : ev[s - 1];
            if (c.Steps.empty() || c.Steps.back().Rank != r) c.Steps.push_back({ from, r });
        }
        curves.push_back(std::move(c));
    }
    return curves;
}

Result<std::vector<WinChance>> NumberOneChances(Engine& engine, uint32_t period, double concentration, int samples, uint64_t seed)
{
    if (!(concentration > 0.0) || !std::isfinite(concentration)) return MakeFieldError("concentration", "must be a finite number > 0");
    if (samples < 1 || samples > 1000000) return MakeFieldError("samples", "must be from 1 to 1,000,000");
    Decomposition d;
    if (Status st = engine.Decompose(period, &d); !st) return st.Err();
    Ranking all;
    if (Status st = engine.Rank(period, 0, &all); !st) return st.Err();
    const ResolvedMix& r = engine.Resolved();
    const size_t n = d.Songs.size(), k = d.SourceCount;
    // No song ranked in the window (only excluded charts that period): nobody can be #1.
    if (n == 0) return std::vector<WinChance>();
    std::vector<uint32_t> place(engine.Data().Songs.size(), 0);
    for (size_t i = 0; i < all.Songs.size(); i++) place[all.Songs[i]] = (uint32_t)i;
    std::vector<int> active;
    double total = 0.0;
    for (size_t s = 0; s < k; s++)
        if (r.Included[s] && r.Weight[s] > 0.0) { active.push_back((int)s); total += r.Weight[s]; }
    std::vector<double> alpha(active.size()), w(active.size());
    for (size_t a = 0; a < active.size(); a++) alpha[a] = concentration * r.Weight[active[a]] / total;
    std::vector<uint32_t> wins(n, 0);
    Random rng(seed);
    for (int draw = 0; draw < samples; draw++) {
        rng.NextDirichlet(alpha.data(), (int)alpha.size(), w.data());
        size_t best = n;
        double best_score = 0.0;
        for (size_t i = 0; i < n; i++) {
            double score = 0.0;
            for (size_t a = 0; a < active.size(); a++) score += w[a] / r.Ratio[active[a]] * d.Coef[i * k + active[a]];
            if (best == n || score > best_score || (score == best_score && place[d.Songs[i]] < place[d.Songs[best]])) {
                best = i;
                best_score = score;
            }
        }
        wins[best]++;
    }
    std::vector<WinChance> out;
    for (size_t i = 0; i < n; i++)
        if (wins[i]) out.push_back({ d.Songs[i], wins[i], (double)wins[i] / samples });
    std::sort(out.begin(), out.end(), [&](const WinChance& a, const WinChance& b) {
        return a.Wins != b.Wins ? a.Wins > b.Wins : place[a.Song] < place[b.Song];
    });
    return out;
}

} // namespace chartmix
