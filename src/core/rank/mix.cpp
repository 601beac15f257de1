#include "core/rank/mix.h"

#include <cmath>

namespace chartmix {

static const char* const kMethodNames[] = { "weighted_sum", "borda", "dowdall", "rrf", "points_table",
                                            "copeland", "schulze", "kemeny", "mc4" };
static const char* const kNormNames[] = { "units", "min_max", "z_score", "share", "rank_points" };
static const char* const kMissingNames[] = { "next_rank", "zero", "ignore" };
static const char* const kWindowNames[] = { "period", "rolling", "cumulative" };
static const char* const kTieNames[] = { "best_rank", "song_id" };

template <typename E, size_t N>
static bool ParseName(const char* const (&names)[N], std::string_view s, E* out)
{
    for (size_t i = 0; i < N; i++)
        if (s == names[i]) { *out = (E)i; return true; }
    return false;
}

const char* MethodName(Method m) { return kMethodNames[(int)m]; }
const char* NormalizationName(Normalization n) { return kNormNames[(int)n]; }
const char* MissingPolicyName(MissingPolicy p) { return kMissingNames[(int)p]; }
const char* WindowKindName(WindowKind w) { return kWindowNames[(int)w]; }
const char* TieBreakName(TieBreak t) { return kTieNames[(int)t]; }
bool ParseMethod(std::string_view s, Method* out) { return ParseName(kMethodNames, s, out); }
bool ParseNormalization(std::string_view s, Normalization* out) { return ParseName(kNormNames, s, out); }
bool ParseMissingPolicy(std::string_view s, MissingPolicy* out) { return ParseName(kMissingNames, s, out); }
bool ParseWindowKind(std::string_view s, WindowKind* out) { return ParseName(kWindowNames, s, out); }
bool ParseTieBreak(std::string_view s, TieBreak* out) { return ParseName(kTieNames, s, out); }

MissingPolicy DefaultMissing(Method m) { return m == Method::PointsTable ? MissingPolicy::Zero : MissingPolicy::NextRank; }

bool IsPairwise(Method m)
{
    return m == Method::Copeland || m == Method::Schulze || m == Method::Kemeny || m == Method::Markov;
}

bool NeedsUnits(const Mix& mix)
{
    return mix.RankMethod == Method::WeightedSum && mix.Norm != Normalization::RankPoints;
}

// Glob match with '*' only (any run of characters).
static bool GlobMatch(std::string_view pattern, std::string_view text)
{
    size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') { star = p++; mark = t; }
        else if (p < pattern.size() && pattern[p] == text[t]) { p++; t++; }
        else if (star != std::string_view::npos) { p = star + 1; t = ++mark; }
        else return false;
    }
    while (p < pattern.size() && pattern[p] == '*') p++;
    return p == pattern.size();
}

// Splits "region:KR/kind:audio_streams" into its region and kind parts; false on bad syntax.
static bool SplitAttributeSelector(std::string_view s, std::string_view* region, std::string_view* kind)
{
    *region = {};
    *kind = {};
    while (!s.empty()) {
        size_t slash = s.find('/');
        std::string_view part = s.substr(0, slash);
        if (part.substr(0, 7) == "region:" && region->empty() && part.size() > 7) *region = part.substr(7);
        else if (part.substr(0, 5) == "kind:" && kind->empty() && part.size() > 5) *kind = part.substr(5);
        else return false;
        if (slash == std::string_view::npos) break;
        s = s.substr(slash + 1);
        if (s.empty()) return false;
    }
    return true;
}

static bool IsAttributeSelector(std::string_view s)
{
    return s.substr(0, 7) == "region:" || s.substr(0, 5) == "kind:";
}

bool ValidSelector(std::string_view selector, std::string* why)
{
    if (selector.empty()) { *why = "a source selector cannot be empty"; return false; }
    if (!IsAttributeSelector(selector)) {
        if (selector.find(':') != std::string_view::npos || selector.find('/') != std::string_view::npos) {
            *why = "selectors are a source key, a key pattern with '*', 'kind:<kind>', 'region:<region>' or 'region:<region>/kind:<kind>'";
            return false;
        }
        return true;
    }
    std::string_view region, kind;
    if (!SplitAttributeSelector(selector, &region, &kind)) {
        *why = "write 'kind:<kind>', 'region:<region>' or 'region:<region>/kind:<kind>'";
        return false;
    }
    SourceKind k;
    if (!kind.empty() && !ParseSourceKind(kind, &k)) {
        *why = "unknown source kind '" + std::string(kind) + "'; kinds are physical_sales, download, audio_streams, video_streams, airplay, social, official_composite, other";
        return false;
    }
    return true;
}

