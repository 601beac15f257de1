#include "ui/keyboard_focus.h"
#include "ui/compare_panel.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/data/source_labels.h"
#include "core/rank/engine.h"
#include "ui/plot.h"
#include "ui/ui_probe.h"
#include "ui/ui_common.h"

namespace chartmix::ui {

void ComparePanel::Refresh(AppState& state)
{
    Session& session = state.ActiveSession;
    if (SeenRevision == session.Revision() && SeenDepth == Depth && SeenMetric == MatrixMetric && SeenAgainst == Against) return;
    const Dataset& data = session.Data();
    const Ranking& ranking = session.CurrentRanking();
    const uint32_t period = session.Period();
    Official = OfficialSource(data);
    std::vector<uint32_t> mix(ranking.Songs.begin(), ranking.Songs.begin() + (ptrdiff_t)ImMin((size_t)Depth, ranking.Songs.size()));
    std::vector<uint32_t> official;
    AgainstError.clear();
    if (!Against.empty() && period < data.Periods.size()) {
        // The same mix restricted to one region's charts, ranked by an engine of its own.
        Engine regional(data);
        Ranking r;
        Status st = regional.SetMix(WithRegion(session.CurrentMix(), Against));
        if (st) st = regional.Rank(period, Depth, &r);
        if (st) official.assign(r.Songs.begin(), r.Songs.begin() + (ptrdiff_t)ImMin((size_t)Depth, r.Songs.size()));
        else AgainstError = st.Err().Message;
    } else if (Official >= 0 && period < data.Periods.size()) {
        official = SourceTopList(data, period, (uint32_t)Official, Depth);
    }
    Agreement = CompareLists(official, mix, 0.9);
    // The union of both lists, official order first: one slope line per song.
    ItemSongs = official;
    for (uint32_t s : mix) if (std::find(official.begin(), official.end(), s) == official.end()) ItemSongs.push_back(s);
    LeftRanks.assign(ItemSongs.size(), 0);
    RightRanks.assign(ItemSongs.size(), 0);
    ItemLabels.resize(ItemSongs.size());
    ItemLabelPtrs.resize(ItemSongs.size());
    for (size_t i = 0; i < ItemSongs.size(); i++) {
        for (size_t j = 0; j < official.size(); j++) if (official[j] == ItemSongs[i]) LeftRanks[i] = (int)j + 1;
        for (size_t j = 0; j < mix.size(); j++) if (mix[j] == ItemSongs[i]) RightRanks[i] = (int)j + 1;
        ItemLabels[i] = std::string(data.SongTitle(ItemSongs[i]));
    }
    for (size_t i = 0; i < ItemSongs.size(); i++) ItemLabelPtrs[i] = ItemLabels[i].c_str();

    // Source against source, for the sources that published a chart this period.
    MatrixSources.clear();
    if (period + 1 < data.PeriodGroupBegin.size())
        for (uint32_t g = data.PeriodGroupBegin[period]; g < data.PeriodGroupBegin[period + 1]; g++) MatrixSources.push_back(data.Groups[g].Source);
    const size_t n = MatrixSources.size();
    std::vector<std::vector<uint32_t>> lists(n);
    for (size_t i = 0; i < n; i++) lists[i] = SourceTopList(data, period, MatrixSources[i], Depth);
    Matrix.assign(n * n, 0.0);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i; j < n; j++) {
            ListAgreement a = CompareLists(lists[i], lists[j], 0.9);
            Matrix[i * n + j] = Matrix[j * n + i] = MatrixMetric == 0 ? a.Rbo : a.TauB;
        }
    const std::vector<std::string> short_labels = ShortSourceLabels(data);
    RowLabels.resize(n);
    ColLabels.resize(n);
    RowLabelPtrs.resize(n);
    ColLabelPtrs.resize(n);
    for (size_t i = 0; i < n; i++) {
        ColLabels[i] = std::to_string(i + 1);
        RowLabels[i] = ColLabels[i] + " " + short_labels[MatrixSources[i]];
    }
    for (size_t i = 0; i < n; i++) { RowLabelPtrs[i] = RowLabels[i].c_str(); ColLabelPtrs[i] = ColLabels[i].c_str(); }
    SeenRevision = session.Revision();
    SeenDepth = Depth;
    SeenMetric = MatrixMetric;
    SeenAgainst = Against;
}

