#include "ui/chart_panel.h"
#include "ui/ui_probe.h"

#include <cfloat>
#include <cstdio>
#include <cstring>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/session/ranking_export.h"
#include "ui/figure.h"
#include "ui/plot.h"
#include "ui/native_text_input.h"
#include "ui/ui_common.h"
#include "ui/theme_colors.h"

namespace chartmix::ui {

void ChartPanel::Refresh(AppState& state)
{
    Session& session = state.ActiveSession;
    if (SeenRevision == session.Revision()) return;
    const Ranking& ranking = session.CurrentRanking();
    const Dataset& data = session.Data();
    const size_t rows = ranking.Songs.size(), sources = data.Sources.size();
    session.GetEngine().Contributions(ranking, &Contrib);
    if (Contrib.size() != rows * sources) Contrib.assign(rows * sources, 0.0);
    RowTotal.assign(rows, 0.0);
    MaxScore = 0.0;
    for (size_t r = 0; r < rows; r++) {
        for (size_t s = 0; s < sources; s++) if (Contrib[r * sources + s] > 0) RowTotal[r] += Contrib[r * sources + s];
        MaxScore = ImMax(MaxScore, RowTotal[r]);
    }
    SourceColors.resize(sources);
    for (size_t s = 0; s < sources; s++) SourceColors[s] = SeriesColor((int)s);

    // The official chart of the same period: a lookup of published ranks.
    std::vector<int> official_of_song(data.Songs.size(), 0);
    int official = OfficialSource(data);
    const uint32_t period = ranking.Period;
    if (official >= 0 && period + 1 < data.PeriodGroupBegin.size()) {
        for (uint32_t g = data.PeriodGroupBegin[period]; g < data.PeriodGroupBegin[period + 1]; g++) {
            const EntryGroup& group = data.Groups[g];
            if (group.Source != (uint32_t)official) continue;
            for (uint32_t e = group.Begin; e < group.End; e++)
                if (data.EntryRank[e] != kNoRank) official_of_song[data.EntrySong[e]] = data.EntryRank[e];
        }
    }
    // The previous periods of the composite chart, from the history the core keeps.
    const History& history = session.CurrentHistory(kChartDepth);
    std::vector<int> prev_rank(data.Songs.size(), 0);
    std::vector<uint8_t> earlier(data.Songs.size(), 0);
    if (period > 0 && period < history.Offsets.size()) {
        for (uint32_t i = history.Offsets[period - 1]; i < history.Offsets[period]; i++)
            prev_rank[history.Songs[i]] = (int)(i - history.Offsets[period - 1]) + 1;
        for (uint32_t i = 0; i < history.Offsets[period - 1]; i++) earlier[history.Songs[i]] = 1;
    }
    OfficialRank.assign(rows, 0);
    MoveOfficial.assign(rows, INT_MIN);
    MovePrevious.assign(rows, INT_MIN);
    Previous.assign(rows, PrevStatus::Unknown);
    for (size_t r = 0; r < rows; r++) {
        uint32_t song = ranking.Songs[r];
        int rank = (int)r + 1;
        if (int o = official_of_song[song]; o > 0) { OfficialRank[r] = o; MoveOfficial[r] = o - rank; }
        if (period == 0 || rank > kChartDepth) continue;
        if (prev_rank[song] > 0) { Previous[r] = PrevStatus::Move; MovePrevious[r] = prev_rank[song] - rank; }
        else Previous[r] = earlier[song] ? PrevStatus::ReEntry : PrevStatus::New;
    }
    SeenRevision = session.Revision();
    OrderDirty = true;
}

// An up/down triangle and the number of places, or "=".
static void DrawMovement(int move, bool known)
{
    if (!known) { ImGui::TextDisabled("\xE2\x80\x94"); return; }
    if (move == 0) { ImGui::TextDisabled("="); return; }
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight(), w = h * 0.6f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (move > 0) draw->AddTriangleFilled(ImVec2(p.x, p.y + h * 0.8f), ImVec2(p.x + w, p.y + h * 0.8f), ImVec2(p.x + w * 0.5f, p.y + h * 0.2f), theme::Up);
    else draw->AddTriangleFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + w, p.y + h * 0.2f), ImVec2(p.x + w * 0.5f, p.y + h * 0.8f), theme::Down);
    ImGui::Dummy(ImVec2(w + 2.0f, h));
    ImGui::SameLine(0, 0);
    ImGui::Text("%d", move > 0 ? move : -move);
}

