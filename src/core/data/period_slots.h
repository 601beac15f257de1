#pragma once
// Each period's songs numbered 0..n-1 (in order of first entry), and every entry's number within its
// period. Ranking one period then sums into a small dense array: no per-song stamps, no list of
// touched songs, and the selection walks contiguous memory. Built once per dataset; weights and
// scoring settings do not change it.
#include <cstdint>
#include <vector>

#include "core/data/dataset.h"

namespace chartmix {

struct PeriodSlots {
    std::vector<uint32_t> Begin;      // Periods.size() + 1 offsets into Songs
    std::vector<uint32_t> Songs;      // the song id of each slot, period after period
    std::vector<uint32_t> EntrySlot;  // per entry: its song's slot within the entry's period
    uint32_t MaxSongs = 0;            // the most songs any period has

    // Numbers the songs of every period of d (linear in the entries).
    static PeriodSlots Build(const Dataset& d);
};

} // namespace chartmix
