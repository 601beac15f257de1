#include "ui/plot.h"
#include "ui/theme_colors.h"

#include <cfloat>
#include <cmath>
#include <cstdio>

#include <imgui_internal.h>

namespace chartmix::ui {

ImVec2 PlotArea::ToPixels(double x, double y) const
{
    double tx = XMax > XMin ? (x - XMin) / (XMax - XMin) : 0.5;
    double ty = YMax > YMin ? (y - YMin) / (YMax - YMin) : 0.5;
    if (!InvertY) ty = 1.0 - ty;
    return ImVec2(Min.x + (float)tx * (Max.x - Min.x), Min.y + (float)ty * (Max.y - Min.y));
}

double PlotArea::XFromPixel(float px) const
{
    float w = Max.x - Min.x;
    return w > 0 ? XMin + (px - Min.x) / w * (XMax - XMin) : XMin;
}

double PlotArea::YFromPixel(float py) const
{
    float h = Max.y - Min.y;
    if (h <= 0) return YMin;
    double t = (py - Min.y) / h;
    if (!InvertY) t = 1.0 - t;
    return YMin + t * (YMax - YMin);
}

PlotArea BeginPlotArea(const char* id, ImVec2 size, double x_min, double x_max, double y_min, double y_max,
                       bool invert_y, float left_margin, float bottom_margin)
{
    ImVec2 avail = ImGui::GetContentRegionAvail();
    if (size.x <= 0) size.x = ImMax(avail.x + size.x, 50.0f);
    if (size.y <= 0) size.y = ImMax(avail.y + size.y, 50.0f);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, true);  // a plot's hover area is no control for Tab
    ImGui::InvisibleButton(id, size);
    ImGui::PopItemFlag();
    PlotArea area;
    float pad = ImGui::GetFontSize() * 0.5f;
    area.Min = ImVec2(pos.x + left_margin + pad, pos.y + pad);
    area.Max = ImVec2(pos.x + size.x - pad, pos.y + size.y - bottom_margin - pad);
    area.XMin = x_min;
    area.XMax = x_max;
    area.YMin = y_min;
    area.YMax = y_max;
    area.InvertY = invert_y;
    area.Hovered = ImGui::IsItemHovered();
    area.Clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    area.Mouse = ImGui::GetIO().MousePos;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg, 0.5f), 4.0f);
    return area;
}

ImU32 SeriesColor(int i, float alpha)
{
    constexpr int n = (int)(sizeof(theme::Series) / sizeof(theme::Series[0]));
    ImU32 c = theme::Series[((i % n) + n) % n];
    return (c & 0x00FFFFFF) | ((ImU32)(alpha * 255.0f) << 24);
}

ImU32 GridColor()
{
    return ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.35f);
}

void PlotLine(const PlotArea& area, const float* xs, const float* ys, int count, ImU32 color, float thickness, float dot_radius)
{
    ImDrawList* draw = ImGui::GetWindowDrawList();
    static ImVector<ImVec2> points;  // scratch kept between calls: one frame draws many series
    static ImVector<int> run_ends;
    DecimateSeries(area, xs, ys, count, &points, &run_ends);
    // Dots only while they stay apart: on a dense series they would merge into a band.
    const float span = count > 1 ? area.ToPixels(xs[count - 1], 0).x - area.ToPixels(xs[0], 0).x : 0.0f;
    const bool dots = dot_radius > 0 && count > 0 && (count == 1 || span / (float)(count - 1) >= dot_radius * 3.0f);
    int start = 0;
    for (int end : run_ends) {
        for (int i = start + 1; i < end; i++) draw->AddLine(points[i - 1], points[i], color, thickness);
        // A lone point (one period in the top N) still shows when the dots are off.
        if (end - start == 1 && !dots) draw->AddCircleFilled(points[start], thickness, color, 8);
        start = end;
    }
    NoteDrawn(area, points.Data, points.Size);
    if (!dots) return;
    for (int i = 0; i < count; i++)
        if (!std::isnan(ys[i])) draw->AddCircleFilled(area.ToPixels(xs[i], ys[i]), dot_radius, color, 12);
}

void PlotSteps(const PlotArea& area, const float* xs, const float* ys, int count, double x_end, ImU32 color, float thickness)
{
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < count; i++) {
        double x1 = i + 1 < count ? xs[i + 1] : x_end;
        if (xs[i] >= area.XMax) break;
        x1 = ImMin(x1, area.XMax);
        ImVec2 a = area.ToPixels(xs[i], ys[i]), b = area.ToPixels(x1, ys[i]);
        draw->AddLine(a, b, color, thickness);
        NoteDrawn(area, &a, 1);
        NoteDrawn(area, &b, 1);
        if (i + 1 < count && xs[i + 1] < area.XMax) draw->AddLine(b, area.ToPixels(x1, ys[i + 1]), color, thickness * 0.6f);
    }
}

