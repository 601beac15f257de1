#include "ui/explorer.h"

#include <chrono>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/explorer_view.h"
#include "ui/fonts.h"
#include "ui/keyboard_focus.h"
#include "ui/ui_common.h"
#include "ui/ui_probe.h"
#include "ui/theme_colors.h"

namespace chartmix::ui {

// [SECTION] Theme and sizes

void ApplyTheme(Theme theme)
{
    if (theme == Theme::Dark) ImGui::StyleColorsDark();
    else ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.TabRounding = 3.0f;
    style.ScrollbarRounding = 6.0f;
    if (theme == Theme::Light) {
        style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme::LightWindow);
        style.Colors[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    }
}

// Sizes follow the UI scale, hit areas grow for touch; colours come from ApplyTheme.
static void UpdateStyle(AppState& state, ExplorerView& view)
{
    const float scale = state.UiScale > 0.25f ? state.UiScale : 1.0f;
    if (view.StyleTheme == state.CurrentTheme && view.StyleScale == scale && view.StyleCoarse == state.CoarsePointer) return;
    ImGuiStyle& style = ImGui::GetStyle();
    ImVec4 colors[ImGuiCol_COUNT];
    style = ImGuiStyle();
    ApplyTheme(state.CurrentTheme);
    for (int i = 0; i < ImGuiCol_COUNT; i++) colors[i] = style.Colors[i];
    if (state.CoarsePointer) {
        style.FramePadding = ImVec2(8.0f, 7.0f);
        style.ItemSpacing = ImVec2(10.0f, 8.0f);
        style.TouchExtraPadding = ImVec2(6.0f, 6.0f);
        style.ScrollbarSize = 22.0f;
        style.GrabMinSize = 22.0f;
    }
    style.ScaleAllSizes(scale);
    for (int i = 0; i < ImGuiCol_COUNT; i++) style.Colors[i] = colors[i];
    view.StyleTheme = state.CurrentTheme;
    view.StyleScale = scale;
    view.StyleCoarse = state.CoarsePointer;
}

// [SECTION] Panels and tabs

ExplorerView& GetExplorerView(AppState& state)
{
    if (!state.View) state.View = std::make_shared<ExplorerView>();
    return *state.View;
}

void DrawPanelContent(AppState& state, ExplorerView& view, int panel)
{
    switch (panel) {
    case Panel_Sources: view.Sources.Draw(state); break;
    case Panel_Chart: view.Chart.Draw(state); break;
    case Panel_History: view.History.Draw(state); break;
    case Panel_Song: view.Song.Draw(state); break;
    case Panel_Compare: view.Compare.Draw(state); break;
    case Panel_Sensitivity: view.Sensitivity.Draw(state); break;
    case Panel_Classroom: view.Classroom.Draw(state); break;
    default: break;
    }
}

static void DrawPanel(AppState& state, ExplorerView& view, int panel)
{
    view.VisiblePanels |= 1 << panel;
    DrawPanelContent(state, view, panel);
}

// A tab bar over some panels. Session::Panel selects the tab (a link, the JS API); a tab the user
// clicks becomes Session::Panel. "sources" never goes into the link.
static void DrawPanelTabs(AppState& state, ExplorerView& view, TabBarState& bar, const char* id, const int* panels, int count)
{
    Session& session = state.ActiveSession;
    const int requested = PanelFromKey(session.Panel);
    bool in_bar = false;
    for (int i = 0; i < count; i++) in_bar |= panels[i] == requested;
    if (bar.LastActive < 0 || session.Panel != view.LastPanel) bar.Pending = in_bar ? requested : -1;
    if (!ImGui::BeginTabBar(id, ImGuiTabBarFlags_FittingPolicyScroll)) return;
    for (int i = 0; i < count; i++) {
        const int panel = panels[i];
        ImGuiTabItemFlags flags = bar.Pending == panel ? ImGuiTabItemFlags_SetSelected : 0;
        const bool open = ImGui::BeginTabItem(PanelTitle(panel), nullptr, flags);
        ProbeItem((std::string("tab.") + PanelKey(panel)).c_str());
        if (!open) continue;
        if (bar.Pending == panel) bar.Pending = -1;
        else if (bar.Pending < 0 && bar.LastActive >= 0 && panel != bar.LastActive && panel != Panel_Sources)
            session.Panel = PanelKey(panel);  // the user picked this tab
        bar.LastActive = panel;
        ImGui::BeginChild("panel", ImVec2(0, 0), false);
        DrawPanel(state, view, panel);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

// A phone shows one panel at a time, picked with buttons that wrap onto a second line rather than
// a tab bar that scrolls its tabs out of sight. Session::Panel selects, as for the tab bars.
static void DrawPanelButtons(AppState& state, ExplorerView& view, const int* panels, int count)
{
    Session& session = state.ActiveSession;
    const int requested = PanelFromKey(session.Panel);
    if (view.PhonePanel < 0 || session.Panel != view.LastPanel) view.PhonePanel = requested >= 0 ? requested : Panel_Chart;
    const ImGuiStyle& style = ImGui::GetStyle();
    for (int i = 0; i < count; i++) {
        const int panel = panels[i];
        const bool shown = view.PhonePanel == panel;
        if (i > 0) SameLineIfFits(ImGui::CalcTextSize(PanelTitle(panel)).x + style.FramePadding.x * 2.0f);
        ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[shown ? ImGuiCol_TabActive : ImGuiCol_Tab]);
        if (ImGui::Button(PanelTitle(panel))) {
            view.PhonePanel = panel;
            if (panel != Panel_Sources) session.Panel = PanelKey(panel);
        }
        ImGui::PopStyleColor();
        ProbeItem((std::string("tab.") + PanelKey(panel)).c_str());
    }
    ImGui::Separator();
    ImGui::BeginChild("panel", ImVec2(0, 0), false);
    DrawPanel(state, view, view.PhonePanel);
    ImGui::EndChild();
}

// [SECTION] Layouts

namespace {

// Adds the time from here to the end of the scope to a part of the frame (ui_probe.h).
struct SectionTimer {
    FrameSection Section;
    std::chrono::steady_clock::time_point Start = std::chrono::steady_clock::now();
    explicit SectionTimer(FrameSection section) : Section(section) {}
    ~SectionTimer() { ProbeFrameSection(Section, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - Start).count()); }
};

} // namespace

void DrawExplorer(AppState& state)
{
    ProbeBeginFrame();
    ExplorerView& view = GetExplorerView(state);
    UpdateStyle(state, view);
    NoteFontsNeeded(state);
    UpdateKeyboardFocus(state);
    state.TextInput.Active = false;  // the search box sets it again while focused
    view.VisiblePanels = 0;

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                             ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("chartmix", nullptr, flags);
    { SectionTimer t(FrameSection_Top); view.Top.Draw(state); }
    ImGui::Separator();

    const float em = ImGui::GetFontSize();
    const float width = viewport->WorkSize.x;
    view.Layout = state.Compact ? LayoutKind::Compact : width < em * 56 ? LayoutKind::Phone : width < em * 100 ? LayoutKind::Medium : LayoutKind::Wide;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 origin = ImGui::GetCursorPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();

    switch (view.Layout) {
    case LayoutKind::Compact: {
        // The embed: the top of the chart beside the sliders (a narrow frame: above them), each
        // at the height its content took last frame; the page sizes the frame to the sum
        // (state.ContentHeight), so an article shows the widget whole, with nothing to scroll.
        // A dataset of official charts alone has no slider: the chart takes the whole frame.
        const bool mixable = state.ActiveSession.Data().HasMixableSource();
        const bool side = mixable && width >= em * 50;
        const float sliders_w = side ? ImMin(em * 22, avail.x * 0.4f) : avail.x;
        const ImGuiStyle& style = ImGui::GetStyle();
        auto natural_height = [] {
            const ImGuiWindow* w = ImGui::GetCurrentWindow();
            return ImCeil(w->DC.CursorMaxPos.y - w->DC.CursorStartPos.y);
        };
        auto draw_mix = [&] {
            ImGui::BeginChild("mix", ImVec2(sliders_w, ImMax(view.CompactMixHeight, em)), false);
            view.Sources.DrawCompact(state);
            view.CompactMixHeight = natural_height();
            ImGui::EndChild();
        };
        auto draw_chart = [&] {
            ImGui::BeginChild("chart", ImVec2(side ? 0.0f : avail.x, ImMax(view.CompactChartHeight, em)), false);
            view.VisiblePanels |= 1 << Panel_Chart;
            view.Chart.Draw(state);
            view.CompactChartHeight = natural_height();
            ImGui::EndChild();
        };
        if (side) {
            // Beside a long list of sliders the chart lists as many rows as fit, ten at least.
            const float pitch = view.Chart.RowHeight(state) + style.CellPadding.y * 2.0f;
            const int spare = (int)ImFloor((view.CompactMixHeight - view.CompactChartHeight) / pitch);
            view.Chart.CompactRows = ImMax(10, view.Chart.CompactRows + spare);
            draw_mix();
            ImGui::SameLine();
            draw_chart();
        } else {
            view.Chart.CompactRows = 10;
            draw_chart();
            if (mixable) draw_mix();
            else view.CompactMixHeight = 0.0f;
        }
        const float body = side ? ImMax(view.CompactMixHeight, view.CompactChartHeight)
                                : mixable ? view.CompactMixHeight + style.ItemSpacing.y + view.CompactChartHeight : view.CompactChartHeight;
        state.ContentHeight = ImCeil(origin.y + body + style.WindowPadding.y);
        ProbeValue("content.height", std::to_string((int)state.ContentHeight));
        break;
    }
    case LayoutKind::Phone: {
        static const int kPanels[] = { Panel_Sources, Panel_Chart, Panel_History, Panel_Song, Panel_Compare, Panel_Sensitivity, Panel_Classroom };
        DrawPanelButtons(state, view, kPanels, IM_ARRAYSIZE(kPanels));
        break;
    }
    case LayoutKind::Medium:
    case LayoutKind::Wide: {
        // Drawn left, right, then centre: a weight or period changed in the side panels shows in
        // the chart in the same frame.
        const bool wide = view.Layout == LayoutKind::Wide;
        const float left_w = ImClamp(avail.x * 0.22f, em * 18, em * 26);
        const float rest = avail.x - left_w - spacing;
        const float right_w = wide ? ImFloor(rest * 0.45f) : rest;
        const float centre_w = wide ? rest - right_w - spacing : 0.0f;
        ImGui::SetCursorPos(origin);
        ImGui::BeginChild("sources", ImVec2(left_w, avail.y), true);
        view.VisiblePanels |= 1 << Panel_Sources;
        { SectionTimer t(FrameSection_Sources); view.Sources.Draw(state); }
        ImGui::EndChild();
        ImGui::SetCursorPos(ImVec2(origin.x + avail.x - right_w, origin.y));
        ImGui::BeginChild("side", ImVec2(right_w, avail.y), false);
        if (SectionTimer t(FrameSection_Side); wide) {
            static const int kSide[] = { Panel_History, Panel_Song, Panel_Compare, Panel_Sensitivity, Panel_Classroom };
            DrawPanelTabs(state, view, view.SideTabs, "side_tabs", kSide, IM_ARRAYSIZE(kSide));
        } else {
            static const int kAll[] = { Panel_Chart, Panel_History, Panel_Song, Panel_Compare, Panel_Sensitivity, Panel_Classroom };
            DrawPanelTabs(state, view, view.MediumTabs, "medium_tabs", kAll, IM_ARRAYSIZE(kAll));
        }
        ImGui::EndChild();
        if (wide) {
            ImGui::SetCursorPos(ImVec2(origin.x + left_w + spacing, origin.y));
            ImGui::BeginChild("chart", ImVec2(centre_w, avail.y), false);
            view.VisiblePanels |= 1 << Panel_Chart;
            { SectionTimer t(FrameSection_Chart); view.Chart.Draw(state); }
            ImGui::EndChild();
        }
        break;
    }
    }
    view.LastPanel = state.ActiveSession.Panel;
    ImGui::End();
    // Dialogs over the app (modal: the app behind them waits).
    if (!state.Compact) {
        view.Welcome.Draw(state, view);
        view.Open.Draw(state);
        view.Embed.Draw(state);
    }
    state.TextInput.Submitted = false;  // an Enter no field took this frame is dropped
    // For tests outside the canvas: an open menu or dialog, and a tooltip on screen.
    ProbeValue("popups", std::to_string(GImGui->OpenPopupStack.Size));
    if (ImGuiWindow* tip = ImGui::FindWindowByName("##Tooltip_00"); tip && tip->Active) ProbeRect("tooltip", tip->Pos, ImVec2(tip->Pos.x + tip->Size.x, tip->Pos.y + tip->Size.y));
#ifdef CHARTMIX_WITH_IMGUI_DEMO
    if (state.ShowImGuiDemo) ImGui::ShowDemoWindow(&state.ShowImGuiDemo);
#endif
}

} // namespace chartmix::ui
