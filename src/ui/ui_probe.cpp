#include "ui/ui_probe.h"

#include <map>

#include <imgui.h>

#include "core/json.h"

namespace chartmix::ui {

namespace {

struct ProbeFrame {
    std::map<std::string, ImVec4> Items;
    std::map<std::string, std::string> Values;
};

ProbeFrame g_Current, g_Last;

} // namespace

void ProbeBeginFrame()
{
    std::swap(g_Last, g_Current);
    g_Current.Items.clear();
    g_Current.Values.clear();
}

void ProbeItem(const char* name)
{
    // Only what a person can see: an item scrolled out of its list is not there to click.
    if (!ImGui::IsItemVisible()) return;
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    g_Current.Items[name] = ImVec4(min.x, min.y, max.x - min.x, max.y - min.y);
}

void ProbeRect(const char* name, ImVec2 min, ImVec2 max) { g_Current.Items[name] = ImVec4(min.x, min.y, max.x - min.x, max.y - min.y); }

void ProbeValue(const char* name, const std::string& value) { g_Current.Values[name] = value; }

std::string ProbeJson()
{
    std::string out = "{\"items\":{";
    bool first = true;
    for (const auto& [name, r] : g_Last.Items) {
        if (!first) out += ',';
        first = false;
        AppendJsonString(out, name);
        const float rect[4] = { r.x, r.y, r.z, r.w };
        out += ":[";
        for (int i = 0; i < 4; i++) {
            if (i) out += ',';
            AppendJsonNumber(out, rect[i]);
        }
        out += ']';
    }
    out += "},\"values\":{";
    first = true;
    for (const auto& [name, value] : g_Last.Values) {
        if (!first) out += ',';
        first = false;
        AppendJsonString(out, name);
        out += ':';
        AppendJsonString(out, value);
    }
    out += "}}";
    return out;
}

} // namespace chartmix::ui