static float SegmentDistance(ImVec2 p, ImVec2 a, ImVec2 b)
{
    ImVec2 ab(b.x - a.x, b.y - a.y), ap(p.x - a.x, p.y - a.y);
    float len2 = ab.x * ab.x + ab.y * ab.y;
    float t = len2 > 0 ? ImClamp((ap.x * ab.x + ap.y * ab.y) / len2, 0.0f, 1.0f) : 0.0f;
    float dx = a.x + ab.x * t - p.x, dy = a.y + ab.y * t - p.y;
    return std::sqrt(dx * dx + dy * dy);
}

float DistanceToLine(const PlotArea& area, const float* xs, const float* ys, int count, ImVec2 mouse)
{
    float best = FLT_MAX;
    bool has_prev = false;
    ImVec2 prev;
    for (int i = 0; i < count; i++) {
        if (std::isnan(ys[i])) { has_prev = false; continue; }
        ImVec2 p = area.ToPixels(xs[i], ys[i]);
        best = ImMin(best, has_prev ? SegmentDistance(mouse, prev, p) : SegmentDistance(mouse, p, p));
        prev = p;
        has_prev = true;
    }
    return best;
}

void PlotBars(const PlotArea& area, const float* values, int count, float width, ImU32 color, const ImU32* colors)
{
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < count; i++) {
        ImVec2 a = area.ToPixels(i - width * 0.5, 0.0), b = area.ToPixels(i + width * 0.5, values[i]);
        draw->AddRectFilled(ImVec2(a.x, ImMin(a.y, b.y)), ImVec2(b.x, ImMax(a.y, b.y)), colors ? colors[i] : color, 2.0f);
    }
}

void DrawStackedBarH(ImDrawList* draw, ImVec2 min, ImVec2 max, const double* values, int count, double total, const ImU32* colors)
{
    draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg));
    if (!(total > 0)) return;
    float x = min.x, w = max.x - min.x;
    for (int i = 0; i < count; i++) {
        if (!(values[i] > 0)) continue;
        float seg = (float)(values[i] / total) * w;
        float x1 = ImMin(x + seg, max.x);
        if (x1 > x) draw->AddRectFilled(ImVec2(x, min.y), ImVec2(x1, max.y), colors[i]);
        x = x1;
    }
}

