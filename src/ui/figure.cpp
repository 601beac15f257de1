#include "ui/figure.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include <imgui_internal.h>

#include "core/data/catalogue.h"
#include "core/data/source_labels.h"
#include "ui/explorer.h"
#include "ui/explorer_view.h"
#include "ui/fonts.h"
#include "ui/open_dialog.h"
#include "ui/ui_common.h"
#include "ui/ui_probe.h"

namespace chartmix::ui {

struct FigureContext {
    ImGuiContext* Context = nullptr;
    ImFontAtlas* Atlas = nullptr;  // the app's atlas it shares (a new app context means a new figure context)
    ~FigureContext() { if (Context) ImGui::DestroyContext(Context); }
};

// [SECTION] Words

int FigurePanel(AppState& state)
{
    const int panel = PanelFromKey(state.ActiveSession.Panel);
    return panel > Panel_Sources && panel < Panel_COUNT ? panel : Panel_Chart;
}

static std::string PanelFigureTitle(AppState& state, int panel)
{
    ExplorerView& view = GetExplorerView(state);
    Session& session = state.ActiveSession;
    const Dataset& data = session.Data();
    char buf[640];
    switch (panel) {
    case Panel_History:
        std::snprintf(buf, sizeof(buf), "Composite rank by period: top %d", view.History.TopN);
        return buf;
    case Panel_Song: {
        int64_t song = SelectedSong(state);
        const Ranking& ranking = session.CurrentRanking();
        if (song < 0 && !ranking.Songs.empty()) song = ranking.Songs[0];
        if (song < 0) return "Chart run";
        char label[512];
        FormatSong(data, (uint32_t)song, label, sizeof(label));
        return std::string("Chart run: ") + label;
    }
    case Panel_Compare: {
        const ComparePanel& c = view.Compare;
        if (!c.Against.empty()) std::snprintf(buf, sizeof(buf), "Your mix on %s charts only against all of it: top %d", c.Against.c_str(), c.Depth);
        else if (c.Official >= 0 && (size_t)c.Official < data.Sources.size())
            std::snprintf(buf, sizeof(buf), "%s against your mix: top %d", data.Sources[(size_t)c.Official].Name.c_str(), c.Depth);
        else std::snprintf(buf, sizeof(buf), "Source against source: top %d", c.Depth);
        return buf;
    }
    case Panel_Sensitivity: {
        const int s = view.Sensitivity.Source;
        if (s < 0 || (size_t)s >= data.Sources.size()) return "Sensitivity to one chart's weight";
        return "Rank as the weight of " + data.Sources[(size_t)s].Name + " changes";
    }
    case Panel_Classroom: {
        const ClassroomPanel& c = view.Classroom;
        return "Classroom: " + (c.Steps.Title.empty() ? std::string("how ranking methods decide") : c.Steps.Title);
    }
    default:
        return "Composite chart: top " + std::to_string(ImMin<uint32_t>(kFigureChartRows, session.CurrentRanking().Ranked));
    }
}

static std::string MethodLine(const Mix& mix)
{
    if (mix.RankMethod != Method::WeightedSum) return MethodTitle(mix.RankMethod);
    std::string norm = NormalizationTitle(mix.Norm);
    if (!norm.empty() && norm[0] >= 'A' && norm[0] <= 'Z') norm[0] = (char)(norm[0] - 'A' + 'a');
    return "Weighted sum of " + norm;
}

static std::string MixLine(Session& session, int max_sources)
{
    const Dataset& data = session.Data();
    const ResolvedMix& resolved = session.GetEngine().Resolved();
    std::vector<uint32_t> mixed;
    double total = 0;
    for (uint32_t s = 0; s < data.Sources.size(); s++)
        if (s < resolved.Weight.size() && resolved.Weight[s] > 0 && !data.Sources[s].IsOfficial) { mixed.push_back(s); total += resolved.Weight[s]; }
    if (mixed.empty()) return "The official charts as published: nothing to mix";
    std::stable_sort(mixed.begin(), mixed.end(), [&](uint32_t a, uint32_t b) { return resolved.Weight[a] > resolved.Weight[b]; });
    const std::vector<std::string> labels = ShortSourceLabels(data);
    std::string line = "Your mix: ";
    const size_t shown = ImMin(mixed.size(), (size_t)ImMax(max_sources, 1));
    for (size_t i = 0; i < shown; i++) {
        const double percent = 100.0 * resolved.Weight[mixed[i]] / total;
        char share[16];
        if (percent < 0.5) std::snprintf(share, sizeof(share), "<1%%");
        else std::snprintf(share, sizeof(share), "%.0f%%", percent);
        line += (i ? " \xC2\xB7 " : "") + labels[mixed[i]] + " " + share;
    }
    if (shown < mixed.size()) line += " \xC2\xB7 " + std::to_string(mixed.size() - shown) + " more";
    return line + ", method: " + MethodLine(session.CurrentMix());
}

static std::string CreditLine(AppState& state)
{
    const Session& session = state.ActiveSession;
    const Dataset& data = session.Data();
    const std::string& ref = session.DatasetRef();
    if (ref.rfind("catalog:", 0) == 0)
        if (const CatalogueEntry* e = FindCatalogueEntry(state, ref.c_str() + 8))
            if (std::string credit = CatalogueCredit(*e); !credit.empty()) return "Data: " + credit;
    if (data.Simulated) return "Data: chartmix's simulated market: invented songs and platforms with a known ground truth";
    std::string cited;
    for (const Source& s : data.Sources)
        if (!s.Citation.empty() && cited.find(s.Citation) == std::string::npos) cited += (cited.empty() ? "" : "; ") + s.Citation;
    return "Data: " + (cited.empty() ? (data.Name.empty() ? std::string("your own files") : data.Name) : cited);
}

FigureText MakeFigureText(AppState& state, int panel, int max_sources)
{
    Session& session = state.ActiveSession;
    const Dataset& data = session.Data();
    FigureText text;
    text.Title = PanelFigureTitle(state, panel);
    if (data.Simulated) text.Dataset = "Simulated chart market (invented songs)";
    else {
        const std::string& ref = session.DatasetRef();
        const CatalogueEntry* e = ref.rfind("catalog:", 0) == 0 ? FindCatalogueEntry(state, ref.c_str() + 8) : nullptr;
        text.Dataset = e ? e->Title : data.Name.empty() ? std::string("Your data") : data.Name;
    }
    if (!data.Periods.empty()) {
        const bool over_time = panel == Panel_History || panel == Panel_Song;
        text.Period = over_time && data.Periods.size() > 1 ? data.Periods.front().Label + " to " + data.Periods.back().Label
                                                           : data.Periods[session.Period()].Label;
    }
    text.Mix = MixLine(session, max_sources);
    text.Credit = CreditLine(state);
    return text;
}

// [SECTION] Drawing

static void DrawFigureWindow(AppState& state, ExplorerView& view, int panel)
{
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(kFigureWidth, kFigureHeight));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(32.0f, 24.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;
    ImGui::Begin("figure", nullptr, flags);
    ImGui::PopStyleVar(3);
    const float width = ImGui::GetContentRegionAvail().x;

    FigureText text = MakeFigureText(state, panel);
    for (int sources = 5; sources >= 1 && ImGui::CalcTextSize(text.Mix.c_str()).x > width; sources--) text.Mix = MixLine(state.ActiveSession, sources);
    ImGui::SetWindowFontScale(1.4f);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.Title.c_str());
    ProbeItem("figure.title");
    ImGui::SetWindowFontScale(1.0f);
    const std::string where = text.Period.empty() ? text.Dataset : text.Dataset + "  \xC2\xB7  " + text.Period;
    ImGui::TextUnformatted(where.c_str());
    ProbeItem("figure.dataset");
    ImGui::PopTextWrapPos();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(text.Mix.c_str());
    ProbeItem("figure.mix");
    ImGui::PopStyleColor();
    ProbeValue("figure.title", text.Title);
    ProbeValue("figure.mix", text.Mix);
    ProbeValue("figure.credit", text.Credit);
    ProbeValue("figure.panel", PanelKey(panel));
    ImGui::Spacing();

