#include "ui/keyboard_focus.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <vector>

#include <imgui_internal.h>

#include "ui/app_state.h"
#include "ui/item_hooks.h"
#include "ui/ui_probe.h"

namespace chartmix::ui {

namespace {

// The controls the last frame drew, in the order Tab visits them.
std::vector<HookedItem>& Order()
{
    static std::vector<HookedItem> order;
    return order;
}

// The outermost child window under the root window: the panel column an item lives in.
const ImGuiWindow* Column(const ImGuiWindow* window)
{
    while (window->ParentWindow && window->ParentWindow != window->RootWindow) window = window->ParentWindow;
    return window;
}

// Tab visits the controls of the front-most menu or dialog when one is open, else those of the app
// window, top bar first and then the panel columns from left to right (submission order inside one).
void BuildOrder(std::vector<HookedItem> items)
{
    ImGuiContext& g = *GImGui;
    std::unordered_set<ImGuiID> child_ids;  // a child window reports itself as an item too: not a control
    for (const HookedItem& it : items) child_ids.insert(it.Window->ChildId);
    const ImGuiWindow* scope = nullptr;
    if (!g.OpenPopupStack.empty()) scope = g.OpenPopupStack.back().Window;
    std::vector<HookedItem>& order = Order();
    order.clear();
    for (const HookedItem& it : items) {
        if (it.Flags & (ImGuiItemFlags_NoNav | ImGuiItemFlags_NoTabStop | ImGuiItemFlags_Disabled)) continue;
        if (child_ids.count(it.Id) || !it.Window->WasActive) continue;
        const ImGuiWindow* root = it.Window->RootWindow;
        if (scope ? root != scope->RootWindow : (root->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip)) != 0) continue;
        order.push_back(it);
    }
    std::stable_sort(order.begin(), order.end(), [](const HookedItem& a, const HookedItem& b) {
        const bool a_top = a.Window == a.Window->RootWindow, b_top = b.Window == b.Window->RootWindow;
        if (a_top != b_top) return a_top;
        if (a_top) return false;
        return Column(a.Window)->Pos.x < Column(b.Window)->Pos.x;
    });
}

int FocusedIndex()
{
    const ImGuiID id = ImGui::GetFocusID();
    const std::vector<HookedItem>& order = Order();
    for (size_t i = 0; i < order.size(); i++)
        if (order[i].Id == id) return (int)i;
    return -1;
}

void Focus(const HookedItem& item)
{
    ImGuiContext& g = *GImGui;
    if (g.ActiveId != 0) ImGui::ClearActiveID();
    ImGui::FocusWindow(item.Window);
    ImGui::SetFocusID(item.Id, item.Window);
    item.Window->NavRectRel[g.NavLayer] = ImGui::WindowRectAbsToRel(item.Window, item.Rect);
    g.NavDisableHighlight = false;  // the focus shows
    g.NavDisableMouseHover = true;
    ImGui::ScrollToBringRectIntoView(item.Window, item.Rect);
    for (ImGuiWindow* w = item.Window; w->ParentWindow && (w->Flags & ImGuiWindowFlags_ChildWindow); w = w->ParentWindow)
        ImGui::ScrollToBringRectIntoView(w->ParentWindow, item.Rect);
}

} // namespace

void RouteKeys(AppState& state, const int* pressed, int count)
{
    KeyboardRequests& k = state.Keyboard;
    ImGuiIO& io = ImGui::GetIO();
    ImGuiContext& g = *GImGui;
    if (g.NavId == 0 || g.ActiveId != 0) return;
    const int* map = io.KeyMap;  // the host's key codes of Dear ImGui's named keys
    for (int i = 0; i < count; i++) {
        const int key = pressed[i];
        // Enter presses a focused button as Space does (Dear ImGui 1.86 keeps Enter for text input).
        if ((key == map[ImGuiKey_Enter] || key == map[ImGuiKey_KeyPadEnter]) && !g.NavDisableHighlight) io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
        if (!k.SliderSeen || g.NavId != k.SliderSeen) continue;
        if (key == map[ImGuiKey_RightArrow] || key == map[ImGuiKey_UpArrow]) k.SliderSteps++;
        else if (key == map[ImGuiKey_LeftArrow] || key == map[ImGuiKey_DownArrow]) k.SliderSteps--;
        else if (key == map[ImGuiKey_PageUp]) k.SliderPages++;
        else if (key == map[ImGuiKey_PageDown]) k.SliderPages--;
        else if (key == map[ImGuiKey_Home]) k.SliderEnd = -1;
        else if (key == map[ImGuiKey_End]) k.SliderEnd = 1;
        else continue;
        if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[key] = false;  // Dear ImGui would move the focus to a neighbour
        g.NavDisableHighlight = false;  // a slider clicked, then changed with the keys, shows its focus
    }
}

