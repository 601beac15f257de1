#pragma once
// The explorer's view state: one struct per panel plus the layout's tab bookkeeping.
#include <memory>
#include <string>

#include "ui/chart_panel.h"
#include "ui/classroom_panel.h"
#include "ui/compare_panel.h"
#include "ui/embed_dialog.h"
#include "ui/history_panel.h"
#include "ui/open_dialog.h"
#include "ui/sensitivity_panel.h"
#include "ui/song_panel.h"
#include "ui/sources_panel.h"
#include "ui/top_bar.h"
#include "ui/welcome_view.h"

namespace chartmix::ui {

struct FigureContext;  // ui/figure.cpp

enum class LayoutKind { Phone, Medium, Wide, Compact };

// One tab bar's memory: which panel it showed last frame and which it was asked to show.
struct TabBarState {
    int LastActive = -1;
    int Pending = -1;
};

struct ExplorerView {
    TopBar Top;
    SourcesPanel Sources;
    ChartPanel Chart;
    HistoryPanel History;
    SongPanel Song;
    ComparePanel Compare;
    SensitivityPanel Sensitivity;
    ClassroomPanel Classroom;
    OpenDialog Open;
    EmbedDialog Embed;
    WelcomeView Welcome;

    LayoutKind Layout = LayoutKind::Wide;
    std::string LastPanel;        // Session::Panel as of last frame: a change from outside selects that tab
    TabBarState MediumTabs, SideTabs;
    int PhonePanel = -1;          // the panel a phone shows (-1: not chosen yet)
    float CompactMixHeight = 0.0f, CompactChartHeight = 0.0f;  // the embed's two parts at their natural height, last frame
    int VisiblePanels = 0;        // bit per PanelId drawn this frame (tests read it)

    // Style as last applied (rebuilt when any of these change).
    Theme StyleTheme = Theme::Dark;
    float StyleScale = 0.0f;
    bool StyleCoarse = false;

    std::shared_ptr<FigureContext> Figure;  // the exported figure's own Dear ImGui context (ui/figure.cpp)
};

// Draws one panel's body into the current window (the layouts' tabs and columns, an exported figure).
void DrawPanelContent(AppState& state, ExplorerView& view, int panel);

} // namespace chartmix::ui
