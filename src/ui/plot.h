#pragma once
// A small plotting layer on ImDrawList, in the manner of ImPlot: every series is a non-owning
// array plus a count; a PlotArea maps data coordinates to pixels. Nothing here owns or copies the
// model, sorts or ranks: callers hand in what the core computed.
//
//   PlotArea area = BeginPlotArea("bump", ImVec2(-1, 300), 0, periods - 1, 1, top_n, true);
//   PlotLine(area, xs, ys, periods, color, 2.0f);    // NaN in ys breaks the line
//   int hovered = NearestLine(area, ...);            // hit-testing in pixels
#include <cstdint>

#include <imgui.h>

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

// Horizontal grid lines with labels every `step` in y (integers: ranks, counts).
void PlotGridY(const PlotArea& area, double step, const char* format);
// Labels under the x axis: labels[i] at x = i, at most every `stride`-th.
void PlotLabelsX(const PlotArea& area, const char* const* labels, int count, int stride);

// A polyline through (xs[i], ys[i]); NaN y breaks it. Points get dots when dot_radius > 0.
void PlotLine(const PlotArea& area, const float* xs, const float* ys, int count, ImU32 color, float thickness,
              float dot_radius = 0.0f);
// A step function: y[i] holds from xs[i] to xs[i + 1] (the last to x_end).
void PlotSteps(const PlotArea& area, const float* xs, const float* ys, int count, double x_end, ImU32 color, float thickness);
// Pixel distance from the mouse to the polyline (FLT_MAX when no segment); for hover and click.
float DistanceToLine(const PlotArea& area, const float* xs, const float* ys, int count, ImVec2 mouse);

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
