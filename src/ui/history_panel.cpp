#include "ui/keyboard_focus.h"
#include "ui/history_panel.h"

#include <cfloat>
#include <cmath>
#include <cstdio>

#include <imgui_internal.h>

#include "ui/plot.h"
#include "ui/ui_probe.h"
#include "ui/ui_common.h"

namespace chartmix::ui {

void HistoryPanel::Refresh(AppState& state)
{
    Session& session = state.ActiveSession;
    if (SeenRevision == session.Revision() && SeenTopN == TopN) return;
    const Dataset& data = session.Data();
    const History& history = session.CurrentHistory(kChartDepth);
    const size_t periods = history.Offsets.empty() ? 0 : history.Offsets.size() - 1;
    SeriesSongs.clear();
    std::vector<int> series_of(data.Songs.size(), -1);
    for (size_t p = 0; p < periods; p++)
        for (uint32_t i = history.Offsets[p]; i < history.Offsets[p + 1] && (int)(i - history.Offsets[p]) < TopN; i++) {
            uint32_t song = history.Songs[i];
            if (series_of[song] < 0) { series_of[song] = (int)SeriesSongs.size(); SeriesSongs.push_back(song); }
        }
    SeriesRanks.assign(SeriesSongs.size() * periods, NAN);
    for (size_t p = 0; p < periods; p++)
        for (uint32_t i = history.Offsets[p]; i < history.Offsets[p + 1] && (int)(i - history.Offsets[p]) < TopN; i++)
            SeriesRanks[(size_t)series_of[history.Songs[i]] * periods + p] = (float)(i - history.Offsets[p] + 1);
    Xs.resize(periods);
    PeriodLabels.resize(periods);
    for (size_t p = 0; p < periods; p++) { Xs[p] = (float)p; PeriodLabels[p] = data.Periods[p].Label.c_str(); }
    PinTargets.assign(SeriesSongs.size(), ImVec2(-1, -1));
    SeenRevision = session.Revision();
    SeenTopN = TopN;
    Hovered = -1;
}

// Play / pause, the period slider and the top-N slider.
void HistoryPanel::DrawTimeControls(AppState& state)
{
    Session& session = state.ActiveSession;
    const Dataset& data = session.Data();
    const int periods = (int)data.Periods.size();
    int period = (int)session.Period();
    if (ImGui::Button(Playing ? "Pause" : "Play")) {
        Playing = !Playing;
        PlayClock = 0.0f;
        if (Playing && period == periods - 1) ReportStatus(state, session.SetPeriod(0));
    }
    if (Playing) {
        PlayClock += ImGui::GetIO().DeltaTime;
        if (PlayClock >= SecondsPerPeriod) {
            PlayClock = 0.0f;
            if (period + 1 < periods) ReportStatus(state, session.SetPeriod((uint32_t)period + 1));
            else Playing = false;
        }
    }
    ImGui::SameLine();
    period = (int)session.Period();
    ImGui::SetNextItemWidth(ImMax(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 6.0f - ImGui::GetStyle().ItemSpacing.x * 2, ImGui::GetFontSize() * 6));
    if (ImGui::SliderInt("##period", &period, 0, periods - 1, data.Periods[(size_t)session.Period()].Label.c_str()) |
        KeyboardSliderInt(state, &period, 0, periods - 1))
        ReportStatus(state, session.SetPeriod((uint32_t)period));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::SliderInt("##topn", &TopN, 3, 20, "top %d");
    KeyboardSliderInt(state, &TopN, 3, 20);
}

void HistoryPanel::Draw(AppState& state)
{
    Session& session = state.ActiveSession;
    const Dataset& data = session.Data();
    if (data.Periods.empty()) { ImGui::TextDisabled("No periods in this dataset."); return; }
    if (!state.Figure) DrawTimeControls(state);  // first: a period change shows in this frame's plot
    Refresh(state);

    const size_t n_periods = Xs.size();
    const float em = ImGui::GetFontSize();
    const float label_w = ImMin(em * 10, ImGui::GetContentRegionAvail().x * 0.3f);
    float height = ImMax(ImGui::GetContentRegionAvail().y - em * 2.5f, em * 12);
    PlotArea area = BeginPlotArea("bump", ImVec2(-1, height), -0.3, n_periods > 1 ? n_periods - 0.7 : 1.0, 0.5, TopN + 0.5, true, em * 2.0f, em * 1.5f);
    area.Max.x -= label_w;
    area.XMax = n_periods > 0 ? n_periods - 1 + 0.3 : 1.0;
    PlotAxisY(area, "#%.0f", 1.0, "history.y");  // "#" marks the unit: ranks
    PlotDateAxisX(area, data.Periods.data(), (int)ImMin(n_periods, data.Periods.size()), "history.x");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (!state.Figure) {  // the period cursor follows the slider, which a figure leaves out
        ImVec2 cur = area.ToPixels(session.Period(), 0.5);
        draw->AddLine(ImVec2(cur.x, area.Min.y), ImVec2(cur.x, area.Max.y), ImGui::GetColorU32(ImGuiCol_PlotLinesHovered, 0.5f), 2.0f);
    }

    // Hit test: the line nearest the mouse within a few pixels (bigger with a coarse pointer).
    Hovered = -1;
    if (area.Hovered) {
        float best = state.CoarsePointer ? em * 1.2f : em * 0.5f;
        for (size_t s = 0; s < SeriesSongs.size(); s++) {
            float d = DistanceToLine(area, Xs.data(), &SeriesRanks[s * n_periods], (int)n_periods, area.Mouse);
            if (d < best) { best = d; Hovered = (int)s; }
        }
    }
    const int64_t pinned = SelectedSong(state);
    bool pinned_shown = false;
    for (uint32_t song : SeriesSongs) pinned_shown |= (int64_t)song == pinned;
    const bool focus = Hovered >= 0 || pinned_shown;
    char label[256];
    LabelTexts.clear();
    std::vector<EndLabel> labels;
    for (int pass = 0; pass < 2; pass++) {  // dim lines first, highlighted ones on top
        for (size_t s = 0; s < SeriesSongs.size(); s++) {
            const bool hot = (int)s == Hovered || (int64_t)SeriesSongs[s] == pinned;
            if (hot != (pass == 1)) continue;
            const float* ys = &SeriesRanks[s * n_periods];
            ImU32 color = SeriesColor((int)SeriesSongs[s], focus && !hot ? 0.25f : 1.0f);
            PlotLine(area, Xs.data(), ys, (int)n_periods, color, hot ? 3.5f : 2.0f, hot ? 4.0f : 2.5f);
            // A point to click on, and a label for each line that reaches the last period.
            for (int p = (int)n_periods - 1; p >= 0; p--) {
                if (std::isnan(ys[p])) continue;
                PinTargets[s] = area.ToPixels(p, ys[p]);
                if (p == (int)n_periods - 1) {
                    FormatSong(data, SeriesSongs[s], label, sizeof(label));
                    LabelTexts.emplace_back(label);
                    EndLabel l;
                    l.Anchor = PinTargets[s];
                    l.Color = hot ? ImGui::GetColorU32(ImGuiCol_Text) : color;
                    l.Priority = hot ? 0 : (int)ys[p];
                    labels.push_back(l);
                } else if (hot) {
                    // The pinned or hovered line ended earlier: its label sits on a backing at the end.
                    FormatSong(data, SeriesSongs[s], label, sizeof(label));
                    ImVec2 at(PinTargets[s].x + 6, PinTargets[s].y - em * 0.5f);
                    ImVec2 ts = ImGui::CalcTextSize(label);
                    draw->PushClipRect(area.Min, area.Max, true);
                    draw->AddRectFilled(ImVec2(at.x - 2, at.y), ImVec2(at.x + ts.x + 2, at.y + ts.y), ImGui::GetColorU32(ImGuiCol_PopupBg, 0.9f), 3.0f);
                    draw->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), label);
                    draw->PopClipRect();
                }
                break;
            }
        }
    }
    for (size_t i = 0; i < labels.size(); i++) labels[i].Text = LabelTexts[i].c_str();
    DrawEndLabels(labels.data(), (int)labels.size(), area.Max.x + em * 0.3f, area.Min.y - em * 0.5f, area.Max.y + em * 0.5f, label_w - em * 0.3f, "history.labels");
    ProbeRect("history.plot", area.Min, area.Max);
    ProbeRect("history.lines", area.DrawnMin, area.DrawnMax);
    if (Hovered >= 0) {
        FormatSong(data, SeriesSongs[(size_t)Hovered], label, sizeof(label));
        int p = (int)std::lround(ImClamp(area.XFromPixel(area.Mouse.x), 0.0, (double)n_periods - 1));
        float r = SeriesRanks[(size_t)Hovered * n_periods + (size_t)p];
        if (std::isnan(r)) ImGui::SetTooltip("%s\n%s: not in the top %d\nclick to pin", label, PeriodLabels[(size_t)p], TopN);
        else ImGui::SetTooltip("%s\n%s: #%.0f\nclick to pin", label, PeriodLabels[(size_t)p], r);
        if (area.Clicked) SelectSong(state, SeriesSongs[(size_t)Hovered]);
    } else if (area.Clicked && pinned >= 0) {
        session.Selected().clear();  // a click on empty space unpins
        session.Touch();
    }
    if (data.Simulated) SimulatedBadge(data);
    else HintWrapped("Composite rank by period under the current mix.");
}

} // namespace chartmix::ui
