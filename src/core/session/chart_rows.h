#pragma once
// The rows of a ranking as a table shows them: filtered by a search text and sorted by a column.
// It never changes ranks or scores, it only permutes row indices; a table calls it when its sort,
// its search text or the session's revision changes, not per frame.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/data/dataset.h"
#include "core/rank/engine.h"

namespace chartmix {

enum class ChartRowKey { Rank, Title, Artist, MoveOfficial, MovePrevious };

// Row indices (0..ranking.Songs.size()) whose title or artist contains `query` (ASCII letters
// case-insensitively, other bytes exactly), ordered by key. move_* are per-row movements
// (positive = up); rows with no movement sort last.
void OrderChartRows(const Dataset& data, const Ranking& ranking, std::string_view query, ChartRowKey key, bool descending,
                    const std::vector<int>& move_official, const std::vector<int>& move_previous, std::vector<uint32_t>* rows);

// True when text contains query, ASCII case-insensitively: ContainsText("Love Dive", "dive").
bool ContainsText(std::string_view text, std::string_view query);

} // namespace chartmix
