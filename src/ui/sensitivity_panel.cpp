#include "ui/keyboard_focus.h"
#include "ui/sensitivity_panel.h"

#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/base/out_of_memory.h"
#include "ui/plot.h"
#include "ui/ui_probe.h"
#include "ui/ui_common.h"
#include "ui/theme_colors.h"

namespace chartmix::ui {

FlipPoint FlipPointUnderMouse(const std::vector<RankCurve>& curves, const PlotArea& area, double x_max, int max_rank, float radius)
{
    FlipPoint hit;
    float best = radius;
    for (size_t i = 0; i < curves.size(); i++) {
        const RankCurve& c = curves[i];
        for (size_t k = 1; k < c.Steps.size() && c.Steps[k].From <= x_max; k++) {
            ImVec2 p = area.ToPixels(c.Steps[k].From, (float)ImMin(c.Steps[k].Rank, max_rank));
            float d = ImLengthSqr(ImVec2(p.x - area.Mouse.x, p.y - area.Mouse.y));
            if (d < best * best) { best = ImSqrt(d); hit = FlipPoint{ (int)i, (int)k }; }
        }
    }
    return hit;
}

void SensitivityPanel::DrawCurves(AppState& state, double current)
{
    const Dataset& data = state.ActiveSession.Data();
    const float em = ImGui::GetFontSize();
    int max_rank = TopK;
    for (const RankCurve& c : Curves)
        for (const RankStep& s : c.Steps) if (s.From <= XMax) max_rank = ImMax(max_rank, ImMin(s.Rank, TopK * 3));
    const float height = ImMax(ImGui::GetContentRegionAvail().y * 0.55f, em * 12);
    const float label_w = ImMin(em * 10, ImGui::GetContentRegionAvail().x * 0.3f);
    PlotArea area = BeginPlotArea("curves", ImVec2(-1, height), 0.0, XMax, 0.5, max_rank + 0.5, true, em * 2.0f, em * 1.5f);
    area.Max.x -= label_w;
    PlotAxisY(area, "#%.0f", 1.0, "sensitivity.y");
    PlotAxisX(area, "%g", "sensitivity.x");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const int64_t pinned = SelectedSong(state);
    Labels.resize(Curves.size());
    std::vector<EndLabel> ends(Curves.size());
    std::string order;
    for (size_t i = 0; i < Curves.size(); i++) {
        const RankCurve& c = Curves[i];
        StepXs.resize(c.Steps.size());
        StepYs.resize(c.Steps.size());
        for (size_t k = 0; k < c.Steps.size(); k++) { StepXs[k] = (float)c.Steps[k].From; StepYs[k] = (float)ImMin(c.Steps[k].Rank, max_rank); }
        const bool hot = (int64_t)c.Song == pinned;
        const ImU32 color = SeriesColor((int)c.Song);
        PlotSteps(area, StepXs.data(), StepYs.data(), (int)c.Steps.size(), XMax, color, hot ? 3.5f : 2.0f);
        for (size_t k = 1; k < c.Steps.size(); k++) {
            if (c.Steps[k].From > XMax) break;
            ImVec2 p = area.ToPixels(c.Steps[k].From, StepYs[k]);
            draw->AddCircle(p, 3.5f, color, 10, 1.5f);
        }
        // The label goes where the line ends: its rank at the right edge, not at the last flip
        // point, which may lie beyond the plotted range.
        const int end_rank = ImMin(RankAtWeight(c, XMax), max_rank);
        char label[256];
        FormatSong(data, c.Song, label, sizeof(label));
        Labels[i] = label;
        ends[i].Anchor = area.ToPixels(XMax, end_rank);
        ends[i].Color = color;
        ends[i].Priority = hot ? 0 : end_rank;
        order += std::to_string(end_rank) + ":" + label + "\n";
    }
    for (size_t i = 0; i < ends.size(); i++) ends[i].Text = Labels[i].c_str();
    DrawEndLabels(ends.data(), (int)ends.size(), area.Max.x + em * 0.3f, area.Min.y - em * 0.5f, area.Max.y + em * 0.5f, label_w - em * 0.3f,
                  "sensitivity.labels");
    ProbeValue("sensitivity.ends", order);

    // The current weight, and each song's rank there (today's chart: 1 .. top k).
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    ImVec2 cw = area.ToPixels(ImMin(current, XMax), 0);
    draw->AddLine(ImVec2(cw.x, area.Min.y), ImVec2(cw.x, area.Max.y), text, 2.0f);
    char now[48];
    std::snprintf(now, sizeof(now), "now %.3g", current);
    ImVec2 now_size = ImGui::CalcTextSize(now);
    const bool now_left = cw.x + 3 + now_size.x > area.Max.x;
    ImVec2 now_at(now_left ? cw.x - 3 - now_size.x : cw.x + 3, area.Max.y - now_size.y - 2);
    draw->AddRectFilled(now_at, ImVec2(now_at.x + now_size.x, now_at.y + now_size.y), ImGui::GetColorU32(ImGuiCol_WindowBg, 0.85f), 3.0f);
    draw->AddText(now_at, text, now);
    ProbeValue("sensitivity.now", now + 4);
    const float row = (area.Max.y - area.Min.y) / (float)max_rank;
    std::string ranks_now;
    for (const RankCurve& c : Curves) {
        const int r = RankAtWeight(c, current);
        if (r < 1 || r > max_rank) continue;
        ImVec2 p = area.ToPixels(current, r);
        draw->AddCircleFilled(p, 4.0f, SeriesColor((int)c.Song), 12);
        ranks_now += std::to_string(r) + " ";
        if (row < ImGui::GetTextLineHeight()) continue;  // rows too tight for numbers: the y axis says it
        char buf[16];
        std::snprintf(buf, sizeof(buf), "#%d", r);
        ImVec2 ts = ImGui::CalcTextSize(buf);
        ImVec2 at(now_left ? p.x + 6 : p.x - ts.x - 6, p.y - ts.y * 0.5f);
        draw->AddRectFilled(ImVec2(at.x - 1, at.y), ImVec2(at.x + ts.x + 1, at.y + ts.y), ImGui::GetColorU32(ImGuiCol_WindowBg, 0.85f), 2.0f);
        draw->AddText(at, SeriesColor((int)c.Song), buf);
        ProbeLabel("sensitivity.now", buf, at, ImVec2(at.x + ts.x, at.y + ts.y));
    }
    ProbeValue("sensitivity.ranks_now", ranks_now);
    const FlipPoint hovered = area.Hovered ? FlipPointUnderMouse(Curves, area, XMax, max_rank, em * 0.6f) : FlipPoint();
    if (hovered.Curve >= 0) {
        const RankCurve& c = Curves[(size_t)hovered.Curve];
        const RankStep& s = c.Steps[(size_t)hovered.Step];
        char label[256];
        FormatSong(data, c.Song, label, sizeof(label));
        ImGui::SetTooltip("%s\nat weight %.6g: #%d \xE2\x86\x92 #%d", label, s.From, c.Steps[(size_t)hovered.Step - 1].Rank, s.Rank);
    }
}

void SensitivityPanel::Draw(AppState& state)
{
    Session& session = state.ActiveSession;
    const Dataset& data = session.Data();
    const std::vector<double>& weights = session.SourceWeights();
    if (Source < 0 || Source >= (int)data.Sources.size() || data.Sources[(size_t)Source].IsOfficial) {
        Source = -1;
        for (size_t s = 0; s < data.Sources.size() && Source < 0; s++) if (!data.Sources[s].IsOfficial) Source = (int)s;
    }
    if (Source < 0) { ImGui::TextDisabled("No source to vary."); return; }
    const float em = ImGui::GetFontSize();
    if (!state.Figure) {
        ImGui::SetNextItemWidth(ImMin(em * 16, ImGui::GetContentRegionAvail().x * 0.6f));
        if (ImGui::BeginCombo("##source", data.Sources[(size_t)Source].Name.c_str())) {
            for (size_t s = 0; s < data.Sources.size(); s++)
                if (!data.Sources[s].IsOfficial && ImGui::Selectable(data.Sources[s].Name.c_str(), (int)s == Source)) Source = (int)s;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 6);
        ImGui::SliderInt("##topk", &TopK, 3, 15, "top %d");
        KeyboardSliderInt(state, &TopK, 3, 15);
    }

    // Exact rank curves cost O(top_k n^2): recomputed when the mix, period or choice changes, but
    // not while a control is being dragged (the last curves stay, marked as updating).
    const bool curves_stale = CurvesRevision != session.Revision() || CurvesSource != Source || CurvesTopK != TopK;
    if (curves_stale && (!ImGui::IsAnyItemActive() || CurvesSource != Source || Curves.empty())) {
        Result<std::vector<RankCurve>> curves =
            GuardMemory("sweeping the weight", [&] { return RankCurves(session.GetEngine(), session.Period(), (uint32_t)Source, TopK); });
        CurvesError = curves ? "" : curves.Err().Message;
        Curves = curves ? curves.Take() : std::vector<RankCurve>();
        CurvesRevision = session.Revision();
        CurvesSource = Source;
        CurvesTopK = TopK;
        const double current = (size_t)Source < weights.size() ? weights[(size_t)Source] : 0.0;
        XMax = ImMax(1.0, current * 1.25);
    }
    const bool updating = CurvesRevision != session.Revision() || CurvesTopK != TopK;
    const double current = (size_t)Source < weights.size() ? weights[(size_t)Source] : 0.0;
    ImGui::TextWrapped("Rank of today's top %d as the weight of %s sweeps from 0 to %.2g (others fixed). Circles: exact flip points.%s",
                       TopK, data.Sources[(size_t)Source].Name.c_str(), XMax, updating ? " (updating\xE2\x80\xA6)" : "");
    if (!CurvesError.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::Error), "%s", CurvesError.c_str());
    } else {
        DrawCurves(state, current);
    }

    // P(#1) under random weights: a Monte Carlo run, so it waits until no slider is being dragged.
    ImGui::Separator();
    if (!state.Figure) {
        ImGui::SetNextItemWidth(em * 10);
        ImGui::SliderFloat("concentration", &Concentration, 2.0f, 200.0f, "%.0f", ImGuiSliderFlags_Logarithmic);
        double concentration = Concentration;
        if (KeyboardSliderRatio(state, &concentration, 2.0, 200.0, true)) Concentration = (float)concentration;
    }
    HelpTooltip("Weights are drawn from a Dirichlet distribution centred on your mix: alpha_s = concentration x w_s / sum(w). "
                "Low concentration: weights vary wildly; high: close to your mix.");
    const bool stale = ChancesRevision != session.Revision() || ChancesConcentration != Concentration;
    if (stale && !ImGui::IsAnyItemActive()) {
        Result<std::vector<WinChance>> chances =
            GuardMemory("drawing random mixes", [&] { return NumberOneChances(session.GetEngine(), session.Period(), Concentration, Samples, 1); });
        ChancesError = chances ? "" : chances.Err().Message;
        Chances = chances ? chances.Take() : std::vector<WinChance>();
        ChancesRevision = session.Revision();
        ChancesConcentration = Concentration;
    }
    ImGui::Text("P(#1) over %d random mixes%s", Samples, stale ? " (updating\xE2\x80\xA6)" : "");
    if (!ChancesError.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::Error), "%s", ChancesError.c_str());
    char label[256], overlay[32];
    for (size_t i = 0; i < Chances.size() && i < 8; i++) {
        FormatSong(data, Chances[i].Song, label, sizeof(label));
        std::snprintf(overlay, sizeof(overlay), "%.0f%%", 100.0 * Chances[i].Probability);
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImGui::ColorConvertU32ToFloat4(SeriesColor((int)Chances[i].Song)));
        ImGui::ProgressBar((float)Chances[i].Probability, ImVec2(em * 8, 0), overlay);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextUnformatted(label);
    }
    if (data.Simulated) SimulatedBadge(data);
}

} // namespace chartmix::ui
