#pragma once
// Short names for sources where space is tight (matrix rows, legends): the shortest label that
// still tells every source of the dataset apart. Full names stay in tooltips and lists.
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/dataset.h"

namespace chartmix {

// One label per source. Words a name shares with another name after its first word are dropped
// ("Spotify Weekly Top Songs US" next to "... Global" becomes "Spotify US"); a name that shares
// at most its first word, or whose short form would collide, keeps its full name.
std::vector<std::string> ShortSourceLabels(const Dataset& data);

// The order a list shows the sources in: grouped by region, then by kind, then in the data's order.
// Display only: a ranking never depends on it.
std::vector<uint32_t> SourceDisplayOrder(const Dataset& data);

} // namespace chartmix
