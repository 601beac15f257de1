// Compiled into the imgui library itself (cmake/app.cmake): its hook symbols must resolve whatever
// the link order of the programs that use it.
#include "ui/item_hooks.h"

namespace chartmix::ui {

static std::vector<HookedItem> g_items;
static ImGuiContext* g_watched = nullptr;  // the context whose shutdown empties the list

// A destroyed context's items point into freed windows, and a new context may be allocated at the
// same address: its shutdown must drop them.
static void WatchShutdown(ImGuiContext* ctx)
{
    if (g_watched == ctx) return;
    g_watched = ctx;
    ImGuiContextHook hook;
    hook.Type = ImGuiContextHookType_Shutdown;
    hook.Callback = [](ImGuiContext* dying, ImGuiContextHook*) {
        std::erase_if(g_items, [dying](const HookedItem& item) { return item.Context == dying; });
        if (g_watched == dying) g_watched = nullptr;
    };
    ImGui::AddContextHook(ctx, &hook);
}

std::vector<HookedItem> TakeHookedItems()
{
    std::vector<HookedItem> out;
    for (const HookedItem& item : g_items)
        if (item.Context == GImGui) out.push_back(item);
    g_items.clear();
    return out;
}

} // namespace chartmix::ui

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id)
{
    ImGuiContext& g = *ctx;
    // Only items added with ItemAdd(): a bare ButtonBehavior() (a table's column border) is no control.
    if (g.LastItemData.ID != id) return;
    if (chartmix::ui::g_items.size() >= 4096) return;  // a runaway list: focus order keeps the first
    chartmix::ui::WatchShutdown(ctx);
    chartmix::ui::g_items.push_back({ ctx, id, g.CurrentWindow, bb, g.LastItemData.InFlags });
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