int MatchSelector(std::string_view selector, const Source& source)
{
    if (selector == source.Key) return 4;
    if (source.IsOfficial) return -1;
    if (selector == "*") return 0;
    if (IsAttributeSelector(selector)) {
        std::string_view region, kind;
        if (!SplitAttributeSelector(selector, &region, &kind)) return -1;
        if (!region.empty() && region != source.Region) return -1;
        if (!kind.empty() && kind != SourceKindName(source.Kind)) return -1;
        return (!region.empty() && !kind.empty()) ? 2 : 1;
    }
    if (selector.find('*') != std::string_view::npos && GlobMatch(selector, source.Key)) return 3;
    return -1;
}

// For each source, the setting of the most specific matching selector. Equal specificity: the longer
// selector wins, then the alphabetically first, so the document's order never matters and the
// canonical form (sorted keys) means the same mix. Returns false when no selector matches.
static bool PickSetting(const std::vector<SourceSetting>& settings, const Source& source, double* value)
{
    const SourceSetting* best = nullptr;
    int best_match = -1;
    for (const SourceSetting& s : settings) {
        int m = MatchSelector(s.Selector, source);
        if (m < 0) continue;
        bool better = m > best_match ||
                      (m == best_match && (s.Selector.size() > best->Selector.size() ||
                                           (s.Selector.size() == best->Selector.size() && s.Selector < best->Selector)));
        if (better) { best = &s; best_match = m; }
    }
    if (best) *value = best->Value;
    return best != nullptr;
}

Result<ResolvedMix> ResolveMix(const Mix& mix, const Dataset& data)
{
    const size_t n = data.Sources.size();
    ResolvedMix r;
    r.Weight.assign(n, 0.0);
    r.Ratio.assign(n, 1.0);
    r.Effective.assign(n, 0.0);
    r.Included.assign(n, 0);
    std::vector<SourceSetting> default_weights{ { "*", 1.0 } };
    const std::vector<SourceSetting>& weights = mix.Weights.empty() ? default_weights : mix.Weights;

    // An exact key names one source on purpose: a typo must not silently drop it.
    auto check_exact = [&](const std::vector<SourceSetting>& list, const char* field) -> Status {
        for (const SourceSetting& s : list) {
            if (s.Selector == "*" || IsAttributeSelector(s.Selector) || s.Selector.find('*') != std::string::npos) continue;
            if (data.FindSource(s.Selector) < 0)
                return MakeFieldError(std::string(field) + "." + s.Selector,
                                      "there is no source '" + s.Selector + "' in this dataset; use a pattern such as '" + s.Selector + "*' to make it optional");
        }
        return OkStatus();
    };
    if (Status st = check_exact(weights, "weights"); !st) return st.Err();
    if (Status st = check_exact(mix.Ratios, "ratios"); !st) return st.Err();
    std::vector<SourceSetting> filter_settings;
    for (const std::string& sel : mix.FilterSources) filter_settings.push_back({ sel, 1.0 });
    if (Status st = check_exact(filter_settings, "filter.sources"); !st) return st.Err();

    bool any_weight = false;
    for (size_t s = 0; s < n; s++) {
        const Source& src = data.Sources[s];
        bool passes = true;
        if (!mix.FilterRegions.empty()) {
            passes = false;
            for (const std::string& region : mix.FilterRegions) passes |= region == src.Region;
        }
        if (passes && !mix.FilterSources.empty()) {
            passes = false;
            for (const std::string& sel : mix.FilterSources) passes |= MatchSelector(sel, src) >= 0;
        }
        double w = 0.0;
        bool matched = PickSetting(weights, src, &w);
        double ratio = 1.0;
        PickSetting(mix.Ratios, src, &ratio);
        if (!passes || !matched) continue;
        r.Included[s] = 1;
        r.Weight[s] = w;
        r.Ratio[s] = ratio;
        r.Effective[s] = w / ratio;
        any_weight |= w > 0.0;
    }
    if (!any_weight) {
        bool any_included = false;
        for (uint8_t inc : r.Included) any_included |= inc != 0;
        if (!any_included)
            return MakeFieldError(mix.FilterRegions.empty() && mix.FilterSources.empty() ? "weights" : "filter",
                                  "no source of this dataset is selected; check the source keys and the filter");
        return MakeFieldError("weights", "all selected sources have weight 0; give at least one a positive weight");
    }
    return r;
}

Mix WithRegion(const Mix& mix, std::string_view region)
{
    Mix m = mix;
    m.FilterRegions.assign(1, std::string(region));
    return m;
}

} // namespace chartmix
