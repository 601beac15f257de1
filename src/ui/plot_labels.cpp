// Direct labels at the end of their lines, in the manner of Observable Plot's dodge and the New
// York Times' end labels: each label sits as close to its line's end as the others allow.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <imgui_internal.h>

#include "ui/plot.h"
#include "ui/ui_probe.h"

namespace chartmix::ui {

void DodgeLabels(EndLabel* labels, int count, float top, float bottom, float height)
{
    if (count <= 0) return;
    // What cannot fit is dropped, last priority first: a label never sits where its line is not.
    const int capacity = ImMax(0, (int)((bottom - top) / height));
    std::vector<int> order((size_t)count);
    for (int i = 0; i < count; i++) order[(size_t)i] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return labels[a].Priority < labels[b].Priority; });
    for (int k = 0; k < count; k++) labels[order[(size_t)k]].Shown = k < capacity;
    std::vector<EndLabel*> shown;
    for (int i = 0; i < count; i++) if (labels[i].Shown) shown.push_back(&labels[i]);
    std::stable_sort(shown.begin(), shown.end(), [](const EndLabel* a, const EndLabel* b) { return a->Anchor.y < b->Anchor.y; });
    float prev_bottom = top;
    for (EndLabel* l : shown) {
        l->Top = ImMax(l->Anchor.y - height * 0.5f, prev_bottom);
        prev_bottom = l->Top + height;
    }
    float next_top = bottom;
    for (size_t i = shown.size(); i-- > 0;) {
        shown[i]->Top = ImMin(shown[i]->Top, next_top - height);
        next_top = shown[i]->Top;
    }
}

std::string FitText(std::string_view text, float max_width)
{
    const char* s = text.data();
    const char* end = s + text.size();
    if (ImGui::CalcTextSize(s, end).x <= max_width) return std::string(text);
    const char* ellipsis = "\xE2\x80\xA6";
    const float room = max_width - ImGui::CalcTextSize(ellipsis).x;
    // Glyph advances add up (Dear ImGui 1.86 has no kerning), so one pass finds the cut.
    const char* fit = s;
    float width = 0.0f;
    while (fit < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, fit, end);
        if (n <= 0) break;
        width += ImGui::CalcTextSize(fit, fit + n).x;
        if (width > room) break;
        fit += n;
    }
    return std::string(s, fit) + ellipsis;
}

void DrawEndLabels(EndLabel* labels, int count, float x, float top, float bottom, float max_width, const char* probe_group)
{
    const float height = ImGui::GetTextLineHeight() + 1.0f;
    DodgeLabels(labels, count, top, bottom, height);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float lead = ImGui::GetFontSize() * 0.6f;
    for (int i = 0; i < count; i++) {
        const EndLabel& l = labels[i];
        if (!l.Shown) continue;
        const float y = l.Top + height * 0.5f;
        // A leader from the line's end to its label when the label had to move.
        draw->AddLine(l.Anchor, ImVec2(x + lead * 0.6f, y), l.Color, 1.0f);
        ImVec2 at(x + lead, l.Top);
        const std::string text = FitText(l.Text, max_width - lead);
        const float width = ImGui::CalcTextSize(text.c_str()).x;
        draw->AddText(at, l.Color, text.c_str());
        if (probe_group) ProbeLabel(probe_group, l.Text, at, ImVec2(at.x + width, at.y + height - 1.0f));
    }
}

} // namespace chartmix::ui
