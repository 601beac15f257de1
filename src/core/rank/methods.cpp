#include "core/rank/methods.h"

#include <algorithm>
#include <cmath>

namespace chartmix {

bool ScoringKey::operator==(const ScoringKey& o) const
{
    if (RankMethod != o.RankMethod || Norm != o.Norm || Missing != o.Missing || Cutoff != o.Cutoff || RrfK != o.RrfK)
        return false;
    if (Points.size() != o.Points.size()) return false;
    for (size_t i = 0; i < Points.size(); i++)
        if (Points[i].FirstRank != o.Points[i].FirstRank || Points[i].LastRank != o.Points[i].LastRank ||
            Points[i].Points != o.Points[i].Points)
            return false;
    return true;
}

ScoringKey ScoringKeyOf(const Mix& mix)
{
    ScoringKey k;
    k.RankMethod = mix.RankMethod;
    // Pairwise methods pre-select candidates by Borda points; their pairwise step reads ranks directly.
    if (IsPairwise(mix.RankMethod)) k.RankMethod = Method::Borda;
    k.Norm = k.RankMethod == Method::WeightedSum ? mix.Norm : Normalization::RankPoints;
    k.Missing = mix.Missing;
    k.Cutoff = mix.Cutoff;
    k.RrfK = mix.RankMethod == Method::ReciprocalRank ? mix.RrfK : 60.0;
    if (mix.RankMethod == Method::PointsTable) k.Points = mix.Points;
    return k;
}

double PointsForRank(const std::vector<PointsBand>& table, int rank)
{
    for (const PointsBand& b : table)
        if (rank >= b.FirstRank && rank <= b.LastRank) return b.Points;
    return 0.0;
}

int GroupDepth(const Dataset& data, const EntryGroup& g, int cutoff)
{
    int listed = 0;
    for (uint32_t e = g.Begin; e < g.End; e++)
        if (data.EntryRank[e] != kNoRank) listed = std::max(listed, (int)data.EntryRank[e]);
    int depth = std::max(listed, data.Sources[g.Source].Depth);
    if (cutoff > 0) depth = std::min(depth, cutoff);
    return std::max(depth, 1);
}

// Score of a listed rank, and of the virtual rank depth + 1, for the rank-based methods.
static double RankScore(const ScoringKey& k, int rank, int depth)
{
    switch (k.RankMethod) {
    case Method::Borda: return (double)(depth + 1 - rank);
    case Method::Dowdall: return 1.0 / (double)rank;
    case Method::ReciprocalRank: return 1.0 / (k.RrfK + (double)rank);
    case Method::PointsTable: return PointsForRank(k.Points, rank);
    default: return (double)(depth + 1 - rank) / (double)depth;  // RankPoints
    }
}

void ComputeEntryScores(const Dataset& data, const ScoringKey& k, EntryScores* out)
{
    const size_t n = data.EntryCount();
    out->EntryValue.assign(n, 0.0);
    out->Counts.assign(n, 0);
    out->MissingValue.assign(data.Groups.size(), 0.0);
    out->GroupHasUnits.assign(data.Groups.size(), 1);
    const bool by_units = k.RankMethod == Method::WeightedSum && k.Norm != Normalization::RankPoints;

    for (size_t gi = 0; gi < data.Groups.size(); gi++) {
        const EntryGroup& g = data.Groups[gi];
        const int depth = GroupDepth(data, g, k.Cutoff);
        // Which entries count: ranked within the cutoff; for units methods, also off-chart rows with
        // units when there is no cutoff (they are published numbers).
        for (uint32_t e = g.Begin; e < g.End; e++) {
            uint16_t r = data.EntryRank[e];
            bool in_cut = r != kNoRank ? (k.Cutoff == 0 || r <= k.Cutoff) : (by_units && k.Cutoff == 0);
            bool has_value = !by_units || std::isfinite(data.EntryUnits[e]);
            out->Counts[e] = (uint8_t)(in_cut && has_value);
        }
        double missing = 0.0;
        if (by_units) {
            // Fixed summation order (entry order) keeps the bytes identical on every platform.
            double sum = 0.0, lo = INFINITY, hi = -INFINITY;
            int count = 0;
            for (uint32_t e = g.Begin; e < g.End; e++) {
                if (!out->Counts[e]) continue;
                double u = data.EntryUnits[e];
                sum += u;
                lo = std::min(lo, u);
                hi = std::max(hi, u);
                count++;
            }
            if (count == 0) {
                out->GroupHasUnits[gi] = 0;
                continue;
            }
            double mean = sum / count, var = 0.0;
            for (uint32_t e = g.Begin; e < g.End; e++) {
                if (!out->Counts[e]) continue;
                double d = data.EntryUnits[e] - mean;
                var += d * d;
            }
            double sd = std::sqrt(var / count);
            double low_score = 0.0;
            for (uint32_t e = g.Begin; e < g.End; e++) {
                if (!out->Counts[e]) continue;
                double u = data.EntryUnits[e], x = 0.0;
                switch (k.Norm) {
                case Normalization::Units: x = u; break;
                case Normalization::MinMax: x = hi > lo ? (u - lo) / (hi - lo) : 1.0; break;
                case Normalization::ZScore: x = sd > 0.0 ? (u - mean) / sd : 0.0; break;
                case Normalization::Share: x = sum != 0.0 ? u / sum : 0.0; break;
                default: break;
                }
                out->EntryValue[e] = x;
            }
            switch (k.Norm) {
            case Normalization::Units: low_score = lo; break;
            case Normalization::MinMax: low_score = hi > lo ? 0.0 : 1.0; break;
            case Normalization::ZScore: low_score = sd > 0.0 ? (lo - mean) / sd : 0.0; break;
            case Normalization::Share: low_score = sum != 0.0 ? lo / sum : 0.0; break;
            default: break;
            }
            // A song missing from a chart sold at most what its last listed entry sold.
            if (k.Missing == MissingPolicy::NextRank) missing = low_score;
        } else {
            for (uint32_t e = g.Begin; e < g.End; e++)
                if (out->Counts[e]) out->EntryValue[e] = RankScore(k, data.EntryRank[e], depth);
            if (k.Missing == MissingPolicy::NextRank) missing = RankScore(k, depth + 1, depth);
        }
        out->MissingValue[gi] = missing;
        if (missing != 0.0)
            for (uint32_t e = g.Begin; e < g.End; e++)
                if (out->Counts[e]) out->EntryValue[e] -= missing;
    }
}

} // namespace chartmix
