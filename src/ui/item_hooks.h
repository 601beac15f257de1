#pragma once
// Every item with an id that Dear ImGui added in a frame, through its test-engine hooks
// (IMGUI_ENABLE_TEST_ENGINE): the keyboard focus order needs the controls of all windows, and
// Dear ImGui 1.86 only tabs within one window.
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

namespace chartmix::ui {

struct HookedItem {
    ImGuiContext* Context = nullptr;  // items of another (or a destroyed) context are dropped
    ImGuiID Id = 0;
    ImGuiWindow* Window = nullptr;
    ImRect Rect;
    ImGuiItemFlags Flags = 0;  // ImGuiItemFlags_NoNav, _NoTabStop, _Disabled… as the item was added
};

// Items the current context added since the last call, in submission order; the list is emptied.
std::vector<HookedItem> TakeHookedItems();

} // namespace chartmix::ui