float ChartPanel::RowHeight(const AppState& state) const
{
    return ImGui::GetTextLineHeight() + ImGui::GetFontSize() * (state.CoarsePointer && !state.Figure ? 0.9f : 0.25f);
}

bool ChartPanel::BeginChartTable(bool narrow, ImGuiTableFlags flags)
{
    const int columns = narrow ? 4 : 6;
    if (!ImGui::BeginTable(narrow ? "chart_narrow" : "chart_wide", columns, flags)) return false;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortAscending, em * 2.2f, (ImGuiID)ChartRowKey::Rank);
    ImGui::TableSetupColumn("Last", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, em * 3.6f, (ImGuiID)ChartRowKey::MovePrevious);
    if (!narrow) ImGui::TableSetupColumn("Official", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, em * 4.5f, (ImGuiID)ChartRowKey::MoveOfficial);
    ImGui::TableSetupColumn("Title \xE2\x80\x94 Artist", ImGuiTableColumnFlags_WidthStretch, 3.0f, (ImGuiID)ChartRowKey::Title);
    if (!narrow) ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, em * 4.0f);
    ImGui::TableSetupColumn("Sources", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort, narrow ? 1.0f : 1.6f);
    ImGui::TableHeadersRow();
    return true;
}

// One row of the table: rank (selectable), movement, title and artist, score, contribution bar.
void ChartPanel::DrawRow(AppState& state, uint32_t row, bool narrow, float row_h)
{
    Session& session = state.ActiveSession;
    const Dataset& data = session.Data();
    const Ranking& ranking = session.CurrentRanking();
    const size_t sources = data.Sources.size();
    const int64_t selected = SelectedSong(state);
    char label[512];
    const uint32_t song = ranking.Songs[row];
    ImGui::TableNextRow(0, row_h);
    ImGui::TableNextColumn();
    ImGui::PushID((int)row);
    char rank[16];
    std::snprintf(rank, sizeof(rank), "%u", row + 1);
    if (ImGui::Selectable(rank, selected == (int64_t)song, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, row_h)))
        SelectSong(state, song);
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) session.Panel = "song";
    ImGui::TableNextColumn();
    switch (Previous[row]) {
    case PrevStatus::New: ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::NewEntry), "NEW"); break;
    case PrevStatus::ReEntry: ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::ReEntry), "RE"); HelpTooltip("Re-entry: back after dropping out."); break;
    case PrevStatus::Move: DrawMovement(MovePrevious[row], true); break;
    default: ImGui::TextDisabled("\xE2\x80\x94"); break;
    }
    if (!narrow) {
        ImGui::TableNextColumn();
        DrawMovement(MoveOfficial[row], MoveOfficial[row] != INT_MIN);
        if (OfficialRank[row] > 0 && ImGui::IsItemHovered()) ImGui::SetTooltip("#%d on the official chart", OfficialRank[row]);
    }
    ImGui::TableNextColumn();
    FormatSong(data, song, label, sizeof(label));
    // A title wider than its column ends in "…" (the column would cut it mid-letter); the whole
    // title is a hover away.
    const std::string fitted = FitText(label, ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(fitted.c_str());
    if (fitted.size() != std::strlen(label) && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label);
    if (!narrow) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(FormatScore(ranking.Scores[row]).c_str());
    }
    ImGui::TableNextColumn();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetTextLineHeight();
    double scale = MaxScore > 0 ? RowTotal[row] / MaxScore : 0.0;
    DrawStackedBarH(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + h * 0.15f), ImVec2(p.x + w * (float)scale, p.y + h * 0.85f),
                    &Contrib[(size_t)row * sources], (int)sources, RowTotal[row], SourceColors.data());
    ImGui::Dummy(ImVec2(w, h));
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        for (size_t s = 0; s < sources; s++) {
            double c = Contrib[(size_t)row * sources + s];
            if (c == 0) continue;
            ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(SourceColors[s]), ImGuiColorEditFlags_NoTooltip, ImVec2(h, h));
            ImGui::SameLine();
            ImGui::Text("%s  %.4g (%.0f%%)", data.Sources[s].Name.c_str(), c, RowTotal[row] > 0 ? 100.0 * c / RowTotal[row] : 0.0);
        }
        ImGui::EndTooltip();
    }
    ImGui::PopID();
}

// An exported figure (ui/figure.h): the top of the chart in rank order, with no search, sort or scroll.
void ChartPanel::DrawFigureTable(AppState& state)
{
    const Ranking& ranking = state.ActiveSession.CurrentRanking();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
    if (!BeginChartTable(false, flags)) return;
    const float row_h = RowHeight(state);
    const uint32_t rows = ImMin<uint32_t>((uint32_t)kFigureChartRows, (uint32_t)ranking.Songs.size());
    for (uint32_t row = 0; row < rows; row++) DrawRow(state, row, false, row_h);
    ImGui::EndTable();
}

