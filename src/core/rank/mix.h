#pragma once
// A mix: everything that turns a dataset into one composite chart. The CLI, the JS API, the URL
// and the presets all carry the same small JSON document (docs/mix-format.md); this is its
// in-memory form. ResolveMix() binds it to one dataset's sources.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/data/dataset.h"

namespace chartmix {

enum class Method : uint8_t {
    WeightedSum,     // weighted sum of per-source scores under Mix::Norm
    Borda,           // depth + 1 - rank points
    Dowdall,         // 1 / rank
    ReciprocalRank,  // 1 / (k + rank), reciprocal rank fusion
    PointsTable,     // any rank -> points table (Mix::Points)
    Copeland,        // pairwise wins minus losses
    Schulze,         // strongest beatpaths
    Kemeny,          // minimum total pairwise disagreement
    Markov,          // MC4 Markov chain (Dwork et al. 2001)
};

enum class Normalization : uint8_t {
    Units,       // raw units divided by the source's conversion ratio
    MinMax,      // (u - min) / (max - min) within one (period, source) chart
    ZScore,      // (u - mean) / sd within one chart
    Share,       // u / total units of the chart
    RankPoints,  // (depth + 1 - rank) / depth: 1 for #1, 1/depth for the last listed
};

enum class MissingPolicy : uint8_t {
    NextRank,  // a song absent from a chart of depth N is scored as if at rank N + 1
    Zero,      // a song absent from a chart gets no points from it
    Ignore,    // the chart is left out of that song's score: weighted mean over the charts listing it
};

enum class WindowKind : uint8_t { Period, Rolling, Cumulative };

enum class TieBreak : uint8_t {
    BestRank,  // equal scores: better best rank on any weighted chart, then more charts, then song id
    SongId,    // equal scores: lower song id (first seen in the data)
};

// One "selector": value" pair of the weights or ratios object, in document order.
// Selectors: an exact source key ("melon"), a key pattern with '*' ("melon*"), "kind:audio_streams",
// "region:KR", "region:KR/kind:audio_streams", or "*" for every other non-official source.
struct SourceSetting {
    std::string Selector;
    double Value = 0.0;
};

// Ranks FirstRank..LastRank (inclusive) each earn Points.
struct PointsBand {
    int FirstRank = 1;
    int LastRank = 1;
    double Points = 0.0;
};

struct Mix {
    Method RankMethod = Method::WeightedSum;
    Normalization Norm = Normalization::Share;
    std::vector<SourceSetting> Weights;   // empty means {"*": 1}
    std::vector<SourceSetting> Ratios;    // units per composite unit (1,500 streams = 1 album); default 1
    MissingPolicy Missing = MissingPolicy::NextRank;  // ParseMix sets DefaultMissing(method) when the document gives none
    WindowKind Window = WindowKind::Period;
    int WindowPeriods = 1;                // for Rolling: how many periods ending at the ranked one
    int Cutoff = 0;                       // only ranks 1..Cutoff of each chart count; 0 = all listed
    double RrfK = 60.0;                   // ReciprocalRank constant (Cormack et al. 2009)
    std::vector<PointsBand> Points;       // PointsTable
    int Candidates = 50;                  // pairwise methods order the top Candidates by Borda
    std::vector<std::string> FilterRegions;  // non-empty: only sources of these regions
    std::vector<std::string> FilterSources;  // non-empty: only sources matching these selectors
    TieBreak Tie = TieBreak::BestRank;
};

// "weighted_sum", "borda", ... (the JSON spelling).
const char* MethodName(Method m);
const char* NormalizationName(Normalization n);
const char* MissingPolicyName(MissingPolicy p);
const char* WindowKindName(WindowKind w);
const char* TieBreakName(TieBreak t);
bool ParseMethod(std::string_view s, Method* out);
bool ParseNormalization(std::string_view s, Normalization* out);
bool ParseMissingPolicy(std::string_view s, MissingPolicy* out);
bool ParseWindowKind(std::string_view s, WindowKind* out);
bool ParseTieBreak(std::string_view s, TieBreak* out);
// The missing policy a mix gets when it names none: zero for a points table (a table gives points to
// the ranks it lists and none to songs off the chart), next_rank otherwise. docs/mix-format.md says why.
MissingPolicy DefaultMissing(Method m);
// True for Copeland, Schulze, Kemeny and Markov, which compare songs pairwise instead of summing.
bool IsPairwise(Method m);
// True when the method reads units (Units, MinMax, ZScore, Share under WeightedSum).
bool NeedsUnits(const Mix& mix);

// Selector specificity: exact key 4, key pattern 3, region+kind 2, kind or region 1, "*" 0; -1 = no match.
// Official composite charts are matched only by their exact key, so "*" never mixes them in.
int MatchSelector(std::string_view selector, const Source& source);
// Checks the syntax of a selector ("kind:bogus" is refused); the message names what is wrong.
bool ValidSelector(std::string_view selector, std::string* why);

// A mix bound to one dataset: per-source numbers, indexed by source id.
struct ResolvedMix {
    std::vector<double> Weight;      // as written in the mix (0 when not matched)
    std::vector<double> Ratio;       // 1 unless the mix gives one
    std::vector<double> Effective;   // Weight / Ratio: what multiplies each stored score
    std::vector<uint8_t> Included;   // passes the filter and is matched by a weight selector
};

// Binds a mix to a dataset. Errors name the field: an exact source key that the dataset lacks,
// all weights zero, a units normalization on a chart that publishes ranks only.
Result<ResolvedMix> ResolveMix(const Mix& mix, const Dataset& data);

// A copy of mix restricted to one region ("CN"): the regional view of the same data.
Mix WithRegion(const Mix& mix, std::string_view region);

} // namespace chartmix