int PlotSlope(const char* id, ImVec2 size, const int* left, const int* right, const char* const* labels, int count,
              int depth, const char* left_title, const char* right_title, int highlight)
{
    float line_h = ImGui::GetTextLineHeight();
    PlotArea area = BeginPlotArea(id, size, 0, 1, 0.5, depth + 1.5, true, 0.0f, 0.0f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float col_w = ImMin((area.Max.x - area.Min.x) * 0.36f, line_h * 14.0f);
    float x_left = area.Min.x + col_w, x_right = area.Max.x - col_w;
    ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    draw->AddText(ImVec2(x_left - ImGui::CalcTextSize(left_title).x, area.Min.y), dim, left_title);
    draw->AddText(ImVec2(x_right, area.Min.y), dim, right_title);
    int hovered = -1;
    float top = area.Min.y + line_h * 1.4f;
    float step = depth > 0 ? (area.Max.y - top) / (float)depth : 0;
    auto y_of = [&](int rank) { return top + (rank - 0.5f) * step; };
    if (area.Hovered) {
        for (int i = 0; i < count && hovered < 0; i++) {
            if (left[i] > 0 && std::fabs(area.Mouse.y - y_of(left[i])) < step * 0.5f && area.Mouse.x < x_left) hovered = i;
            if (right[i] > 0 && std::fabs(area.Mouse.y - y_of(right[i])) < step * 0.5f && area.Mouse.x > x_right) hovered = i;
        }
        for (int i = 0; i < count && hovered < 0; i++) {
            if (left[i] <= 0 || right[i] <= 0) continue;
            if (SegmentDistance(area.Mouse, ImVec2(x_left, y_of(left[i])), ImVec2(x_right, y_of(right[i]))) < 4.0f) hovered = i;
        }
    }
    for (int i = 0; i < count; i++) {
        bool hot = i == hovered || i == highlight;
        int l = left[i], r = right[i];
        ImU32 c = l > 0 && r > 0 ? (r < l ? theme::Up : r > l ? theme::Down : SeriesColor(0))
                                 : dim;
        float th = hot ? 3.0f : 1.5f;
        float stub = (x_right - x_left) * 0.15f;
        if (l > 0 && r > 0) draw->AddLine(ImVec2(x_left, y_of(l)), ImVec2(x_right, y_of(r)), c, th);
        else if (l > 0) draw->AddLine(ImVec2(x_left, y_of(l)), ImVec2(x_left + stub, y_of(l) + step * 0.4f), c, th);
        else if (r > 0) draw->AddLine(ImVec2(x_right - stub, y_of(r) + step * 0.4f), ImVec2(x_right, y_of(r)), c, th);
        char buf[16];
        if (l > 0 && step >= line_h * 0.8f) {
            std::snprintf(buf, sizeof(buf), "%d ", l);
            const float num_w = ImGui::CalcTextSize(buf).x;
            const std::string label = FitText(labels[i], x_left - 4.0f - area.Min.x - num_w);
            const float x = ImMax(x_left - 4.0f - num_w - ImGui::CalcTextSize(label.c_str()).x, area.Min.x);
            draw->AddText(ImVec2(x, y_of(l) - line_h * 0.5f), hot ? text : dim, buf);
            draw->AddText(ImVec2(x + num_w, y_of(l) - line_h * 0.5f), hot ? c : text, label.c_str());
        }
        if (r > 0 && step >= line_h * 0.8f) {
            std::snprintf(buf, sizeof(buf), " %d ", r);
            const float num_w = ImGui::CalcTextSize(buf).x;
            const std::string label = FitText(labels[i], area.Max.x - (x_right + 2.0f + num_w));
            draw->AddText(ImVec2(x_right + 2.0f, y_of(r) - line_h * 0.5f), hot ? text : dim, buf);
            draw->AddText(ImVec2(x_right + 2.0f + num_w, y_of(r) - line_h * 0.5f), hot ? c : text, label.c_str());
        }
    }
    return hovered;
}

int PlotHeatMatrix(const char* id, const double* values, int rows, int cols, double v_min, double v_max,
                   const char* const* row_labels, const char* const* col_labels, const char* format, float cell_size)
{
    float label_w = 0;
    for (int r = 0; r < rows; r++) label_w = ImMax(label_w, ImGui::CalcTextSize(row_labels[r]).x);
    label_w += 6.0f;
    float head_h = ImGui::GetTextLineHeight() * 1.4f;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size(label_w + cols * cell_size, head_h + rows * cell_size);
    ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, true);  // a plot's hover area is no control for Tab
    ImGui::InvisibleButton(id, size);
    ImGui::PopItemFlag();
    bool hovered_item = ImGui::IsItemHovered();
    ImVec2 mouse = ImGui::GetIO().MousePos;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const bool dark = ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.5f;
    int hovered = -1;
    for (int c = 0; c < cols; c++) {
        // Column headers are clipped to their cell: keep them short (keys, letters).
        ImVec2 cell_min(pos.x + label_w + c * cell_size, pos.y);
        draw->PushClipRect(cell_min, ImVec2(cell_min.x + cell_size, cell_min.y + head_h), true);
        draw->AddText(ImVec2(cell_min.x + 2.0f, cell_min.y), text, col_labels[c]);
        draw->PopClipRect();
    }
    for (int r = 0; r < rows; r++) {
        float y = pos.y + head_h + r * cell_size;
        draw->AddText(ImVec2(pos.x, y + (cell_size - ImGui::GetTextLineHeight()) * 0.5f), text, row_labels[r]);
        for (int c = 0; c < cols; c++) {
            double v = values[(size_t)r * cols + c];
            ImVec2 a(pos.x + label_w + c * cell_size, y), b(a.x + cell_size - 1.0f, y + cell_size - 1.0f);
            float t = v_max > v_min && std::isfinite(v) ? (float)ImClamp((v - v_min) / (v_max - v_min), 0.0, 1.0) : 0.0f;
            // Ramp from the background towards a saturated blue.
            const ImVec4 lo = ImGui::ColorConvertU32ToFloat4(dark ? theme::HeatLowDark : theme::HeatLowLight);
            const ImVec4 hi = ImGui::ColorConvertU32ToFloat4(theme::HeatHigh);
            ImVec4 col(lo.x + (hi.x - lo.x) * t, lo.y + (hi.y - lo.y) * t, lo.z + (hi.z - lo.z) * t, 1.0f);
            draw->AddRectFilled(a, b, ImGui::ColorConvertFloat4ToU32(col));
            bool hot = hovered_item && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y;
            if (hot) {
                hovered = r * cols + c;
                draw->AddRect(a, b, text, 0.0f, 0, 2.0f);
            }
            if (format && format[0] && std::isfinite(v)) {
                char buf[32];
                std::snprintf(buf, sizeof(buf), format, v);
                ImVec2 ts = ImGui::CalcTextSize(buf);
                if (ts.x < cell_size - 2.0f) {
                    ImU32 tc = t > 0.55f || dark ? IM_COL32(255, 255, 255, 255) : IM_COL32(20, 20, 20, 255);
                    draw->AddText(ImVec2(a.x + (cell_size - ts.x) * 0.5f, a.y + (cell_size - ts.y) * 0.5f), tc, buf);
                }
            }
        }
    }
    return hovered;
}

} // namespace chartmix::ui
