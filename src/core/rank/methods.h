#pragma once
// Per-entry scores that do not depend on weights: computed once per (dataset, scoring settings), then
// every re-mix is only a weighted sum over them (see engine.h). Formulas: docs/methods.md.
#include <vector>

#include "core/data/dataset.h"
#include "core/rank/mix.h"

namespace chartmix {

// The part of a mix that the per-entry scores depend on. Two mixes with equal keys share scores.
struct ScoringKey {
    Method RankMethod = Method::WeightedSum;
    Normalization Norm = Normalization::Share;
    MissingPolicy Missing = MissingPolicy::NextRank;
    int Cutoff = 0;
    double RrfK = 60.0;
    std::vector<PointsBand> Points;

    bool operator==(const ScoringKey& o) const;
};

// The scoring settings of a mix.
ScoringKey ScoringKeyOf(const Mix& mix);

// Scores for every entry and the imputed score of a song missing from each group.
//   EntryValue[e]: the entry's score minus its group's MissingValue (NextRank, Zero), or the plain
//                  score (Ignore). Entries that do not count (below the cutoff, no units) hold 0
//                  and have Counts[e] == 0.
//   MissingValue[g]: what a song absent from group g scores there (0 under Zero and Ignore).
// Storing score - missing lets a re-mix add only the listed entries and one constant per period.
struct EntryScores {
    std::vector<double> EntryValue;
    std::vector<uint8_t> Counts;
    std::vector<double> MissingValue;
    std::vector<uint8_t> GroupHasUnits;  // 0 when a units normalization finds no units in the group
};

// Fills scores for the whole dataset (linear in the entry count).
void ComputeEntryScores(const Dataset& data, const ScoringKey& key, EntryScores* out);

// Points of a rank under a points table (0 when no band covers it).
double PointsForRank(const std::vector<PointsBand>& table, int rank);
// The depth used for a group: the source's published depth or the listed count, whichever is larger,
// capped by the cutoff.
int GroupDepth(const Dataset& data, const EntryGroup& group, int cutoff);

} // namespace chartmix
