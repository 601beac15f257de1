#pragma once
#include "ui/app_state.h"

namespace chartmix::ui {

// Applies the theme chosen in state to Dear ImGui's style (colours; sizes follow in DrawExplorer).
void ApplyTheme(Theme theme);
// Draws the whole explorer for one frame, filling the display: phone (one column, tabs), desktop
// (sources | chart | side panels) or the embed layout when state.Compact.
void DrawExplorer(AppState& state);

// For tests and hosts: the panel view state of this app state (created on first use).
ExplorerView& GetExplorerView(AppState& state);

} // namespace chartmix::ui
