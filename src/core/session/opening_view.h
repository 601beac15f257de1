#pragma once
// What a dataset opens to: a mix that fits its charts and a period worth looking at. A newcomer who
// opens a published chart must see a ranking at once, whatever the previous dataset's mix was.
#include <cstdint>

#include "core/data/dataset.h"
#include "core/rank/mix.h"

namespace chartmix {

// What the charts of a dataset publish, for choosing a mix that fits them.
struct DataTraits {
    bool HasMixable = false;       // at least one non-official source
    bool AllRanked = true;         // every mixable source lists ranks (the official ones when none is mixable)
    bool AllWithUnits = true;      // every mixable source publishes units
};
DataTraits TraitsOf(const Dataset& data);

// The mix a dataset opens with: equal weights over its charts, scored the way they publish.
//   ranks on every chart         -> rank points
//   units only (no ranks)        -> each song's share of its chart's units
//   only official charts         -> those charts themselves, weighted 1 (shown as published)
Mix OpeningMix(const Dataset& data);

// The latest period with representative coverage: as many charts as the data's best-covered
// periods and at least half their median number of entries, so a sparse tail is skipped.
uint32_t OpeningPeriod(const Dataset& data);

} // namespace chartmix