void UpdateKeyboardFocus(AppState& state)
{
    KeyboardRequests& k = state.Keyboard;
    k.SliderSeen = 0;
    GImGui->TestEngineHookItems = true;  // ui/item_hooks.h collects this frame's items for the next
    BuildOrder(TakeHookedItems());
    const std::vector<HookedItem>& order = Order();
    ImGuiContext& g = *GImGui;
    if (k.Leave) {
        g.NavDisableHighlight = true;
        k.Leave = false;
    }
    if (k.Enter != 0 && !order.empty()) Focus(k.Enter > 0 ? order.front() : order.back());
    k.Enter = 0;
    if (k.TabSteps != 0 && !order.empty()) {
        const int n = (int)order.size();
        int at = g.NavDisableHighlight ? -1 : FocusedIndex();
        if (at < 0) at = k.TabSteps > 0 ? -1 : n;
        // Past either end it wraps: the page has already let a Tab that leaves go to the browser.
        const int next = ((at + k.TabSteps) % n + n) % n;
        Focus(order[(size_t)next]);
    }
    k.TabSteps = 0;
    ProbeValue("focus.count", std::to_string(order.size()));
    if (!g.NavDisableHighlight && g.NavId) {
        const int at = FocusedIndex();
        if (at >= 0) ProbeRect("focus", order[(size_t)at].Rect.Min, order[(size_t)at].Rect.Max);
    }
}

bool TabLeavesCanvas(bool backwards)
{
    ImGuiContext& g = *GImGui;
    if (!g.OpenPopupStack.empty()) return false;  // a menu or dialog keeps the keyboard until it closes
    const std::vector<HookedItem>& order = Order();
    if (order.empty()) return true;
    const int at = g.NavDisableHighlight ? -1 : FocusedIndex();
    if (at < 0) return false;  // the first Tab shows the focus on the first control
    return backwards ? at == 0 : at == (int)order.size() - 1;
}

namespace {

bool TakeSliderKeys(AppState& state, int* steps, int* pages, int* end)
{
    KeyboardRequests& k = state.Keyboard;
    const ImGuiID id = ImGui::GetItemID();
    if (id == 0 || ImGui::GetFocusID() != id) return false;
    k.SliderSeen = id;
    *steps = k.SliderSteps;
    *pages = k.SliderPages;
    *end = k.SliderEnd;
    k.SliderSteps = k.SliderPages = k.SliderEnd = 0;
    return *steps != 0 || *pages != 0 || *end != 0;
}

} // namespace

bool KeyboardSliderInt(AppState& state, int* value, int lo, int hi)
{
    int steps = 0, pages = 0, end = 0;
    if (!TakeSliderKeys(state, &steps, &pages, &end)) return false;
    const int page = std::max(1, (hi - lo) / 10);
    int v = end < 0 ? lo : end > 0 ? hi : *value + steps + pages * page;
    v = std::clamp(v, lo, hi);
    if (v == *value) return false;
    *value = v;
    return true;
}

bool KeyboardSliderRatio(AppState& state, double* value, double lo, double hi, bool logarithmic)
{
    int steps = 0, pages = 0, end = 0;
    if (!TakeSliderKeys(state, &steps, &pages, &end)) return false;
    // A hundredth of the track per arrow and a tenth per page, as the slider drags.
    const double floor_v = logarithmic ? std::max(lo, hi / 1000.0) : lo;
    auto to_t = [&](double v) {
        if (!logarithmic) return (v - lo) / (hi - lo);
        return v <= floor_v ? 0.0 : std::log(v / floor_v) / std::log(hi / floor_v);
    };
    auto from_t = [&](double t) {
        if (t <= 0.0) return lo;
        if (!logarithmic) return lo + t * (hi - lo);
        return floor_v * std::pow(hi / floor_v, std::min(t, 1.0));
    };
    double v = *value;
    if (end != 0) v = end < 0 ? lo : hi;
    else v = from_t(std::clamp(to_t(v) + steps * 0.01 + pages * 0.1, 0.0, 1.0));
    v = std::clamp(v, lo, hi);
    if (v == *value) return false;
    *value = v;
    return true;
}

} // namespace chartmix::ui
