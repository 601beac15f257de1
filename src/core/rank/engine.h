#pragma once
// The ranking engine: the hot loop of the product. It precomputes the per-entry scores that do not
// depend on weights once per (dataset, scoring settings); each re-mix is then one streaming weighted
// sum into a reusable per-song array plus a partial selection of the top N. After the first call the
// re-mix path allocates nothing (pairwise methods excepted: they work on a small candidate set).
//
//   Engine engine(dataset);
//   if (Status st = engine.SetMix(mix); !st) report(st.Err());
//   Ranking ranking;
//   engine.Rank(period, 100, &ranking);          // slider drag: SetWeight(source, w) then Rank again
//
// Determinism: sums run in entry order (period, source, rank), ties break by a fixed rule
// (Mix::Tie), and the build uses no fast-math, so native and wasm print the same bytes.
#include <cstdint>
#include <vector>

#include "core/base/result.h"
#include "core/data/dataset.h"
#include "core/data/period_slots.h"
#include "core/rank/methods.h"
#include "core/rank/mix.h"

namespace chartmix {

// One period's composite chart, best first.
struct Ranking {
    uint32_t Period = 0;
    std::vector<uint32_t> Songs;   // song ids in rank order (rank = index + 1)
    std::vector<double> Scores;    // the method's score (higher is better)
    uint32_t Ranked = 0;           // songs that had any entry in the window (the full chart length)
};

// Top N of every period, flattened: period p owns [Offsets[p], Offsets[p + 1]).
struct History {
    std::vector<uint32_t> Offsets;
    std::vector<uint32_t> Songs;
    std::vector<double> Scores;
};

// Every ranked song's score as base + sum over sources of Effective[s] * Coef[i * sources + s]:
// exact for weighted sums under the next_rank and zero policies, which is what sensitivity needs.
struct Decomposition {
    uint32_t Period = 0;
    uint32_t SourceCount = 0;
    std::vector<uint32_t> Songs;   // ranked songs, in song id order
    std::vector<double> Coef;      // Songs.size() x SourceCount, stored score per unit of effective weight
    std::vector<uint32_t> TieKey;  // the tie-break order: lower wins an exact tie
};

class Engine {
public:
    // The dataset is not copied and must outlive the engine.
    explicit Engine(const Dataset& data);

    // Binds a mix; recomputes the per-entry scores only when its scoring settings changed.
    Status SetMix(const Mix& mix);
    // Slider fast path: one source's weight, without re-resolving selectors (weight finite, >= 0).
    Status SetWeight(uint32_t source, double weight);
    const Mix& CurrentMix() const { return Mix_; }
    const ResolvedMix& Resolved() const { return Resolved_; }
    const Dataset& Data() const { return Data_; }
    const EntryScores& Scores() const { return Scores_; }

    // Ranks one period: the top_n songs (all ranked songs when top_n <= 0). Errors: no mix, bad period.
    Status Rank(uint32_t period, int top_n, Ranking* out);
    // Ranks every period in one call (the history view). Cumulative windows are summed incrementally.
    Status RankHistory(int top_n, History* out);
    // Per-source contributions for the songs of a ranking: out[i * sources + s], summing to the
    // score (weighted-sum methods; positional points for pairwise methods).
    void Contributions(const Ranking& ranking, std::vector<double>* out);
    // The linear form of every ranked song's score in one period (see Decomposition).
    Status Decompose(uint32_t period, Decomposition* out);

    // The periods the mix's window covers when ranking period p: [*first, p].
    void WindowOf(uint32_t period, uint32_t* first) const;

private:
    void BeginPass();
    void Accumulate(uint32_t period);
    void SelectTop(int top_n, Ranking* out);
    // A score about three times k places deep in the ranking, from the scores in Sample_ (spread evenly
    // over the ranked songs): candidates below it cannot reach the top k unless fewer than k pass.
    static constexpr size_t kSamples = 512;
    double CutFromSample(size_t k, size_t ranked);
    // The k best of Pool_ in order, exact ties settled by the mix's rule, into out.
    void FinishTop(size_t k, size_t ranked, Ranking* out);
    // Rank() of a one-period window on the dense slots (engine_one_period.cpp): same sums, same bytes.
    void RankOnePeriod(uint32_t period, int top_n, Ranking* out);
    void PrepareSlots();
    void ComputeTieData();
    Status RankPairwise(uint32_t period, int top_n, Ranking* out);
    // Every chart the mix weighs has units when its normalization needs them.
    Status CheckUnits(const Mix& mix, const ResolvedMix& resolved, const EntryScores& scores) const;

    const Dataset& Data_;
    Mix Mix_;
    bool HasMix_ = false;
    ScoringKey Key_;
    bool HasScores_ = false;
    EntryScores Scores_;
    ResolvedMix Resolved_;

    // Per-song working arrays, sized once; Stamp_ marks the songs of the current pass.
    std::vector<double> Score_;
    std::vector<double> WeightSum_;
    std::vector<uint16_t> BestRank_;
    std::vector<uint32_t> ListCount_;  // entries of each tied song in the window: cumulative windows hold many
    std::vector<uint32_t> Stamp_;
    uint32_t CurrentStamp_ = 0;
    std::vector<uint32_t> Touched_;
    struct Scored {
        double Score;
        uint32_t Song;
    };
    std::vector<Scored> Pool_;
    std::vector<double> Sample_;
    std::vector<uint32_t> TieStamp_;
    uint32_t CurrentTieStamp_ = 0;
    uint32_t WindowFirst_ = 0, WindowLast_ = 0;
    // One-period re-mix: songs numbered per period, built on first use (weights do not change them).
    PeriodSlots Slots_;  // empty until the first one-period ranking
    std::vector<uint8_t> GroupAllCount_;   // per group: every entry counts under the current scoring
    std::vector<double> SlotScore_, SlotWeightSum_;
    std::vector<uint8_t> SlotTouched_;
    double Base_ = 0.0;
};

} // namespace chartmix
