#include "core/data/period_slots.h"

namespace chartmix {

PeriodSlots PeriodSlots::Build(const Dataset& d)
{
    PeriodSlots slots;
    const size_t periods = d.Periods.size();
    slots.Begin.assign(periods + 1, 0);
    slots.EntrySlot.resize(d.EntryCount());
    std::vector<uint32_t> slot_of(d.Songs.size(), UINT32_MAX);  // valid when seen_in matches the period
    std::vector<uint32_t> seen_in(d.Songs.size(), UINT32_MAX);
    for (uint32_t p = 0; p < periods; p++) {
        const uint32_t first = (uint32_t)slots.Songs.size();
        for (uint32_t gi = d.PeriodGroupBegin[p]; gi < d.PeriodGroupBegin[p + 1]; gi++)
            for (uint32_t e = d.Groups[gi].Begin; e < d.Groups[gi].End; e++) {
                const uint32_t song = d.EntrySong[e];
                if (seen_in[song] != p) {
                    seen_in[song] = p;
                    slot_of[song] = (uint32_t)slots.Songs.size() - first;
                    slots.Songs.push_back(song);
                }
                slots.EntrySlot[e] = slot_of[song];
            }
        slots.Begin[p + 1] = (uint32_t)slots.Songs.size();
        if (slots.Begin[p + 1] - first > slots.MaxSongs) slots.MaxSongs = slots.Begin[p + 1] - first;
    }
    return slots;
}

} // namespace chartmix
