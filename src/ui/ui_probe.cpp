#include "ui/ui_probe.h"

#include <cmath>
#include <map>
#include <vector>

#include <imgui.h>

#include "core/json.h"

namespace chartmix::ui {

namespace {

struct ProbeLabelRect {
    ImVec4 Rect;
    std::string Text;
};

struct ProbeDrawList {
    std::string Name;
    int Vertices = 0, Indices = 0;
};

struct ProbeFrame {
    std::map<std::string, ImVec4> Items;
    std::map<std::string, std::string> Values;
    std::map<std::string, std::vector<ProbeLabelRect>> Labels;
    std::vector<ProbeDrawList> DrawLists;
    int FallbackGlyphs = 0;
};

ProbeFrame g_Current, g_Last;
ProbeFrame g_Figure;              // the last exported figure's record (ui/figure.h)
ProbeFrame* g_Target = &g_Current;  // where records go: the frame, or a figure being drawn
ImVec2 g_FigureSize;
float g_FigureScale = 0.0f;
int g_Figures = 0;
std::vector<double> g_FrameCpu;  // ring of recent frames' CPU times
size_t g_FrameCpuNext = 0;
constexpr size_t kFrameCpuKept = 600;

void AppendRect(std::string& out, const ImVec4& r)
{
    const float rect[4] = { r.x, r.y, r.z, r.w };
    for (int i = 0; i < 4; i++) {
        if (i) out += ',';
        AppendJsonNumber(out, rect[i]);
    }
}

// Glyph quads put the glyph's (U0, V0) on their first vertex and nothing else samples that texel
// corner, so counting vertices with it counts fallback glyphs drawn.
int CountFallbackGlyphs(const ImDrawData* draw_data)
{
    ImFont* font = ImGui::GetFont();
    const ImFontGlyph* fallback = font ? font->FallbackGlyph : nullptr;
    if (!fallback || !fallback->Visible) return 0;
    int count = 0;
    for (int l = 0; l < draw_data->CmdListsCount; l++) {
        const ImVector<ImDrawVert>& vtx = draw_data->CmdLists[l]->VtxBuffer;
        for (const ImDrawVert& v : vtx) count += v.uv.x == fallback->U0 && v.uv.y == fallback->V0;
    }
    return count;
}

// {"key":value,…} with each value written by append_value.
template <typename Map, typename Fn>
void AppendObject(std::string& out, const Map& map, Fn append_value)
{
    out += '{';
    bool first = true;
    for (const auto& [key, value] : map) {
        if (!first) out += ',';
        first = false;
        AppendJsonString(out, key);
        out += ':';
        append_value(out, value);
    }
    out += '}';
}

} // namespace

void ProbeBeginFrame()
{
    std::swap(g_Last, g_Current);
    g_Current = ProbeFrame();
}

void ProbeItem(const char* name)
{
    // Only what a person can see: an item scrolled out of its list is not there to click.
    if (!ImGui::IsItemVisible()) return;
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    g_Target->Items[name] = ImVec4(min.x, min.y, max.x - min.x, max.y - min.y);
}

void ProbeRect(const char* name, ImVec2 min, ImVec2 max)
{
    g_Target->Items[name] = ImVec4(min.x, min.y, max.x - min.x, max.y - min.y);
}

void ProbeLabel(const char* group, const char* text, ImVec2 min, ImVec2 max)
{
    g_Target->Labels[group].push_back({ ImVec4(min.x, min.y, max.x - min.x, max.y - min.y), text });
}

void ProbeDrawData(const ImDrawData* draw_data)
{
    g_Current.DrawLists.clear();
    if (!draw_data) return;
    for (int l = 0; l < draw_data->CmdListsCount; l++) {
        const ImDrawList* list = draw_data->CmdLists[l];
        g_Current.DrawLists.push_back({ list->_OwnerName ? list->_OwnerName : "", list->VtxBuffer.Size, list->IdxBuffer.Size });
    }
    g_Current.FallbackGlyphs = CountFallbackGlyphs(draw_data);
}

void ProbeFrameCpu(double ms)
{
    if (g_FrameCpu.size() < kFrameCpuKept) g_FrameCpu.push_back(ms);
    else g_FrameCpu[g_FrameCpuNext % kFrameCpuKept] = ms;
    g_FrameCpuNext++;
}

void ProbeValue(const char* name, const std::string& value) { g_Target->Values[name] = value; }

void ProbeBeginFigure(ImVec2 size, float pixel_scale)
{
    g_Figure = ProbeFrame();
    g_Target = &g_Figure;
    g_FigureSize = size;
    g_FigureScale = pixel_scale;
}

void ProbeEndFigure(const ImDrawData* draw_data)
{
    g_Figure.FallbackGlyphs = draw_data ? CountFallbackGlyphs(draw_data) : 0;
    g_Target = &g_Current;
    g_Figures++;
}

// "items":{…},"values":{…},"labels":{…} of one record.
static void AppendRecord(std::string& out, const ProbeFrame& frame)
{
    out += "\"items\":";
    AppendObject(out, frame.Items, [](std::string& o, const ImVec4& r) { o += '['; AppendRect(o, r); o += ']'; });
    out += ",\"values\":";
    AppendObject(out, frame.Values, [](std::string& o, const std::string& v) { AppendJsonString(o, v); });
    out += ",\"labels\":";
    AppendObject(out, frame.Labels, [](std::string& o, const std::vector<ProbeLabelRect>& labels) {
        o += '[';
        for (size_t i = 0; i < labels.size(); i++) {
            o += i ? ",[" : "[";
            AppendRect(o, labels[i].Rect);
            o += ',';
            AppendJsonString(o, labels[i].Text);
            o += ']';
        }
        o += ']';
    });
}

std::string ProbeJson()
{
    std::string out = "{";
    AppendRecord(out, g_Last);
    out += ",\"figure\":";
    if (g_Figures == 0) out += "null";
    else {
        out += "{\"count\":" + std::to_string(g_Figures) + ",\"size\":[";
        AppendJsonNumber(out, g_FigureSize.x);
        out += ',';
        AppendJsonNumber(out, g_FigureSize.y);
        out += "],\"pixelScale\":";
        AppendJsonNumber(out, g_FigureScale);
        out += ",\"fallbackGlyphs\":" + std::to_string(g_Figure.FallbackGlyphs) + ",";
        AppendRecord(out, g_Figure);
        out += '}';
    }
    out += ",\"drawLists\":[";
    for (size_t i = 0; i < g_Last.DrawLists.size(); i++) {
        const ProbeDrawList& l = g_Last.DrawLists[i];
        out += i ? ",{\"name\":" : "{\"name\":";
        AppendJsonString(out, l.Name);
        out += ",\"vertices\":" + std::to_string(l.Vertices) + ",\"indices\":" + std::to_string(l.Indices) + "}";
    }
    out += "],\"indexBytes\":" + std::to_string(sizeof(ImDrawIdx)) + ",\"fallbackGlyphs\":" + std::to_string(g_Last.FallbackGlyphs) + ",\"frameCpuMs\":[";
    for (size_t i = 0; i < g_FrameCpu.size(); i++) {
        if (i) out += ',';
        const size_t at = g_FrameCpu.size() < kFrameCpuKept ? i : (g_FrameCpuNext + i) % kFrameCpuKept;
        AppendJsonNumber(out, std::round(g_FrameCpu[at] * 1000.0) / 1000.0);
    }
    out += "]}";
    return out;
}

} // namespace chartmix::ui
