#include "ui/ui_probe.h"

#include <cmath>
#include <map>
#include <vector>

#include <imgui.h>

#include "core/base/json.h"

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
// Per part of the frame, a ring beside g_FrameCpu (same slots), and this frame's sums.
std::vector<double> g_Sections[FrameSection_COUNT];
double g_SectionsNow[FrameSection_COUNT] = {};
const char* const kSectionNames[FrameSection_COUNT] = { "top", "sources", "side", "chart" };

void WriteRect(JsonWriter& w, const ImVec4& r)
{
    for (float x : { r.x, r.y, r.z, r.w }) w.Number(x);
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

// {"key":value,…} with each value written by write_value.
template <typename Map, typename Fn>
void WriteObject(JsonWriter& w, const Map& map, Fn write_value)
{
    w.StartObject();
    for (const auto& [key, value] : map) {
        w.Key(key);
        write_value(w, value);
    }
    w.EndObject();
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

void ProbeFrameSection(FrameSection section, double ms) { g_SectionsNow[section] += ms; }

void ProbeFrameCpu(double ms)
{
    auto put = [](std::vector<double>& ring, double v) {
        if (ring.size() < kFrameCpuKept) ring.push_back(v);
        else ring[g_FrameCpuNext % kFrameCpuKept] = v;
    };
    for (int s = 0; s < FrameSection_COUNT; s++) {
        put(g_Sections[s], g_SectionsNow[s]);
        g_SectionsNow[s] = 0.0;
    }
    put(g_FrameCpu, ms);
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
static void WriteRecord(JsonWriter& w, const ProbeFrame& frame)
{
    w.Key("items");
    WriteObject(w, frame.Items, [](JsonWriter& o, const ImVec4& r) { o.StartArray(); WriteRect(o, r); o.EndArray(); });
    w.Key("values");
    WriteObject(w, frame.Values, [](JsonWriter& o, const std::string& v) { o.String(v); });
    w.Key("labels");
    WriteObject(w, frame.Labels, [](JsonWriter& o, const std::vector<ProbeLabelRect>& labels) {
        o.StartArray();
        for (const ProbeLabelRect& label : labels) {
            o.StartArray();
            WriteRect(o, label.Rect);
            o.String(label.Text);
            o.EndArray();
        }
        o.EndArray();
    });
}

std::string ProbeJson()
{
    std::string out;
    JsonWriter w(&out);
    w.StartObject();
    WriteRecord(w, g_Last);
    w.Key("figure");
    if (g_Figures == 0) w.Null();
    else {
        w.StartObject();
        w.Number("count", g_Figures);
        w.Key("size");
        w.StartArray();
        w.Number(g_FigureSize.x);
        w.Number(g_FigureSize.y);
        w.EndArray();
        w.Number("pixelScale", g_FigureScale);
        w.Number("fallbackGlyphs", g_Figure.FallbackGlyphs);
        WriteRecord(w, g_Figure);
        w.EndObject();
    }
    w.Key("drawLists");
    w.StartArray();
    for (const ProbeDrawList& l : g_Last.DrawLists) {
        w.StartObject();
        w.String("name", l.Name);
        w.Number("vertices", l.Vertices);
        w.Number("indices", l.Indices);
        w.EndObject();
    }
    w.EndArray();
    w.Number("indexBytes", (double)sizeof(ImDrawIdx));
    w.Number("fallbackGlyphs", g_Last.FallbackGlyphs);
    auto write_ring = [&](const std::vector<double>& ring) {
        w.StartArray();
        for (size_t i = 0; i < ring.size(); i++) {
            const size_t at = ring.size() < kFrameCpuKept ? i : (g_FrameCpuNext + i) % kFrameCpuKept;
            w.Number(std::round(ring[at] * 1000.0) / 1000.0);
        }
        w.EndArray();
    };
    w.Key("frameCpuMs");
    write_ring(g_FrameCpu);
    w.Key("frameSectionsMs");
    w.StartObject();
    for (int s = 0; s < FrameSection_COUNT; s++) {
        w.Key(kSectionNames[s]);
        write_ring(g_Sections[s]);
    }
    w.EndObject();
    w.EndObject();
    return out;
}

} // namespace chartmix::ui