    // The footer's height first: the chart takes what the header and the footer leave.
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* brand = "chartmix";
    const float brand_w = ImGui::CalcTextSize(brand).x;
    const float credit_w = width - brand_w - ImGui::GetFontSize() * 2.0f;
    const float footer_h = ImGui::CalcTextSize(text.Credit.c_str(), nullptr, false, credit_w).y + style.ItemSpacing.y * 2.0f + 1.0f;
    ImGui::BeginChild("chart", ImVec2(0, -footer_h), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
    DrawPanelContent(state, view, panel);
    ImGui::EndChild();
    ProbeItem("figure.chart");
    ImGui::Separator();
    const float x = ImGui::GetCursorPosX();
    ImGui::PushTextWrapPos(x + credit_w);
    ImGui::PushStyleColor(ImGuiCol_Text, style.Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(text.Credit.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ProbeItem("figure.credit");
    ImGui::SameLine(x + width - brand_w);
    ImGui::TextUnformatted(brand);
    ProbeItem("figure.brand");
    ImGui::End();
}

FigureFrame BuildFigure(AppState& state)
{
    ExplorerView& view = GetExplorerView(state);
    ImGuiContext* app = ImGui::GetCurrentContext();
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (!view.Figure || view.Figure->Atlas != atlas) {
        view.Figure = std::make_shared<FigureContext>();
        view.Figure->Context = ImGui::CreateContext(atlas);
        view.Figure->Atlas = atlas;
        ImGui::SetCurrentContext(app);
    }
    const int panel = FigurePanel(state);
    const float raster = CurrentFontStats().RasterScale > 0 ? CurrentFontStats().RasterScale : 1.0f;

    ImGui::SetCurrentContext(view.Figure->Context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(kFigureWidth, kFigureHeight);
    io.DisplayFramebufferScale = ImVec2(kFigurePixelScale, kFigurePixelScale);
    io.FontGlobalScale = 1.0f / raster;  // the figure's text at the base size, whatever the app's zoom
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // nothing hovered: no tooltips, no highlight
    ImGui::GetStyle() = ImGuiStyle();
    ApplyTheme(state.CurrentTheme);
    ImGuiStyle& style = ImGui::GetStyle();
    style.Colors[ImGuiCol_WindowBg].w = 1.0f;
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);

    state.Figure = true;
    // Twice: a table or a wrapped line settles its layout on its first frame.
    for (int pass = 0; pass < 2; pass++) {
        ProbeBeginFigure(io.DisplaySize, kFigurePixelScale);
        ImGui::NewFrame();
        DrawFigureWindow(state, view, panel);
        ImGui::Render();
    }
    state.Figure = false;
    FigureFrame frame;
    frame.Draw = ImGui::GetDrawData();
    ProbeEndFigure(frame.Draw);
    frame.Width = (int)std::lround(kFigureWidth * kFigurePixelScale);
    frame.Height = (int)std::lround(kFigureHeight * kFigurePixelScale);
    frame.Background = style.Colors[ImGuiCol_WindowBg];
    ImGui::SetCurrentContext(app);
    return frame;
}

} // namespace chartmix::ui
