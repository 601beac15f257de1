#include "core/rank/engine.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <new>

#include "core/base/limits.h"
#include "core/rank/kemeny.h"
#include "core/rank/pairwise.h"

namespace chartmix {

namespace {

// A score as the orderings compare it: NaN (no figure can be made) ranks below every number, so the
// comparators stay strict weak orders whatever the scores hold.
inline double OrderKey(double score) { return score == score ? score : -INFINITY; }

} // namespace

Engine::Engine(const Dataset& data) : Data_(data)
{
    const size_t n = data.Songs.size();
    Score_.assign(n, 0.0);
    WeightSum_.assign(n, 0.0);
    BestRank_.assign(n, 0);
    ListCount_.assign(n, 0);
    Stamp_.assign(n, 0);
    TieStamp_.assign(n, 0);
    Touched_.reserve(n);
    Pool_.reserve(n);
    Sample_.reserve(kSamples);
}

Status Engine::CheckUnits(const Mix& mix, const ResolvedMix& resolved, const EntryScores& scores) const
{
    if (!NeedsUnits(mix)) return OkStatus();
    for (size_t g = 0; g < Data_.Groups.size(); g++) {
        uint32_t s = Data_.Groups[g].Source;
        if (resolved.Weight[s] > 0.0 && resolved.Included[s] && !scores.GroupHasUnits[g])
            return MakeFieldError("normalization",
                                  "'" + std::string(NormalizationName(mix.Norm)) + "' needs units, but source '" + Data_.Sources[s].Key +
                                      "' publishes ranks only in period " + Data_.Periods[Data_.Groups[g].Period].Label +
                                      "; use rank_points or a positional method, or give it weight 0");
    }
    return OkStatus();
}

Status Engine::SetMix(const Mix& mix)
{
    // Everything is checked against new values held aside and committed at the end: a refused mix
    // leaves the engine ranking exactly what it ranked before.
    Result<ResolvedMix> resolved = ResolveMix(mix, Data_);
    if (!resolved) return resolved.Err();
    ScoringKey key = ScoringKeyOf(mix);
    const bool rescore = !HasScores_ || !(key == Key_);
    EntryScores scores;
    std::vector<uint8_t> group_all_count;
    if (rescore) {
        ComputeEntryScores(Data_, key, &scores);
        // Charts whose every entry counts (nearly all) take the one-period loop without a test per entry.
        group_all_count.assign(Data_.Groups.size(), 1);
        for (size_t g = 0; g < Data_.Groups.size(); g++)
            for (uint32_t e = Data_.Groups[g].Begin; e < Data_.Groups[g].End && group_all_count[g]; e++) group_all_count[g] = scores.Counts[e];
    }
    if (Status st = CheckUnits(mix, *resolved, rescore ? scores : Scores_); !st) return st;
    Mix copy = mix;  // copied before the commit, which then only moves (an allocation failing there would leave half a mix)
    if (rescore) {
        Scores_ = std::move(scores);
        GroupAllCount_ = std::move(group_all_count);
        Key_ = key;
        HasScores_ = true;
    }
    Mix_ = std::move(copy);
    Resolved_ = resolved.Take();
    HasMix_ = true;
    return OkStatus();
}

Status Engine::SetWeight(uint32_t source, double weight)
{
    if (!HasMix_) return MakeFieldError("mix", "set a mix before changing weights");
    if (source >= Data_.Sources.size()) return MakeFieldError("weights", "no such source");
    // The field name is built only on error: this runs on every slider tick.
    auto field = [&] { return "weights." + Data_.Sources[source].Key; };
    if (!std::isfinite(weight) || weight < 0.0) return MakeFieldError(field(), "must be a finite number \xE2\x89\xA5 0");
    if (!Resolved_.Included[source]) return MakeFieldError(field(), "this source is not part of the mix (filtered out or not selected)");
    double old = Resolved_.Weight[source];
    Resolved_.Weight[source] = weight;
    bool any = false;
    for (size_t s = 0; s < Resolved_.Weight.size(); s++) any |= Resolved_.Included[s] && Resolved_.Weight[s] > 0.0;
    if (!any) {
        Resolved_.Weight[source] = old;
        return MakeFieldError("weights", "all selected sources would have weight 0; keep at least one positive");
    }
    // Only a source that starts counting can bring a chart without units into a units mix; the
    // full check walks every chart, too slow for each tick of a drag. A refused weight changes nothing.
    if (old <= 0.0 && weight > 0.0) {
        if (Status st = CheckUnits(Mix_, Resolved_, Scores_); !st) {
            Resolved_.Weight[source] = old;
            return st;
        }
    }
    // Keep the mix document in step so that serializing it gives what is on screen. Its new entries
    // are the one allocation here: they go in before the resolved weight is committed.
    bool found = false;
    for (SourceSetting& s : Mix_.Weights)
        if (s.Selector == Data_.Sources[source].Key) { s.Value = weight; found = true; }
    if (!found) {
        try {
            if (Mix_.Weights.empty()) Mix_.Weights.push_back({ "*", 1.0 });
            Mix_.Weights.push_back({ Data_.Sources[source].Key, weight });
        } catch (const std::bad_alloc&) {
            Resolved_.Weight[source] = old;
            throw;
        }
    }
    Resolved_.Effective[source] = weight / Resolved_.Ratio[source];
    return OkStatus();
}

void Engine::WindowOf(uint32_t period, uint32_t* first) const
{
    switch (Mix_.Window) {
    case WindowKind::Period: *first = period; break;
    case WindowKind::Cumulative: *first = 0; break;
    case WindowKind::Rolling:
        *first = period + 1 >= (uint32_t)Mix_.WindowPeriods ? period + 1 - (uint32_t)Mix_.WindowPeriods : 0;
        break;
    }
}

void Engine::BeginPass()
{
    if (++CurrentStamp_ == 0) {  // wrapped: forget every old stamp once every 4 billion passes
        std::fill(Stamp_.begin(), Stamp_.end(), 0);
        CurrentStamp_ = 1;
    }
    Touched_.clear();
    Base_ = 0.0;
}

// Adds one period's groups to the running per-song sums. The inner loop is the product's hot loop:
// one load of song id and value, one multiply-add, no branches on the value.
void Engine::Accumulate(uint32_t period)
{
    const Dataset& d = Data_;
    const bool ignore = Mix_.Missing == MissingPolicy::Ignore;
    // Locals, not members, in the inner loop: writes through Score_/Stamp_ could alias the engine's
    // own fields, so the compiler would reload them on every entry.
    const uint32_t* song = d.EntrySong.data();
    const double* value = Scores_.EntryValue.data();
    const uint8_t* counts = Scores_.Counts.data();
    uint32_t* stamp = Stamp_.data();
    double* score = Score_.data();
    double* weight_sum = WeightSum_.data();
    const uint32_t current = CurrentStamp_;
    double base = Base_;
    for (uint32_t gi = d.PeriodGroupBegin[period]; gi < d.PeriodGroupBegin[period + 1]; gi++) {
        const EntryGroup& g = d.Groups[gi];
        if (!Resolved_.Included[g.Source]) continue;
        const double w = Resolved_.Effective[g.Source];
        base += w * Scores_.MissingValue[gi];
        const uint32_t end = g.End;
        for (uint32_t e = g.Begin; e < end; e++) {
            if (!counts[e]) continue;
            const uint32_t s = song[e];
            if (stamp[s] != current) {
                stamp[s] = current;
                score[s] = 0.0;
                weight_sum[s] = 0.0;
                Touched_.push_back(s);
            }
            score[s] += w * value[e];
            if (ignore) weight_sum[s] += w;
        }
    }
    Base_ = base;
}

// Best rank and chart count for the songs marked in TieStamp_, over the current window: only
// needed when exact ties reach the top N, so the hot loop does not pay for it.
void Engine::ComputeTieData()
{
    const Dataset& d = Data_;
    for (uint32_t p = WindowFirst_; p <= WindowLast_; p++)
        for (uint32_t gi = d.PeriodGroupBegin[p]; gi < d.PeriodGroupBegin[p + 1]; gi++) {
            const EntryGroup& g = d.Groups[gi];
            if (!Resolved_.Included[g.Source] || !(Resolved_.Weight[g.Source] > 0.0)) continue;
            for (uint32_t e = g.Begin; e < g.End; e++) {
                const uint32_t s = d.EntrySong[e];
                if (!Scores_.Counts[e] || TieStamp_[s] != CurrentTieStamp_) continue;
                uint16_t r = d.EntryRank[e] == kNoRank ? 0xFFFE : d.EntryRank[e];
                if (r < BestRank_[s]) BestRank_[s] = r;
                ListCount_[s]++;
            }
        }
}

void Engine::SelectTop(int top_n, Ranking* out)
{
    // All scores into contiguous (score, song) pairs, then an O(n) selection of the k best and a
    // sort of those k only. (A bounded heap loses here: songs arrive chart by chart, so nearly
    // every chart's top entries would evict.)
    const size_t n = Touched_.size();
    const size_t k = top_n <= 0 ? n : std::min(n, (size_t)top_n);
    const bool ignore = Mix_.Missing == MissingPolicy::Ignore;
    const double* score = Score_.data();
    const double* weight_sum = WeightSum_.data();
    const double base = Base_;
    auto final_score = [=](uint32_t song) {
        return ignore ? (weight_sum[song] > 0.0 ? score[song] / weight_sum[song] : 0.0) : base + score[song];
    };
    const uint32_t* touched = Touched_.data();
    bool filled = false;
    if (k > 0 && n > 8 * k && n > 1024) {
        // Long tail: a threshold from an evenly spaced sample keeps only a few times k candidates, so
        // the selection below sorts hundreds, not thousands. Exact whatever the sample: when fewer than
        // k pass, everything is taken.
        const size_t stride = n / kSamples;
        Sample_.resize(kSamples);
        for (size_t i = 0; i < kSamples; i++) Sample_[i] = final_score(touched[i * stride]);
        const double cut = CutFromSample(k, n);
        Pool_.clear();
        for (size_t i = 0; i < n; i++) {
            double v = final_score(touched[i]);
            if (v >= cut) Pool_.push_back({ v, touched[i] });
        }
        filled = Pool_.size() >= k;
    }
    if (!filled) {
        Pool_.resize(n);
        for (size_t i = 0; i < n; i++) Pool_[i] = { final_score(touched[i]), touched[i] };
    }
    FinishTop(k, n, out);
}

double Engine::CutFromSample(size_t k, size_t ranked)
{
    const size_t q = std::min(Sample_.size() - 1, (k * Sample_.size()) / ranked * 3 + 16);
    std::nth_element(Sample_.begin(), Sample_.begin() + (std::ptrdiff_t)q, Sample_.end(), [](double x, double y) { return OrderKey(x) > OrderKey(y); });
    return Sample_[q];
}

void Engine::FinishTop(size_t k, size_t ranked, Ranking* out)
{
    auto by_score = [](const Scored& a, const Scored& b) {
        const double x = OrderKey(a.Score), y = OrderKey(b.Score);
        return x != y ? x > y : a.Song < b.Song;
    };
    const size_t m_pool = Pool_.size();
    if (k < m_pool) std::nth_element(Pool_.begin(), Pool_.begin() + (k - 1), Pool_.end(), by_score);
    std::sort(Pool_.begin(), Pool_.begin() + k, by_score);
    if (Mix_.Tie == TieBreak::BestRank && k > 0) {
        // Exact ties inside the top k or across its boundary take the documented rule instead of song id.
        // Songs outside the k best with the kth score join the tie (nth_element left them after k).
        const double threshold = Pool_[k - 1].Score;
        const size_t m = k + (size_t)(std::partition(Pool_.begin() + k, Pool_.end(), [=](const Scored& x) { return x.Score == threshold; }) -
                                      (Pool_.begin() + k));
        std::sort(Pool_.begin() + k, Pool_.begin() + m, by_score);
        bool any = false;
        if (++CurrentTieStamp_ == 0) {
            std::fill(TieStamp_.begin(), TieStamp_.end(), 0);
            CurrentTieStamp_ = 1;
        }
        for (size_t i = 0; i + 1 < m; i++)
            if (Pool_[i].Score == Pool_[i + 1].Score) {
                for (size_t j : { i, i + 1 }) {
                    uint32_t s = Pool_[j].Song;
                    TieStamp_[s] = CurrentTieStamp_;
                    BestRank_[s] = 0xFFFF;
                    ListCount_[s] = 0;
                }
                any = true;
            }
        if (any) {
            ComputeTieData();
            const uint16_t* best = BestRank_.data();
            const uint32_t* count = ListCount_.data();
            std::sort(Pool_.begin(), Pool_.begin() + m, [=](const Scored& a, const Scored& b) {
                if (OrderKey(a.Score) != OrderKey(b.Score)) return OrderKey(a.Score) > OrderKey(b.Score);
                if (best[a.Song] != best[b.Song]) return best[a.Song] < best[b.Song];
                if (count[a.Song] != count[b.Song]) return count[a.Song] > count[b.Song];
                return a.Song < b.Song;
            });
        }
    }
    out->Ranked = (uint32_t)ranked;
    out->Songs.resize(k);
    out->Scores.resize(k);
    for (size_t i = 0; i < k; i++) {
        out->Songs[i] = Pool_[i].Song;
        out->Scores[i] = Pool_[i].Score;
    }
}

Status Engine::Rank(uint32_t period, int top_n, Ranking* out)
{
    if (!HasMix_) return MakeFieldError("mix", "no mix is set");
    if (period >= Data_.Periods.size())
        return MakeFieldError("period", "period " + std::to_string(period) + " is not in the data (" +
                                            std::to_string(Data_.Periods.size()) + " periods)");
    out->Period = period;
    if (IsPairwise(Mix_.RankMethod)) return RankPairwise(period, top_n, out);
    uint32_t first = period;
    WindowOf(period, &first);
    WindowFirst_ = first;
    WindowLast_ = period;
    if (first == period) {
        // One period: its songs are numbered densely once per dataset (see period_slots.h).
        RankOnePeriod(period, top_n, out);
        return OkStatus();
    }
    BeginPass();
    for (uint32_t p = first; p <= period; p++) Accumulate(p);
    SelectTop(top_n, out);
    return OkStatus();
}

Status Engine::RankPairwise(uint32_t period, int top_n, Ranking* out)
{
    uint32_t first = period;
    WindowOf(period, &first);
    WindowFirst_ = first;
    WindowLast_ = period;
    BeginPass();
    for (uint32_t p = first; p <= period; p++) Accumulate(p);
    // Candidates: the top of the weighted Borda count, in Borda order, which also breaks ties below.
    Ranking borda;
    SelectTop(top_n <= 0 ? 0 : std::max(top_n, Mix_.Candidates), &borda);
    size_t c = std::min(borda.Songs.size(), (size_t)Mix_.Candidates);
    uint64_t voters = 0;
    for (uint32_t gi = Data_.PeriodGroupBegin[first]; gi < Data_.PeriodGroupBegin[period + 1]; gi++)
        voters += Resolved_.Included[Data_.Groups[gi].Source] && Resolved_.Weight[Data_.Groups[gi].Source] > 0.0;
    if (voters * c * c > kMaxPairwiseSteps)
        return MakeFieldError("candidates", "comparing " + std::to_string(c) + " candidates pairwise on the " + std::to_string(voters) +
                                                " charts of this window is too much work for one ranking; use fewer candidates or a shorter window");
    std::vector<uint32_t> candidates(borda.Songs.begin(), borda.Songs.begin() + c);
    PreferenceMatrix m;
    BuildPreferences(Data_, Resolved_.Weight, Resolved_.Included, first, period, candidates, Mix_.Missing, Mix_.Cutoff, &m);
    std::vector<int> order;
    std::vector<double> score;
    switch (Mix_.RankMethod) {
    case Method::Copeland: CopelandOrder(m, &order, &score); break;
    case Method::Schulze: SchulzeOrder(m, &order, &score); break;
    case Method::Kemeny: KemenyOrder(m, &order, &score); break;
    default: Mc4Order(m, &order, &score); break;
    }
    size_t k = top_n <= 0 ? borda.Songs.size() : std::min(borda.Songs.size(), (size_t)top_n);
    out->Ranked = borda.Ranked;
    out->Songs.resize(k);
    out->Scores.resize(k);
    // Songs below the candidate set keep their Borda order; their score is left at 0 so that no
    // pairwise score is confused with a Borda count.
    for (size_t i = 0; i < k; i++) {
        if (i < c) {
            out->Songs[i] = candidates[order[i]];
            out->Scores[i] = score[order[i]];
        } else {
            out->Songs[i] = borda.Songs[i];
            out->Scores[i] = 0.0;
        }
    }
    return OkStatus();
}

Status Engine::RankHistory(int top_n, History* out)
{
    if (!HasMix_) return MakeFieldError("mix", "no mix is set");
    const uint32_t periods = (uint32_t)Data_.Periods.size();
    out->Offsets.assign(1, 0);
    out->Songs.clear();
    out->Scores.clear();
    Ranking one;
    const bool incremental = Mix_.Window == WindowKind::Cumulative && !IsPairwise(Mix_.RankMethod);
    if (incremental) BeginPass();
    for (uint32_t p = 0; p < periods; p++) {
        if (incremental) {
            // Same additions in the same order as Rank(p) makes from scratch: identical bytes.
            Accumulate(p);
            WindowFirst_ = 0;
            WindowLast_ = p;
            SelectTop(top_n, &one);
        } else if (Status st = Rank(p, top_n, &one); !st) {
            return st;
        }
        out->Songs.insert(out->Songs.end(), one.Songs.begin(), one.Songs.end());
        out->Scores.insert(out->Scores.end(), one.Scores.begin(), one.Scores.end());
        out->Offsets.push_back((uint32_t)out->Songs.size());
    }
    return OkStatus();
}

void Engine::Contributions(const Ranking& ranking, std::vector<double>* out)
{
    const uint32_t sources = (uint32_t)Data_.Sources.size();
    const size_t n = ranking.Songs.size();
    out->assign(n * sources, 0.0);
    if (!HasMix_ || n == 0) return;
    // Row of each ranked song, found through a stamp so that no map is built.
    BeginPass();
    for (size_t i = 0; i < n; i++) {
        Stamp_[ranking.Songs[i]] = CurrentStamp_;
        Score_[ranking.Songs[i]] = (double)i;  // row index, reused storage
    }
    uint32_t first = ranking.Period;
    WindowOf(ranking.Period, &first);
    const bool ignore = Mix_.Missing == MissingPolicy::Ignore;
    const bool pairwise = IsPairwise(Mix_.RankMethod);
    std::vector<double> weight_sum(ignore ? n : 0, 0.0);
    for (uint32_t p = first; p <= ranking.Period; p++) {
        for (uint32_t gi = Data_.PeriodGroupBegin[p]; gi < Data_.PeriodGroupBegin[p + 1]; gi++) {
            const EntryGroup& g = Data_.Groups[gi];
            if (!Resolved_.Included[g.Source]) continue;
            const double w = pairwise ? Resolved_.Weight[g.Source] : Resolved_.Effective[g.Source];
            const double missing = w * Scores_.MissingValue[gi];
            if (missing != 0.0)
                for (size_t i = 0; i < n; i++) (*out)[i * sources + g.Source] += missing;
            for (uint32_t e = g.Begin; e < g.End; e++) {
                uint32_t s = Data_.EntrySong[e];
                if (!Scores_.Counts[e] || Stamp_[s] != CurrentStamp_) continue;
                size_t row = (size_t)Score_[s];
                (*out)[row * sources + g.Source] += w * Scores_.EntryValue[e];
                if (ignore) weight_sum[row] += w;
            }
        }
    }
    if (ignore)
        for (size_t i = 0; i < n; i++)
            for (uint32_t s = 0; s < sources; s++)
                (*out)[i * sources + s] = weight_sum[i] > 0.0 ? (*out)[i * sources + s] / weight_sum[i] : 0.0;
}

Status Engine::Decompose(uint32_t period, Decomposition* out)
{
    if (!HasMix_) return MakeFieldError("mix", "no mix is set");
    if (period >= Data_.Periods.size()) return MakeFieldError("period", "period " + std::to_string(period) + " is not in the data");
    if (Mix_.Missing == MissingPolicy::Ignore || IsPairwise(Mix_.RankMethod))
        return MakeFieldError(Mix_.Missing == MissingPolicy::Ignore ? "missing" : "method",
                              "this analysis needs a score linear in the weights: a weighted sum or positional method with missing 'next_rank' or 'zero'");
    Ranking all;
    if (Status st = Rank(period, 0, &all); !st) return st;
    const uint32_t sources = (uint32_t)Data_.Sources.size();
    out->Period = period;
    out->SourceCount = sources;
    out->Songs = all.Songs;
    std::sort(out->Songs.begin(), out->Songs.end());
    const size_t n = out->Songs.size();
    out->TieKey.assign(n, 0);
    // Tie order: position in the current ranking among exact ties is what Rank() would do; for the
    // analyses, ties are broken by song id, which is stable as weights move.
    for (size_t i = 0; i < n; i++) out->TieKey[i] = out->Songs[i];
    Ranking rows;
    rows.Period = period;
    rows.Songs = out->Songs;
    // Contributions at unit effective weight give the coefficients: temporarily set every included
    // source's effective weight to 1.
    std::vector<double> saved = Resolved_.Effective;
    for (uint32_t s = 0; s < sources; s++) Resolved_.Effective[s] = Resolved_.Included[s] ? 1.0 : 0.0;
    Contributions(rows, &out->Coef);
    Resolved_.Effective = saved;
    return OkStatus();
}

} // namespace chartmix