void ChartPanel::Draw(AppState& state)
{
    Session& session = state.ActiveSession;
    Refresh(state);
    const Dataset& data = session.Data();
    const Ranking& ranking = session.CurrentRanking();

    // A search typed for the previous dataset would hide every song of the new one.
    if (SeenGeneration != session.DataGeneration()) {
        SeenGeneration = session.DataGeneration();
        if (Search[0] && ImGui::GetActiveID() == ImGui::GetID("##search")) ImGui::ClearActiveID();
        Search[0] = 0;
        OfficialOnly = !data.Sources.empty() && !data.HasMixableSource();
    }
    if (state.Figure) { DrawFigureTable(state); return; }
    // Search box; while focused the browser lays a native input over it for IME (Korean, Chinese).
    // The box leaves room for the count beside it; on a narrow phone the count goes below instead.
    char count[48];
    std::snprintf(count, sizeof(count), "%d of %u songs", ShownRows, ranking.Ranked);
    const float count_w = ImGui::CalcTextSize(count).x + ImGui::GetStyle().ItemSpacing.x;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(ImMin(ImMax(ImGui::GetContentRegionAvail().x - count_w, em * 10.0f), ImMin(ImGui::GetContentRegionAvail().x, em * 18.0f)));
    ImGui::InputTextWithHint("##search", "Search title or artist", Search, sizeof(Search));
    ProbeItem("chart.search");
    SearchRect = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
    OfferNativeTextInput(state, Search);
    SameLineIfFits(count_w);
    ImGui::TextDisabled("%s", count);
    SimulatedBadgeBeside(data);
    if (OrderQuery != Search) OrderDirty = true;
    if (OfficialOnly) {
        HintWrapped("This dataset holds only official charts, so there is nothing to re-weight: they are shown as published. "
                    "Open a streaming or sales chart of the same weeks (Open \xE2\x80\xA6) to mix them.");
    }

    const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 34.0f;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Sortable | ImGuiTableFlags_SizingStretchProp |
                            ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable;
    if (!state.Compact) flags |= ImGuiTableFlags_ScrollY;  // the embed's frame grows to its rows instead
    if (!BeginChartTable(narrow, flags)) return;

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            SortKey = (ChartRowKey)specs->Specs[0].ColumnUserID;
            SortDescending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        }
        specs->SpecsDirty = false;
        OrderDirty = true;
    }
    if (OrderDirty || OrderRevision != SeenRevision) {
        OrderChartRows(data, ranking, Search, SortKey, SortDescending, MoveOfficial, MovePrevious, &Rows);
        OrderQuery = Search;
        OrderRevision = SeenRevision;
        OrderDirty = false;
    }
    ShownRows = (int)Rows.size();
    FirstShownSong = Rows.empty() ? UINT32_MAX : ranking.Songs[Rows[0]];
    // The song ids of the first rows as shown (after search and sort), for tests outside the canvas.
    std::string shown;
    for (size_t i = 0; i < Rows.size() && i < 10; i++) shown += (i ? "," : "") + std::to_string(ranking.Songs[Rows[i]]);
    ProbeValue("chart.rows", shown);
    ProbeValue("chart.count", std::to_string(ShownRows));

    const float row_h = RowHeight(state);
    ImGuiListClipper clipper;
    clipper.Begin(state.Compact ? ImMin((int)Rows.size(), CompactRows) : (int)Rows.size(), row_h + ImGui::GetStyle().CellPadding.y * 2.0f);
    int top_row = -1;  // the first row in sight, for tests that scroll
    const float clip_top = ImGui::GetCurrentWindow()->ClipRect.Min.y;
    bool tab_stop_given = false;  // Tab stops at one row; the arrow keys walk the others
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; i++) {
            ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, tab_stop_given);
            tab_stop_given = true;
            DrawRow(state, Rows[(size_t)i], narrow, row_h);
            ImGui::PopItemFlag();
            if (top_row < 0 && ImGui::GetItemRectMin().y >= clip_top) top_row = i;
        }
    ProbeValue("chart.top_row", std::to_string(top_row));
    const ImGuiTable* table = ImGui::GetCurrentTable();
    ImGui::EndTable();
    ProbeRect("chart.table", table->OuterRect.Min, table->OuterRect.Max);  // final once the table ended (the embed's grows to its rows)
}

} // namespace chartmix::ui
