#include "dense_remix.h"

#include <algorithm>

namespace chartmix::bench {

DenseRemix::DenseRemix(const Dataset& data) : Data_(data)
{
    const size_t periods = data.Periods.size();
    std::vector<uint32_t> slot_of(data.Songs.size(), UINT32_MAX);
    std::vector<uint32_t> songs;
    EntrySlot_.assign(data.EntryCount(), 0);
    PeriodSlotBegin_.assign(1, 0);
    size_t widest = 0;
    for (uint32_t p = 0; p < periods; p++) {
        songs.clear();
        const bool any = data.PeriodGroupBegin[p + 1] > data.PeriodGroupBegin[p];
        const uint32_t e0 = any ? data.Groups[data.PeriodGroupBegin[p]].Begin : 0;
        const uint32_t e1 = any ? data.Groups[data.PeriodGroupBegin[p + 1] - 1].End : 0;
        for (uint32_t e = e0; e < e1; e++)
            if (slot_of[data.EntrySong[e]] == UINT32_MAX) { slot_of[data.EntrySong[e]] = 0; songs.push_back(data.EntrySong[e]); }
        std::sort(songs.begin(), songs.end());
        for (uint32_t i = 0; i < songs.size(); i++) slot_of[songs[i]] = i;
        for (uint32_t e = e0; e < e1; e++) EntrySlot_[e] = slot_of[data.EntrySong[e]];
        for (uint32_t s : songs) slot_of[s] = UINT32_MAX;
        SlotSong_.insert(SlotSong_.end(), songs.begin(), songs.end());
        PeriodSlotBegin_.push_back((uint32_t)SlotSong_.size());
        widest = std::max(widest, songs.size());
    }
    Acc_.assign(widest, 0.0);
    Seen_.assign(widest, 0);
    Candidates_.reserve(widest);
}

void DenseRemix::Rank(const Engine& engine, uint32_t period, int top_n, Ranking* out)
{
    const Dataset& d = Data_;
    const ResolvedMix& r = engine.Resolved();
    const EntryScores& sc = engine.Scores();
    const uint32_t n = PeriodSlotBegin_[period + 1] - PeriodSlotBegin_[period];
    double* __restrict acc = Acc_.data();
    uint8_t* __restrict seen = Seen_.data();
    std::fill(acc, acc + n, 0.0);
    std::fill(seen, seen + n, 0);
    double base = 0.0;
    const uint32_t* __restrict slot = EntrySlot_.data();
    const double* __restrict value = sc.EntryValue.data();
    const uint8_t* __restrict counts = sc.Counts.data();
    for (uint32_t gi = d.PeriodGroupBegin[period]; gi < d.PeriodGroupBegin[period + 1]; gi++) {
        const EntryGroup& g = d.Groups[gi];
        if (!r.Included[g.Source]) continue;
        const double w = r.Effective[g.Source];
        base += w * sc.MissingValue[gi];
        // Branch-free: an entry that does not count holds value 0 and sets no seen bit.
        for (uint32_t e = g.Begin; e < g.End; e++) {
            const uint32_t i = slot[e];
            acc[i] += w * value[e];
            seen[i] |= counts[e];
        }
    }
    Candidates_.clear();
    for (uint32_t i = 0; i < n; i++)
        if (seen[i]) { acc[i] = base + acc[i]; Candidates_.push_back(i); }
    // Slots are in song id order, so "lower slot" is "lower song id": the song_id tie rule.
    auto better = [acc](uint32_t a, uint32_t b) { return acc[a] != acc[b] ? acc[a] > acc[b] : a < b; };
    const size_t k = top_n <= 0 ? Candidates_.size() : std::min(Candidates_.size(), (size_t)top_n);
    if (k < Candidates_.size()) std::nth_element(Candidates_.begin(), Candidates_.begin() + k, Candidates_.end(), better);
    std::sort(Candidates_.begin(), Candidates_.begin() + k, better);
    const uint32_t* songs = SlotSong_.data() + PeriodSlotBegin_[period];
    out->Period = period;
    out->Ranked = (uint32_t)Candidates_.size();
    out->Songs.resize(k);
    out->Scores.resize(k);
    for (size_t i = 0; i < k; i++) {
        out->Songs[i] = songs[Candidates_[i]];
        out->Scores[i] = acc[Candidates_[i]];
    }
}

void DenseRemix::RankHistory(const Engine& engine, int top_n, History* out)
{
    out->Offsets.assign(1, 0);
    out->Songs.clear();
    out->Scores.clear();
    for (uint32_t p = 0; p < Data_.Periods.size(); p++) {
        Rank(engine, p, top_n, &One_);
        out->Songs.insert(out->Songs.end(), One_.Songs.begin(), One_.Songs.end());
        out->Scores.insert(out->Scores.end(), One_.Scores.begin(), One_.Scores.end());
        out->Offsets.push_back((uint32_t)out->Songs.size());
    }
}

} // namespace chartmix::bench
