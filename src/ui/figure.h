#pragma once
// An exported figure, the way Datawrapper exports one: the current panel's chart alone under its
// title, the dataset, the period and a one-line note of the mix, with the data credit below. No
// menus, tooltips or controls; a fixed logical size drawn at twice the pixel density, for print.
//
// It is drawn in a second Dear ImGui context that shares the app's font atlas, so the app's own
// windows, popups and focus are untouched and the person never sees it; the host renders the draw
// data into an offscreen target and reads the pixels back (src/app/window.cpp RenderOffscreen).
//
//   state.FigureRequested = true;            // the menu item, the JS API
//   ... the host's frame, then:  FigureFrame f = BuildFigure(state);  render f.Draw at f.Width x f.Height
#include <string>

#include <imgui.h>

#include "ui/app_state.h"

namespace chartmix::ui {

// Logical size of every figure (a 16:10 page-width figure) and its pixel density.
constexpr float kFigureWidth = 1200.0f, kFigureHeight = 750.0f;
constexpr float kFigurePixelScale = 2.0f;
// Rows of the composite chart a figure lists (in rank order, whatever the table's sort or search).
constexpr int kFigureChartRows = 20;

// The words around the chart.
struct FigureText {
    std::string Title;    // "Composite chart", "Composite rank by period, top 10", ...
    std::string Dataset;  // the dataset's title
    std::string Period;   // "2024-01-04", or "2016-08-08 to 2024-06-24" for panels over time
    std::string Mix;      // "Your mix: Melon 40% · Genie 30% · … · method: Weighted sum of rank points"
    std::string Credit;   // "Data: …" (catalogue citation and licence, or the sources' citations)
};

// The panel a figure shows: the one the reader has open (Session::Panel), the chart otherwise.
int FigurePanel(AppState& state);
// The header and footer lines for the current view; the mix line lists at most max_sources sources.
FigureText MakeFigureText(AppState& state, int panel, int max_sources = 6);

// A figure drawn and ready for a renderer: valid until the next BuildFigure.
struct FigureFrame {
    ImDrawData* Draw = nullptr;
    int Width = 0, Height = 0;  // pixels
    ImVec4 Background;          // clear colour under the draw data (opaque)
};
// Draws the figure of the current view in its own context (created on first use, sharing the
// current context's font atlas); the current context is the same on return.
FigureFrame BuildFigure(AppState& state);

} // namespace chartmix::ui
