// Axes in the habits of Vega-Lite and Observable Plot: nice steps (1, 2, 5 x 10^n; whole weeks,
// months, years for dates) and labels thinned greedily until none overlap.
#include <climits>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui_internal.h>

#include "core/data/period.h"
#include "ui/plot.h"
#include "ui/ui_probe.h"

namespace chartmix::ui {

namespace {

struct Tick {
    double Value;
    std::string Text;
};

float LabelGap() { return ImGui::GetFontSize() * 0.6f; }

// Draws x tick labels centred under their ticks, skipping any that would touch a kept one or leave
// the plot's frame: a label is dropped rather than moved off its tick.
void DrawTicksX(const PlotArea& area, const std::vector<Tick>& ticks, const char* probe_group)
{
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float pad = ImGui::GetFontSize() * 0.5f;
    float last_right = -FLT_MAX;
    for (const Tick& t : ticks) {
        ImVec2 p = area.ToPixels(t.Value, area.InvertY ? area.YMax : area.YMin);
        if (p.x < area.Min.x - 0.5f || p.x > area.Max.x + 0.5f) continue;
        draw->AddLine(ImVec2(p.x, area.Max.y), ImVec2(p.x, area.Max.y + 3.0f), text);
        ImVec2 ts = ImGui::CalcTextSize(t.Text.c_str());
        float x = p.x - ts.x * 0.5f;
        if (x < area.Min.x - pad || x + ts.x > area.Max.x + pad) continue;
        if (x < last_right + LabelGap()) continue;
        ImVec2 at(x, area.Max.y + 4.0f);
        draw->AddText(at, text, t.Text.c_str());
        if (probe_group) ProbeLabel(probe_group, t.Text.c_str(), at, ImVec2(at.x + ts.x, at.y + ts.y));
        last_right = x + ts.x;
    }
}

// x of a day on an axis whose x = i is periods[i]: interpolated between period starts.
double XOfDay(const Period* periods, int count, DayNumber day)
{
    int lo = 0, hi = count - 1;
    if (day <= periods[0].Start) return 0.0;
    if (day >= periods[hi].Start) return hi + (periods[hi].End > periods[hi].Start ? (double)(day - periods[hi].Start) / (periods[hi].End - periods[hi].Start + 1) : 0.0);
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        (periods[mid].Start <= day ? lo : hi) = mid;
    }
    return lo + (double)(day - periods[lo].Start) / (double)(periods[hi].Start - periods[lo].Start);
}

enum class DateUnit { Week, Month, Year };

struct DateStep {
    DateUnit Unit;
    int Count;
    int ApproxDays;
};

} // namespace

double NiceStep(double range, int max_ticks)
{
    if (!(range > 0) || max_ticks < 1) return 1.0;
    double raw = range / max_ticks;
    double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : { 1.0, 2.0, 5.0, 10.0 })
        if (m * mag >= raw * (1 - 1e-9)) return m * mag;
    return 10.0 * mag;
}

void PlotAxisY(const PlotArea& area, const char* format, double min_step, const char* probe_group)
{
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 grid = GridColor(), text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float line_h = ImGui::GetTextLineHeight();
    const double lo = ImMin(area.YMin, area.YMax), hi = ImMax(area.YMin, area.YMax);
    const int max_ticks = ImMax(1, (int)((area.Max.y - area.Min.y) / (line_h * 1.6f)));
    const double step = ImMax(NiceStep(hi - lo, max_ticks), min_step);
    std::vector<double> values;
    // Ranks start at 1, not 0: #1 gets its own tick ahead of the multiples of the step.
    if (min_step >= 1.0 && lo <= 1.0 && hi >= 1.0 && step > 1.0) values.push_back(1.0);
    for (double y = std::ceil(lo / step - 1e-9) * step; y <= hi + 1e-9 && values.size() < 400; y += step)
        if (values.empty() || std::fabs(y - values.back()) > 1e-9) values.push_back(y);
    float last_y = -FLT_MAX;
    for (double y : values) {
        ImVec2 p = area.ToPixels(area.XMin, y);
        char buf[32];
        std::snprintf(buf, sizeof(buf), format, y);
        ImVec2 ts = ImGui::CalcTextSize(buf);
        draw->AddLine(ImVec2(area.Min.x, p.y), ImVec2(area.Max.x, p.y), grid);
        // Ticks come in screen order either way up: a label too close to the last one is dropped.
        if (std::fabs(p.y - last_y) < ts.y + 2.0f) continue;
        ImVec2 at(area.Min.x - ts.x - 4.0f, p.y - ts.y * 0.5f);
        draw->AddText(at, text, buf);
        if (probe_group) ProbeLabel(probe_group, buf, at, ImVec2(at.x + ts.x, at.y + ts.y));
        last_y = p.y;
    }
}

