// Tab across the whole canvas and arrow keys on sliders (ui/keyboard_focus.h), without a browser.
#include "ui_harness.h"

#include <imgui_internal.h>

#include "ui/item_hooks.h"
#include "ui/keyboard_focus.h"

using namespace ui_test;

namespace {

// The panel column (outermost child window) the focused control is in; the root window itself for the top bar.
const ImGuiWindow* FocusedColumn()
{
    const ImGuiWindow* w = GImGui->NavWindow;
    while (w && w->ParentWindow && w->ParentWindow != w->RootWindow) w = w->ParentWindow;
    return w;
}

void Tab(Harness& h, int steps)
{
    h.State.Keyboard.TabSteps = steps;
    h.Frame();
}

} // namespace

TEST_CASE("Tab walks the top bar, then the panels from left to right, and says when it would leave")
{
  for (float width : { 1440.0f, 1920.0f }) {  // a medium screen (sources, tabs) and a wide one (sources, chart, tabs)
    CAPTURE(width);
    Harness h(width, 900.0f);
    h.Frames(3);
    CHECK_FALSE(TabLeavesCanvas(false));  // the first Tab shows the focus on the first control
    Tab(h, 1);
    REQUIRE(ImGui::GetFocusID() != 0);
    CHECK_FALSE(GImGui->NavDisableHighlight);
    CHECK(FocusedColumn() == GImGui->NavWindow->RootWindow);  // the top bar comes first
    CHECK(TabLeavesCanvas(true));                     // Shift+Tab from the first control leaves

    std::vector<const ImGuiWindow*> columns;
    std::vector<ImGuiID> seen;
    for (int i = 0; i < 400 && !TabLeavesCanvas(false); i++) {
        if (columns.empty() || columns.back() != FocusedColumn()) columns.push_back(FocusedColumn());
        seen.push_back(ImGui::GetFocusID());
        Tab(h, 1);
    }
    REQUIRE(TabLeavesCanvas(false));
    CHECK(std::find(seen.begin(), seen.end(), ImGui::GetFocusID()) == seen.end());  // the last control was not visited twice
    // The top bar, then each panel column (sources, chart, side; sources and tabs on a medium
    // screen) once, left to right.
    REQUIRE(columns.size() == (h.View().Layout == LayoutKind::Wide ? 4u : 3u));
    for (size_t i = 2; i < columns.size(); i++) CHECK(columns[i]->Pos.x > columns[i - 1]->Pos.x);
    // Past the end it wraps (the page has let a Tab that leaves go to the browser).
    Tab(h, 1);
    CHECK(FocusedColumn() == GImGui->NavWindow->RootWindow);
  }
}

TEST_CASE("the arrow keys and Page Up/Down change a focused weight slider and leave the focus on it")
{
    Harness h(1440.0f, 900.0f);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_RightArrow] = 79;  // any codes: the host's own (SDL scancodes in the app)
    io.KeyMap[ImGuiKey_LeftArrow] = 80;
    io.KeyMap[ImGuiKey_PageUp] = 75;
    h.Frames(3);
    for (int i = 0; i < 200 && h.State.Keyboard.SliderSeen == 0; i++) Tab(h, 1);
    REQUIRE(h.State.Keyboard.SliderSeen != 0);
    const ImGuiID slider = ImGui::GetFocusID();
    const std::vector<double> before = h.State.ActiveSession.SourceWeights();
    const int right[] = { 79, 79 };
    RouteKeys(h.State, right, 2);
    h.Frame();
    const std::vector<double> after = h.State.ActiveSession.SourceWeights();
    int raised = 0;
    for (size_t s = 0; s < before.size(); s++) raised += after[s] > before[s];
    CHECK(raised == 1);
    CHECK(ImGui::GetFocusID() == slider);
    const int page_up[] = { 75 };
    RouteKeys(h.State, page_up, 1);
    h.Frame();
    double up = 0, was = 0;
    for (size_t s = 0; s < before.size(); s++) { up += h.State.ActiveSession.SourceWeights()[s]; was += after[s]; }
    CHECK(up > was);
    CHECK(ImGui::GetFocusID() == slider);
}

TEST_CASE("a destroyed context leaves no items behind for a new context at the same address")
{
    ImGuiContext* gone = nullptr;
    {
        Harness h(1440.0f, 900.0f);
        h.Frames(2);  // the last frame's controls wait for the next frame's focus order
        gone = h.Context;
    }
    // A context allocated where the old one was would take these items: their windows are freed.
    ImGuiContext* current = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(gone);  // only compared by address, never read
    const size_t left = chartmix::ui::TakeHookedItems().size();
    ImGui::SetCurrentContext(current);
    CHECK(left == 0);
}
