#pragma once
// A small plotting layer on ImDrawList, in the manner of ImPlot: every series is a non-owning
// array plus a count; a PlotArea maps data coordinates to pixels. Nothing here owns or copies the
// model, sorts or ranks: callers hand in what the core computed.
//
//   PlotArea area = BeginPlotArea("bump", ImVec2(-1, 300), 0, periods - 1, 1, top_n, true);
//   PlotLine(area, xs, ys, periods, color, 2.0f);    // NaN in ys breaks the line
//   int hovered = NearestLine(area, ...);            // hit-testing in pixels
#include <cfloat>
#include <cstdint>
#include <string>
#include <string_view>

#include <imgui.h>

#include "core/data/dataset.h"

namespace chartmix::ui {

// Data-to-pixel mapping of one plot, with its reserved screen rectangle.
struct PlotArea {
    ImVec2 Min, Max;            // inner rectangle in screen pixels
    double XMin = 0, XMax = 1;
    double YMin = 0, YMax = 1;
    bool InvertY = false;       // true: YMin at the top (ranks: #1 on top)
    bool Hovered = false;
    bool Clicked = false;
    ImVec2 Mouse;
    // Extent of what the series drawn into this area covered (screen pixels); empty (Min > Max)
    // until one draws. Read by the UI probe: lines must stay inside the area.
    mutable ImVec2 DrawnMin = ImVec2(FLT_MAX, FLT_MAX), DrawnMax = ImVec2(-FLT_MAX, -FLT_MAX);

    ImVec2 ToPixels(double x, double y) const;
    double XFromPixel(float px) const;
    double YFromPixel(float py) const;
};

// Reserves size (negative = fill the available width/height minus that much), draws the frame
// and the inner margin left for axis labels; the area takes clicks (InvisibleButton).
PlotArea BeginPlotArea(const char* id, ImVec2 size, double x_min, double x_max, double y_min, double y_max,
                       bool invert_y, float left_margin = 0.0f, float bottom_margin = 0.0f);

// Theme-aware colours: series i of a categorical palette, and the grid.
ImU32 SeriesColor(int i, float alpha = 1.0f);
ImU32 GridColor();

// Axes with nice steps and labels thinned until none overlap; each label's rectangle goes to the
// UI probe under probe_group (null: not recorded).
// The tick step for a range: 1, 2 or 5 x 10^n, the smallest giving at most max_ticks ticks.
double NiceStep(double range, int max_ticks);
// Grid lines and labels on y; min_step 1 for ranks and counts (ticks then include #1).
void PlotAxisY(const PlotArea& area, const char* format, double min_step, const char* probe_group);
// Ticks and labels under a numeric x axis.
void PlotAxisX(const PlotArea& area, const char* format, const char* probe_group);
// Ticks under an x axis where x = i is periods[i]: whole weeks, months or years, as wide as the
// labels need.
void PlotDateAxisX(const PlotArea& area, const Period* periods, int count, const char* probe_group);
// Labels under the x axis: labels[i] at x = i, thinned until none overlap.
void PlotLabelsX(const PlotArea& area, const char* const* labels, int count, const char* probe_group);

// A polyline through (xs[i], ys[i]), reduced to the pixel grid; NaN y breaks it. Points get dots
// when dot_radius > 0 and the points are far enough apart to show them one by one.
void PlotLine(const PlotArea& area, const float* xs, const float* ys, int count, ImU32 color, float thickness,
              float dot_radius = 0.0f);
// Screen points of a series reduced to at most four per pixel column (first, lowest, highest, last,
// in data order), so a line costs vertices in proportion to the plot's width, not the data's length.
// A NaN in ys ends a run: run_ends holds one past each run's last point.
void DecimateSeries(const PlotArea& area, const float* xs, const float* ys, int count, ImVector<ImVec2>* points,
                    ImVector<int>* run_ends);
// Widens area.DrawnMin/DrawnMax to cover the points.
void NoteDrawn(const PlotArea& area, const ImVec2* points, int count);
// A step function: y[i] holds from xs[i] to xs[i + 1] (the last to x_end).
void PlotSteps(const PlotArea& area, const float* xs, const float* ys, int count, double x_end, ImU32 color, float thickness);
// Pixel distance from the mouse to the polyline (FLT_MAX when no segment); for hover and click.
float DistanceToLine(const PlotArea& area, const float* xs, const float* ys, int count, ImVec2 mouse);

// A direct label for a line's end: Anchor is the end in screen pixels; a lower Priority keeps its
// label when space runs out. DodgeLabels fills Top and Shown.
struct EndLabel {
    ImVec2 Anchor;
    const char* Text = "";
    ImU32 Color = 0;
    int Priority = 0;
    float Top = 0.0f;
    bool Shown = false;
};
// Moves labels of one line height apart vertically within [top, bottom], each as near its anchor
// as the others allow; labels beyond the space are hidden, highest Priority value first.
void DodgeLabels(EndLabel* labels, int count, float top, float bottom, float height);
// The text cut with an ellipsis to fit max_width pixels (whole UTF-8 characters), for labels
// that would otherwise run into the next column or off the plot.
std::string FitText(std::string_view text, float max_width);
// Dodges and draws labels left-aligned at x in their colours, clipped to max_width, with a leader
// from each line's end; each shown label's rectangle goes to the probe under probe_group.
void DrawEndLabels(EndLabel* labels, int count, float x, float top, float bottom, float max_width, const char* probe_group);

// Vertical bars at x = i (i < count), from 0 to values[i]; colors may be null (one colour).
void PlotBars(const PlotArea& area, const float* values, int count, float width, ImU32 color, const ImU32* colors = nullptr);
// One horizontal stacked bar in [min, max] (screen pixels): values left to right, scaled so that
// `total` fills the width. Negative values are skipped.
void DrawStackedBarH(ImDrawList* draw, ImVec2 min, ImVec2 max, const double* values, int count, double total,
                     const ImU32* colors);

// Slope graph: item i goes from rank left[i] (left column) to rank right[i] (right column);
// a rank <= 0 means "not on that side" and draws a stub. Ranks 1..depth fill the height.
// Returns the item under the mouse or -1.
int PlotSlope(const char* id, ImVec2 size, const int* left, const int* right, const char* const* labels, int count,
              int depth, const char* left_title, const char* right_title, int highlight);

// n x n (or rows x cols) heat matrix: values[r * cols + c] mapped from [v_min, v_max] onto a
// colour ramp, with row/column labels and the value printed in each cell (format, "" for none).
// Returns the hovered cell index or -1.
int PlotHeatMatrix(const char* id, const double* values, int rows, int cols, double v_min, double v_max,
                   const char* const* row_labels, const char* const* col_labels, const char* format, float cell_size);

} // namespace chartmix::ui