void PlotAxisX(const PlotArea& area, const char* format, const char* probe_group)
{
    char widest[32];
    std::snprintf(widest, sizeof(widest), format, ImMax(std::fabs(area.XMin), std::fabs(area.XMax)));
    const float label_w = ImGui::CalcTextSize(widest).x + LabelGap() * 2;
    const int max_ticks = ImMax(1, (int)((area.Max.x - area.Min.x) / label_w));
    const double step = NiceStep(area.XMax - area.XMin, max_ticks);
    std::vector<Tick> ticks;
    for (double x = std::ceil(area.XMin / step - 1e-9) * step; x <= area.XMax + 1e-9 && ticks.size() < 400; x += step) {
        char buf[32];
        std::snprintf(buf, sizeof(buf), format, std::fabs(x) < step * 1e-6 ? 0.0 : x);
        ticks.push_back({ x, buf });
    }
    DrawTicksX(area, ticks, probe_group);
}

void PlotLabelsX(const PlotArea& area, const char* const* labels, int count, const char* probe_group)
{
    std::vector<Tick> ticks;
    for (int i = 0; i < count; i++) ticks.push_back({ (double)i, labels[i] });
    DrawTicksX(area, ticks, probe_group);
}

void PlotDateAxisX(const PlotArea& area, const Period* periods, int count, const char* probe_group)
{
    if (count <= 0) return;
    const DayNumber first = periods[0].Start, last = periods[count - 1].End;
    if (last <= first) {  // periods without calendar dates: their labels at nice index steps
        std::vector<Tick> ticks;
        const int max_ticks = ImMax(1, (int)((area.Max.x - area.Min.x) / (ImGui::GetFontSize() * 7)));
        const double step = ImMax(1.0, NiceStep(count, max_ticks));
        for (double x = 0; x < count; x += step) ticks.push_back({ x, periods[(int)x].Label });
        DrawTicksX(area, ticks, probe_group);
        return;
    }
    static const DateStep kSteps[] = {
        { DateUnit::Week, 1, 7 },     { DateUnit::Week, 2, 14 },    { DateUnit::Month, 1, 30 },  { DateUnit::Month, 2, 61 },
        { DateUnit::Month, 3, 91 },   { DateUnit::Month, 6, 182 },  { DateUnit::Year, 1, 365 },  { DateUnit::Year, 2, 730 },
        { DateUnit::Year, 5, 1826 },  { DateUnit::Year, 10, 3652 }, { DateUnit::Year, 20, 7305 }, { DateUnit::Year, 50, 18262 },
    };
    const double px_per_day = (area.ToPixels(XOfDay(periods, count, last), 0).x - area.ToPixels(0, 0).x) / ImMax(1.0, (double)(last - first));
    const float gap = LabelGap();
    const DateStep* step = &kSteps[IM_ARRAYSIZE(kSteps) - 1];
    for (const DateStep& s : kSteps) {
        // Short labels ("Mar", "Mar 14"); the year is added where it starts and on the first label.
        const char* sample = s.Unit == DateUnit::Year ? "2000" : s.Unit == DateUnit::Month ? "May" : "May 00";
        if (s.ApproxDays * px_per_day >= ImGui::CalcTextSize(sample).x + gap * 2) { step = &s; break; }
    }
    static const char* const kMonths[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    std::vector<Tick> ticks;
    int last_year = INT32_MIN;
    auto add = [&](DayNumber d) {
        int y, m, dd;
        CivilFromDays(d, &y, &m, &dd);
        char buf[24];
        const bool new_year = y != last_year;
        if (step->Unit == DateUnit::Year) std::snprintf(buf, sizeof(buf), "%04d", y);
        else if (step->Unit == DateUnit::Month) std::snprintf(buf, sizeof(buf), new_year ? "%s %04d" : "%s", kMonths[m - 1], y);
        else std::snprintf(buf, sizeof(buf), new_year ? "%s %d %04d" : "%s %d", kMonths[m - 1], dd, y);
        // A label that would stick out of the plot is left off here, so the year goes to the next.
        const double x = XOfDay(periods, count, d);
        const float px = area.ToPixels(x, 0).x, half = ImGui::CalcTextSize(buf).x * 0.5f, pad = ImGui::GetFontSize() * 0.5f;
        if (px - half < area.Min.x - pad || px + half > area.Max.x + pad) return;
        last_year = y;
        ticks.push_back({ x, buf });
    };
    int y0, m0, d0;
    CivilFromDays(first, &y0, &m0, &d0);
    if (step->Unit == DateUnit::Week) {
        for (DayNumber d = periods[0].Start; d <= last && ticks.size() < 400; d += 7 * step->Count) add(d);
    } else if (step->Unit == DateUnit::Month) {
        int month = (y0 * 12 + m0 - 1 + step->Count - 1) / step->Count * step->Count;  // aligned to the step
        for (; ticks.size() < 400; month += step->Count) {
            DayNumber d = DaysFromCivil(month / 12, month % 12 + 1, 1);
            if (d > last) break;
            if (d >= first) add(d);
        }
    } else {
        for (int y = (y0 + step->Count - 1) / step->Count * step->Count; ticks.size() < 400; y += step->Count) {
            DayNumber d = DaysFromCivil(y, 1, 1);
            if (d > last) break;
            if (d >= first) add(d);
        }
    }
    DrawTicksX(area, ticks, probe_group);
}

} // namespace chartmix::ui
