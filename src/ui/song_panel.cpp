#include "ui/song_panel.h"

#include <cfloat>
#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/plot.h"
#include "ui/ui_probe.h"
#include "ui/ui_common.h"

namespace chartmix::ui {

void SongPanel::Refresh(AppState& state, uint32_t song)
{
    Session& session = state.ActiveSession;
    if (SeenRevision == session.Revision() && SeenSong == (int64_t)song) return;
    const Dataset& data = session.Data();
    const size_t periods = data.Periods.size(), sources = data.Sources.size();
    // Published ranks of this song: one pass over the entry columns, on selection or data change.
    std::vector<float> by_source(sources * periods, NAN);
    std::vector<uint8_t> listed(sources, 0);
    for (size_t e = 0; e < data.EntryCount(); e++) {
        if (data.EntrySong[e] != song || data.EntryRank[e] == kNoRank) continue;
        size_t s = data.EntrySource[e], p = data.EntryPeriod[e];
        float r = (float)data.EntryRank[e];
        float& cell = by_source[s * periods + p];
        if (std::isnan(cell) || r < cell) cell = r;
        listed[s] = 1;
    }
    Lines.clear();
    Ranks.clear();
    MaxRank = 1.0f;
    for (size_t s = 0; s < sources; s++) {
        if (!listed[s]) continue;
        Lines.push_back((uint32_t)s);
        Ranks.insert(Ranks.end(), by_source.begin() + (ptrdiff_t)(s * periods), by_source.begin() + (ptrdiff_t)((s + 1) * periods));
    }
    // The composite run, from the same history every panel reads.
    const History& history = session.CurrentHistory(kChartDepth);
    HasRun = false;
    for (ChartRun& run : ComputeChartRuns(history))
        if (run.Song == song) { Run = std::move(run); HasRun = true; break; }
    Lines.push_back(UINT32_MAX);
    size_t base = Ranks.size();
    Ranks.resize(base + periods, NAN);
    if (HasRun)
        for (size_t i = 0; i < Run.Trajectory.size() && Run.DebutPeriod + i < periods; i++)
            if (Run.Trajectory[i] > 0) Ranks[base + Run.DebutPeriod + i] = Run.Trajectory[i];
    for (float r : Ranks) if (!std::isnan(r)) MaxRank = ImMax(MaxRank, r);
    Xs.resize(periods);
    PeriodLabels.resize(periods);
    for (size_t p = 0; p < periods; p++) { Xs[p] = (float)p; PeriodLabels[p] = data.Periods[p].Label.c_str(); }
    SeenRevision = session.Revision();
    SeenSong = song;
}

void SongPanel::Draw(AppState& state)
{
    Session& session = state.ActiveSession;
    const Dataset& data = session.Data();
    int64_t song = SelectedSong(state);
    const Ranking& ranking = session.CurrentRanking();
    if (song < 0) {
        if (ranking.Songs.empty()) { ImGui::TextDisabled("No song is ranked in this period."); return; }
        song = ranking.Songs[0];
        if (!state.Figure) HintWrapped("No song pinned: showing this period's #1. Click a song in the chart or the history to pin it.");
    }
    Refresh(state, (uint32_t)song);
    char label[512];
    FormatSong(data, (uint32_t)song, label, sizeof(label));
    ImGui::TextWrapped("%s", label);
    SimulatedBadgeBeside(data);

    if (HasRun) {
        const char* debut = Run.DebutPeriod < data.Periods.size() ? data.Periods[Run.DebutPeriod].Label.c_str() : "?";
        const char* peak_at = Run.PeakPeriod < data.Periods.size() ? data.Periods[Run.PeakPeriod].Label.c_str() : "?";
        ImGui::TextWrapped("Peak #%d (%s)  \xC2\xB7  %u periods on the top %d  \xC2\xB7  %u at #1  \xC2\xB7  debut #%d (%s)",
                    Run.Peak, peak_at, Run.WeeksOnChart, kChartDepth, Run.WeeksAtNumberOne, Run.DebutRank, debut);
    } else {
        ImGui::TextDisabled("Never in the composite top %d under this mix.", kChartDepth);
    }
    if (!state.Figure) {
        ImGui::Checkbox("Log scale", &LogScale);
        HelpTooltip("Charts run to different depths (Melon 1000, Billboard 100): a log scale keeps #1-#10 readable.");
    }

    const size_t periods = Xs.size();
    if (periods == 0) return;
    const float em = ImGui::GetFontSize();
    auto y_of = [&](float rank) { return LogScale ? std::log10(rank) : rank; };
    std::vector<float>& ys = Ranks;  // transformed copy below is per revision only when LogScale flips
    PlotArea area = BeginPlotArea("song_runs", ImVec2(-1, ImMax(ImGui::GetContentRegionAvail().y - em * 1.5f * (float)((Lines.size() + 2) / 3), em * 10)),
                                  -0.3, periods - 0.7, y_of(1.0f) - 0.05, y_of(MaxRank) + 0.05, true, em * 2.5f, em * 1.5f);
    PlotDateAxisX(area, data.Periods.data(), (int)ImMin(periods, data.Periods.size()), "song.x");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (LogScale) {
        // Ranks 1, 2, 5, 10, 20, 50...: a label too close to the one above is dropped.
        static const float kTicks[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };
        float last_y = -FLT_MAX;
        for (float t : kTicks) {
            if (t > MaxRank * 1.01f) break;
            ImVec2 p = area.ToPixels(0, y_of(t));
            draw->AddLine(ImVec2(area.Min.x, p.y), ImVec2(area.Max.x, p.y), GridColor());
            if (p.y - last_y < em + 2.0f) continue;
            char buf[16];
            std::snprintf(buf, sizeof(buf), "#%.0f", t);
            ImVec2 ts = ImGui::CalcTextSize(buf), at(area.Min.x - ts.x - 4, p.y - ts.y * 0.5f);
            draw->AddText(at, ImGui::GetColorU32(ImGuiCol_TextDisabled), buf);
            ProbeLabel("song.y", buf, at, ImVec2(at.x + ts.x, at.y + ts.y));
            last_y = p.y;
        }
    } else {
        PlotAxisY(area, "#%.0f", 1.0, "song.y");
    }
    ImVec2 cur = area.ToPixels(session.Period(), 0);
    draw->AddLine(ImVec2(cur.x, area.Min.y), ImVec2(cur.x, area.Max.y), ImGui::GetColorU32(ImGuiCol_PlotLinesHovered, 0.4f), 2.0f);
    Scratch.resize(periods);
    std::vector<float>& line = Scratch;
    for (size_t l = 0; l < Lines.size(); l++) {
        for (size_t p = 0; p < periods; p++) { float r = ys[l * periods + p]; line[p] = std::isnan(r) ? NAN : y_of(r); }
        const bool composite = Lines[l] == UINT32_MAX;
        ImU32 color = composite ? ImGui::GetColorU32(ImGuiCol_Text) : SeriesColor((int)Lines[l]);
        PlotLine(area, Xs.data(), line.data(), (int)periods, color, composite ? 3.5f : 1.8f, composite ? 3.5f : 2.0f);
    }
    // Legend: colour, source, rank this period.
    for (size_t l = 0; l < Lines.size(); l++) {
        const bool composite = Lines[l] == UINT32_MAX;
        float r = ys[l * periods + session.Period()];
        ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(composite ? ImGui::GetColorU32(ImGuiCol_Text) : SeriesColor((int)Lines[l])),
                           ImGuiColorEditFlags_NoTooltip, ImVec2(em * 0.8f, em * 0.8f));
        ImGui::SameLine();
        const char* name = composite ? "Your mix" : data.Sources[Lines[l]].Name.c_str();
        char entry[300];
        if (std::isnan(r)) std::snprintf(entry, sizeof(entry), "%s: \xE2\x80\x94", name);
        else std::snprintf(entry, sizeof(entry), "%s: #%.0f", name, r);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[std::isnan(r) ? ImGuiCol_TextDisabled : ImGuiCol_Text]);
        ImGui::TextWrapped("%s", entry);  // a long source name wraps on a phone
        ImGui::PopStyleColor();
        if (l % 3 != 2 && l + 1 < Lines.size() && ImGui::GetContentRegionAvail().x > em * 30) ImGui::SameLine(0, em);
    }
}

} // namespace chartmix::ui
