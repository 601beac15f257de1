#pragma once
// Short names for sources where space is tight (matrix rows, legends): the shortest label that
// still tells every source of the dataset apart. Full names stay in tooltips and lists.
#include <string>
#include <vector>

#include "core/dataset.h"

namespace chartmix {

// One label per source. Words a name shares with another name after its first word are dropped
// ("Spotify Weekly Top Songs US" next to "... Global" becomes "Spotify US"); a name that shares
// at most its first word, or whose short form would collide, keeps its full name.
std::vector<std::string> ShortSourceLabels(const Dataset& data);

} // namespace chartmix