// "Compare your mix with": the official chart, or the same mix on one region's charts alone.
void ComparePanel::DrawAgainstCombo(AppState& state)
{
    const Dataset& data = state.ActiveSession.Data();
    std::vector<std::string> regions;
    for (const Source& s : data.Sources)
        if (!s.IsOfficial && !s.Region.empty() && std::find(regions.begin(), regions.end(), s.Region) == regions.end()) regions.push_back(s.Region);
    if (!Against.empty() && std::find(regions.begin(), regions.end(), Against) == regions.end()) Against.clear();
    if (regions.size() < 2) return;
    const std::string current = Against.empty() ? std::string("the official chart") : "your mix, " + Against + " charts only";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo("##against", current.c_str())) {
        if (ImGui::Selectable("the official chart", Against.empty())) Against.clear();
        for (const std::string& r : regions)
            if (ImGui::Selectable(("your mix, " + r + " charts only").c_str(), Against == r)) Against = r;
        ImGui::EndCombo();
    }
    ProbeItem("compare.against");
    ProbeValue("compare.against", Against);
    HelpTooltip("What the slope chart sets your mix against: the published official chart, or the same weights on one region's platforms alone.");
    // The depth slider follows on this line only when it fits (a phone puts it below).
    if (ImGui::GetItemRectMax().x + ImGui::GetFontSize() * 9.0f < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

void ComparePanel::Draw(AppState& state)
{
    Session& session = state.ActiveSession;
    const Dataset& data = session.Data();
    if (!state.Figure) {
        ImGui::TextDisabled("Compare with");
        ImGui::SameLine();
        DrawAgainstCombo(state);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        ImGui::SliderInt("##depth", &Depth, 5, 50, "top %d");
        KeyboardSliderInt(state, &Depth, 5, 50);
    }
    Refresh(state);
    const float em = ImGui::GetFontSize();
    const bool regional = !Against.empty();
    if (regional && !AgainstError.empty()) {
        ImGui::TextWrapped("Your mix has no %s charts to rank on their own (%s).", Against.c_str(), AgainstError.c_str());
    } else if (Official < 0 && !regional) {
        ImGui::TextWrapped("This dataset has no official composite chart to compare your mix with; the matrix below compares the sources.");
    } else {
        if (regional) ImGui::TextWrapped("Your mix on %s charts only (left) against all of your mix (right), top %d:", Against.c_str(), Depth);
        else ImGui::TextWrapped("%s vs your mix, top %d:", data.Sources[(size_t)Official].Name.c_str(), Depth);
        ImGui::TextWrapped("Kendall \xCF\x84-b %.3f  \xC2\xB7  footrule %.0f (%.0f%% of the maximum)  \xC2\xB7  RBO(0.9) %.3f  \xC2\xB7  %u in both%s",
                    Agreement.TauB, Agreement.Footrule, 100.0 * Agreement.FootruleNormalized, Agreement.Rbo, Agreement.Overlap,
                    Agreement.SameTop ? "  \xC2\xB7  same #1" : "");
        HelpTooltip("\xCF\x84-b: +1 when every pair of songs is ordered alike, -1 reversed (Kendall 1945; songs missing from a list rank just below it).\n"
                    "Footrule: total rank displacement (Fagin, Kumar & Sivakumar 2003).\n"
                    "RBO: overlap weighted towards the top, extrapolated (Webber, Moffat & Zobel 2010).");
        if (data.Simulated) SimulatedBadge(data);
        // A figure gives the slope graph the room its header leaves: the matrix is a second chart.
        const float slope_h = state.Figure ? ImMax(ImGui::GetContentRegionAvail().y, em * 12) : ImMax(em * 1.25f * (Depth + 2), em * 12);
        const int hovered = PlotSlope("slope", ImVec2(-1, slope_h), LeftRanks.data(), RightRanks.data(),
                                      ItemLabelPtrs.data(), (int)ItemSongs.size(), Depth, regional ? (Against + " only").c_str() : "official",
                                      regional ? "overall" : "your mix", -1);
        if (hovered >= 0) {
            char label[512];
            FormatSong(data, ItemSongs[(size_t)hovered], label, sizeof(label));
            ImGui::SetTooltip("%s\n%s #%d \xE2\x86\x92 mix #%d\nclick to pin", label, regional ? Against.c_str() : "official", LeftRanks[(size_t)hovered],
                              RightRanks[(size_t)hovered]);
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) SelectSong(state, ItemSongs[(size_t)hovered]);
        }
    }
    const bool slope_shown = (Official >= 0 || regional) && !(regional && !AgainstError.empty());
    if (state.Figure && slope_shown) return;
    ImGui::Separator();
    ImGui::TextWrapped("Source against source, top %d, period %s", Depth, data.Periods.empty() ? "" : data.Periods[session.Period()].Label.c_str());
    if (!state.Figure) {
        SameLineIfFits(ImGui::GetFontSize() * 8.0f);  // the two choices; a phone puts them below
        ImGui::RadioButton("RBO", &MatrixMetric, 0);
        ImGui::SameLine();
        ImGui::RadioButton("\xCF\x84-b", &MatrixMetric, 1);
    }
    Refresh(state);
    const int n = (int)MatrixSources.size();
    if (n == 0) { HintWrapped("No source published a chart in this period."); return; }
    float label_w = 0;
    for (const std::string& l : RowLabels) label_w = ImMax(label_w, ImGui::CalcTextSize(l.c_str()).x);
    const float avail = ImGui::GetContentRegionAvail().x;
    float cell = ImClamp((avail - label_w - 8) / n, em * 1.6f, em * 3.2f);
    const char* const* row_labels = RowLabelPtrs.data();
    if (label_w + cell * n + 8 > avail) {
        // On a phone the row labels give way first (cut with an ellipsis), then the cells, down to an em.
        cell = ImClamp((avail - em * 6 - 8) / n, em * 1.0f, cell);
        const float room = ImMax(avail - cell * n - 8, em * 3);
        FittedRowLabels.resize((size_t)n);
        FittedRowLabelPtrs.resize((size_t)n);
        for (size_t i = 0; i < (size_t)n; i++) {
            FittedRowLabels[i] = FitText(RowLabels[i], room);
            FittedRowLabelPtrs[i] = FittedRowLabels[i].c_str();
        }
        row_labels = FittedRowLabelPtrs.data();
    }
    const int hot = PlotHeatMatrix("agreement", Matrix.data(), n, n, MatrixMetric == 0 ? 0.0 : -1.0, 1.0, row_labels,
                                   ColLabelPtrs.data(), cell >= em * 2.4f ? "%.2f" : "", cell);
    if (hot >= 0)
        ImGui::SetTooltip("%s\n%s\n%s %.3f", data.Sources[MatrixSources[(size_t)(hot / n)]].Name.c_str(),
                          data.Sources[MatrixSources[(size_t)(hot % n)]].Name.c_str(), MatrixMetric == 0 ? "RBO" : "\xCF\x84-b", Matrix[(size_t)hot]);
}

} // namespace chartmix::ui
