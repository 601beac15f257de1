#pragma once
// Display order of a ranking's rows when the user sorts the chart table by a column other than
// rank, and the search filter. This is a stand-in for a core call (the core has no "order rows
// by title/movement" API yet): it never changes ranks or scores, it only permutes row indices,
// and it runs when the sort spec, the search text or the session revision changes, not per frame.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/engine.h"

namespace chartmix::ui {

enum class RowKey { Rank, Title, Artist, MoveOfficial, MovePrevious };

// Row indices (0..ranking.Songs.size()) whose title or artist contains `query` (ASCII letters
// case-insensitively, other bytes exactly), ordered by key. move_* are per-row movements
// (positive = up); rows with no movement sort last.
void OrderRows(const Dataset& data, const Ranking& ranking, std::string_view query, RowKey key, bool descending,
               const std::vector<int>& move_official, const std::vector<int>& move_previous, std::vector<uint32_t>* rows);

// True when text contains query, ASCII case-insensitively.
bool ContainsText(std::string_view text, std::string_view query);

} // namespace chartmix::ui
