// Engine::Rank for a one-period window (the default mix, and every step of the history view):
// the period's songs are numbered densely (PeriodSlots), so the weighted sum writes into a small
// contiguous array with no per-song stamp or touched list. The additions are the ones Accumulate
// makes, in the same order, so both paths give the same bytes (tests/core/rank/test_engine.cpp).
#include <algorithm>

#include "core/rank/engine.h"

namespace chartmix {

void Engine::PrepareSlots()
{
    if (!Slots_.Begin.empty()) return;
    Slots_ = PeriodSlots::Build(Data_);
    SlotScore_.assign(Slots_.MaxSongs, 0.0);
    SlotWeightSum_.assign(Slots_.MaxSongs, 0.0);
    SlotTouched_.assign(Slots_.MaxSongs, 0);
}

void Engine::RankOnePeriod(uint32_t period, int top_n, Ranking* out)
{
    PrepareSlots();
    const Dataset& d = Data_;
    const bool ignore = Mix_.Missing == MissingPolicy::Ignore;
    const uint32_t first_slot = Slots_.Begin[period];
    const uint32_t slots = Slots_.Begin[period + 1] - first_slot;
    const uint32_t* songs = Slots_.Songs.data() + first_slot;
    const uint32_t* slot = Slots_.EntrySlot.data();
    const double* value = Scores_.EntryValue.data();
    const uint8_t* counts = Scores_.Counts.data();
    double* score = SlotScore_.data();
    double* weight_sum = SlotWeightSum_.data();
    uint8_t* touched = SlotTouched_.data();
    // Usually every chart of the period is in the mix and every entry counts: then every song of
    // the period is ranked, and the loop below needs no mark per entry.
    bool every_slot = !ignore;
    for (uint32_t gi = d.PeriodGroupBegin[period]; gi < d.PeriodGroupBegin[period + 1] && every_slot; gi++)
        every_slot = Resolved_.Included[d.Groups[gi].Source] && GroupAllCount_[gi];
    std::fill_n(score, slots, 0.0);
    std::fill_n(touched, slots, every_slot ? 1 : 0);
    if (ignore) std::fill_n(weight_sum, slots, 0.0);

    double base = 0.0;
    for (uint32_t gi = d.PeriodGroupBegin[period]; gi < d.PeriodGroupBegin[period + 1]; gi++) {
        const EntryGroup& g = d.Groups[gi];
        if (!Resolved_.Included[g.Source]) continue;
        const double w = Resolved_.Effective[g.Source];
        base += w * Scores_.MissingValue[gi];
        if (every_slot) {
            for (uint32_t e = g.Begin; e < g.End; e++) score[slot[e]] += w * value[e];
        } else if (GroupAllCount_[gi] && !ignore) {
            for (uint32_t e = g.Begin; e < g.End; e++) {
                const uint32_t s = slot[e];
                score[s] += w * value[e];
                touched[s] = 1;
            }
        } else {
            for (uint32_t e = g.Begin; e < g.End; e++) {
                if (!counts[e]) continue;
                const uint32_t s = slot[e];
                score[s] += w * value[e];
                if (ignore) weight_sum[s] += w;
                touched[s] = 1;
            }
        }
    }
    Base_ = base;

    auto final_score = [=](uint32_t s) { return ignore ? (weight_sum[s] > 0.0 ? score[s] / weight_sum[s] : 0.0) : base + score[s]; };
    size_t ranked = slots;
    if (!every_slot) {
        ranked = 0;
        for (uint32_t s = 0; s < slots; s++) ranked += touched[s];
    }
    const size_t k = top_n <= 0 ? ranked : std::min(ranked, (size_t)top_n);
    bool filled = false;
    if (k > 0 && ranked > 8 * k && ranked > 1024) {
        // As in SelectTop: a threshold from an evenly spaced sample keeps a few times k candidates.
        // Exact whatever the sample: when fewer than k pass, every ranked song is taken below.
        const size_t stride = slots / kSamples;
        Sample_.clear();
        for (size_t i = 0; i < kSamples; i++)
            if (touched[i * stride]) Sample_.push_back(final_score((uint32_t)(i * stride)));
        if (Sample_.size() >= 64) {
            const double cut = CutFromSample(k, ranked);
            Pool_.clear();
            for (uint32_t s = 0; s < slots; s++) {
                if (!touched[s]) continue;
                const double v = final_score(s);
                if (v >= cut) Pool_.push_back({ v, songs[s] });
            }
            filled = Pool_.size() >= k;
        }
    }
    if (!filled) {
        Pool_.clear();
        for (uint32_t s = 0; s < slots; s++)
            if (touched[s]) Pool_.push_back({ final_score(s), songs[s] });
    }
    FinishTop(k, ranked, out);
}

} // namespace chartmix
