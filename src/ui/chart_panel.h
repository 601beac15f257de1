#pragma once
// The composite chart of the chosen period: rank, movement against the official chart and the
// previous period, title and artist, score, and a stacked bar of each source's contribution.
// Rows come from Session::CurrentRanking(); the table only permutes them for display.
#include <climits>
#include <cstdint>
#include <vector>

#include "core/session/chart_rows.h"
#include "ui/app_state.h"

#include <imgui.h>

namespace chartmix::ui {

enum class PrevStatus : uint8_t { Unknown, Move, New, ReEntry };

struct ChartPanel {
    char Search[128] = {};
    uint64_t SeenGeneration = 0;          // Session::DataGeneration() the search was typed for
    bool OfficialOnly = false;            // the data has official charts only (nothing to mix)
    ChartRowKey SortKey = ChartRowKey::Rank;
    bool SortDescending = false;

    // Per-revision caches (rebuilt when Session::Revision() changes).
    uint64_t SeenRevision = 0;
    std::vector<double> Contrib;          // rows x sources (Engine::Contributions)
    std::vector<double> RowTotal;         // sum of the positive contributions of each row
    std::vector<int> MoveOfficial;        // official rank - composite rank (INT_MIN: not on the official chart)
    std::vector<int> OfficialRank;        // 0 when absent
    std::vector<int> MovePrevious;        // previous composite rank - rank (INT_MIN when not a move)
    std::vector<PrevStatus> Previous;
    std::vector<ImU32> SourceColors;
    double MaxScore = 0.0;

    // Display order (rebuilt when the revision, the search text or the sort spec changes).
    uint64_t OrderRevision = 0;
    std::string OrderQuery;
    std::vector<uint32_t> Rows;           // indices into the ranking
    bool OrderDirty = true;

    uint32_t FirstShownSong = UINT32_MAX; // song on the first drawn row (tests read it)
    int ShownRows = 0;                    // rows after the search filter
    int CompactRows = 10;                 // the embed lists the top rows at their natural height, no scrolling
    ImVec4 SearchRect;                    // last drawn search box (tests click it)

    void Draw(AppState& state);
    float RowHeight(const AppState& state) const;  // a table row's height (taller for touch)

private:
    void Refresh(AppState& state);
    bool BeginChartTable(bool narrow, ImGuiTableFlags flags);
    void DrawRow(AppState& state, uint32_t row, bool narrow, float row_h);
    void DrawFigureTable(AppState& state);
};

} // namespace chartmix::ui
