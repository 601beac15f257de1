#include "ui/sensitivity_panel.h"

#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/plot.h"
#include "ui/ui_common.h"

namespace chartmix::ui {

void SensitivityPanel::Draw(AppState& state)
{
    Session& session = state.Session_;
    const Dataset& data = session.Data();
    const std::vector<double>& weights = session.SourceWeights();
    if (Source < 0 || Source >= (int)data.Sources.size() || data.Sources[(size_t)Source].IsOfficial) {
        Source = -1;
        for (size_t s = 0; s < data.Sources.size() && Source < 0; s++) if (!data.Sources[s].IsOfficial) Source = (int)s;
    }
    if (Source < 0) { ImGui::TextDisabled("No source to vary."); return; }
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(ImMin(em * 16, ImGui::GetContentRegionAvail().x * 0.6f));
    if (ImGui::BeginCombo("##source", data.Sources[(size_t)Source].Name.c_str())) {
        for (size_t s = 0; s < data.Sources.size(); s++)
            if (!data.Sources[s].IsOfficial && ImGui::Selectable(data.Sources[s].Name.c_str(), (int)s == Source)) Source = (int)s;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 6);
    ImGui::SliderInt("##topk", &TopK, 3, 15, "top %d");

    // Exact rank curves: recomputed when the mix, period or choice changes.
    if (CurvesRevision != session.Revision() || CurvesSource != Source || CurvesTopK != TopK) {
        Result<std::vector<RankCurve>> curves = RankCurves(session.GetEngine(), session.Period(), (uint32_t)Source, TopK);
        CurvesError = curves ? "" : curves.Err().Message;
        Curves = curves ? curves.Take() : std::vector<RankCurve>();
        CurvesRevision = session.Revision();
        CurvesSource = Source;
        CurvesTopK = TopK;
        const double current = (size_t)Source < weights.size() ? weights[(size_t)Source] : 0.0;
        XMax = ImMax(1.0, current * 1.25);
    }
    const double current = (size_t)Source < weights.size() ? weights[(size_t)Source] : 0.0;
    ImGui::TextWrapped("Rank of today's top %d as the weight of %s sweeps from 0 to %.2g (others fixed). Ticks: exact flip points.",
                       TopK, data.Sources[(size_t)Source].Name.c_str(), XMax);
    if (!CurvesError.empty()) {
        ImGui::TextColored(ImVec4(0.9f, 0.4f, 0.3f, 1), "%s", CurvesError.c_str());
    } else {
        int max_rank = TopK;
        for (const RankCurve& c : Curves) for (const RankStep& s : c.Steps) max_rank = ImMax(max_rank, ImMin(s.Rank, TopK * 3));
        const float height = ImMax(ImGui::GetContentRegionAvail().y * 0.55f, em * 12);
        PlotArea area = BeginPlotArea("curves", ImVec2(-1, height), 0.0, XMax, 0.5, max_rank + 0.5, true, em * 2.0f, em * 1.5f);
        PlotGridY(area, max_rank > 12 ? 5.0 : 1.0, "%.0f");
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        for (int t = 0; t <= 4; t++) {
            char buf[16];
            double x = XMax * t / 4;
            std::snprintf(buf, sizeof(buf), "%.2g", x);
            draw->AddText(ImVec2(area.ToPixels(x, 0).x - ImGui::CalcTextSize(buf).x * 0.5f, area.Max.y + 4), dim, buf);
        }
        const int64_t pinned = SelectedSong(state);
        int hovered = -1, hovered_step = 0;  // curve and step under the mouse
        float best = em * 0.6f;
        for (size_t i = 0; i < Curves.size(); i++) {
            const RankCurve& c = Curves[i];
            StepXs.resize(c.Steps.size());
            StepYs.resize(c.Steps.size());
            for (size_t k = 0; k < c.Steps.size(); k++) { StepXs[k] = (float)c.Steps[k].From; StepYs[k] = (float)ImMin(c.Steps[k].Rank, max_rank); }
            const bool hot = (int64_t)c.Song == pinned;
            PlotSteps(area, StepXs.data(), StepYs.data(), (int)c.Steps.size(), XMax, SeriesColor((int)c.Song), hot ? 3.5f : 2.0f);
            for (size_t k = 1; k < c.Steps.size(); k++) {
                if (c.Steps[k].From > XMax) break;
                ImVec2 p = area.ToPixels(c.Steps[k].From, StepYs[k]);
                draw->AddCircle(p, 3.5f, SeriesColor((int)c.Song), 10, 1.5f);
                float d = ImLengthSqr(ImVec2(p.x - area.Mouse.x, p.y - area.Mouse.y));
                if (area.Hovered && d < best * best) { best = ImSqrt(d); hovered = (int)i; hovered_step = (int)k; }
            }
            // Label on the left end: the song's title.
            if (!c.Steps.empty()) {
                char label[256];
                FormatSong(data, c.Song, label, sizeof(label));
                ImVec2 p = area.ToPixels(XMax, StepYs.back());
                draw->PushClipRect(area.Min, ImVec2(area.Max.x, area.Max.y), true);
                draw->AddText(ImVec2(p.x - ImGui::CalcTextSize(label).x - 4, p.y - em * 1.05f), SeriesColor((int)c.Song, 0.9f), label);
                draw->PopClipRect();
            }
        }
        ImVec2 cw = area.ToPixels(ImMin(current, XMax), 0);
        draw->AddLine(ImVec2(cw.x, area.Min.y), ImVec2(cw.x, area.Max.y), ImGui::GetColorU32(ImGuiCol_Text), 2.0f);
        draw->AddText(ImVec2(cw.x + 3, area.Min.y), ImGui::GetColorU32(ImGuiCol_Text), "now");
        if (hovered >= 0) {
            const RankCurve& c = Curves[(size_t)hovered];
            const RankStep& s = c.Steps[(size_t)hovered_step];
            char label[256];
            FormatSong(data, c.Song, label, sizeof(label));
            ImGui::SetTooltip("%s\nat weight %.6g: #%d \xE2\x86\x92 #%d", label, s.From, c.Steps[(size_t)hovered_step - 1].Rank, s.Rank);
        }
    }

    // P(#1) under random weights: a Monte Carlo run, so it waits until no slider is being dragged.
    ImGui::Separator();
    ImGui::SetNextItemWidth(em * 10);
    ImGui::SliderFloat("concentration", &Concentration, 2.0f, 200.0f, "%.0f", ImGuiSliderFlags_Logarithmic);
    HelpTooltip("Weights are drawn from a Dirichlet distribution centred on your mix: alpha_s = concentration x w_s / sum(w). "
                "Low concentration: weights vary wildly; high: close to your mix.");
    const bool stale = ChancesRevision != session.Revision() || ChancesConcentration != Concentration;
    if (stale && !ImGui::IsAnyItemActive()) {
        Result<std::vector<WinChance>> chances = NumberOneChances(session.GetEngine(), session.Period(), Concentration, Samples, 1);
        ChancesError = chances ? "" : chances.Err().Message;
        Chances = chances ? chances.Take() : std::vector<WinChance>();
        ChancesRevision = session.Revision();
        ChancesConcentration = Concentration;
    }
    ImGui::Text("P(#1) over %d random mixes%s", Samples, stale ? " (updating\xE2\x80\xA6)" : "");
    if (!ChancesError.empty()) ImGui::TextColored(ImVec4(0.9f, 0.4f, 0.3f, 1), "%s", ChancesError.c_str());
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
