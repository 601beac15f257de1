#pragma once
// A prototype of the re-mix layout recommended for the core (docs/performance.md, "Causes"), kept in
// the benchmark so its numbers can be reproduced: weight-independent per-period song slots built once,
// so a re-mix is a branch-free scatter-add into a dense per-period array plus one selection, with no
// per-entry stamp test and no tie-break bookkeeping that the tie rule does not read.
// It covers the benchmark mix only (weighted sum, window = one period, ties by song id, missing
// zero or next_rank) and must give byte-identical rankings to Engine::Rank (checked by hash).
#include <cstdint>
#include <vector>

#include "core/engine.h"

namespace chartmix::bench {

class DenseRemix {
public:
    // Weight-independent: which songs each period lists, and each entry's slot among them.
    explicit DenseRemix(const Dataset& data);
    // The top N of one period under the engine's current scores and weights.
    void Rank(const Engine& engine, uint32_t period, int top_n, Ranking* out);
    // Every period's top N.
    void RankHistory(const Engine& engine, int top_n, History* out);

private:
    const Dataset& Data_;
    std::vector<uint32_t> PeriodSlotBegin_;  // Periods + 1 offsets into SlotSong_
    std::vector<uint32_t> SlotSong_;         // song of each slot, slots of one period in song id order
    std::vector<uint32_t> EntrySlot_;        // entry -> slot index relative to its period
    std::vector<double> Acc_;
    std::vector<uint8_t> Seen_;
    std::vector<uint32_t> Candidates_;
    Ranking One_;
};

} // namespace chartmix::bench
