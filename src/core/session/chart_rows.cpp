#include "core/session/chart_rows.h"

#include <algorithm>
#include <climits>

namespace chartmix {

static char Lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

bool ContainsText(std::string_view text, std::string_view query)
{
    if (query.empty()) return true;
    if (query.size() > text.size()) return false;
    for (size_t i = 0; i + query.size() <= text.size(); i++) {
        size_t j = 0;
        while (j < query.size() && Lower(text[i + j]) == Lower(query[j])) j++;
        if (j == query.size()) return true;
    }
    return false;
}

void OrderChartRows(const Dataset& data, const Ranking& ranking, std::string_view query, ChartRowKey key, bool descending,
                    const std::vector<int>& move_official, const std::vector<int>& move_previous, std::vector<uint32_t>* rows)
{
    rows->clear();
    for (uint32_t i = 0; i < ranking.Songs.size(); i++) {
        uint32_t song = ranking.Songs[i];
        if (query.empty() || ContainsText(data.SongTitle(song), query) || ContainsText(data.SongArtist(song), query)) rows->push_back(i);
    }
    if (key == ChartRowKey::Rank) {
        if (descending) std::reverse(rows->begin(), rows->end());
        return;
    }
    auto movement = [&](const std::vector<int>& move, uint32_t row) { return row < move.size() ? move[row] : INT_MIN; };
    std::stable_sort(rows->begin(), rows->end(), [&](uint32_t a, uint32_t b) {
        switch (key) {
        case ChartRowKey::Title: {
            std::string_view x = data.SongTitle(ranking.Songs[a]), y = data.SongTitle(ranking.Songs[b]);
            return descending ? y < x : x < y;
        }
        case ChartRowKey::Artist: {
            std::string_view x = data.SongArtist(ranking.Songs[a]), y = data.SongArtist(ranking.Songs[b]);
            return descending ? y < x : x < y;
        }
        case ChartRowKey::MoveOfficial:
        case ChartRowKey::MovePrevious: {
            const std::vector<int>& move = key == ChartRowKey::MoveOfficial ? move_official : move_previous;
            int x = movement(move, a), y = movement(move, b);
            if (x == INT_MIN || y == INT_MIN) return x != INT_MIN && y == INT_MIN;  // unknown last
            return descending ? y < x : x < y;
        }
        default: return a < b;
        }
    });
}

} // namespace chartmix
