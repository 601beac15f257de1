#pragma once
#include "ui/app_state.h"

namespace chartmix::ui {

// Applies the theme chosen in state to Dear ImGui's style.
void ApplyTheme(Theme theme);
// Draws the whole explorer for one frame, filling the display.
void DrawExplorer(AppState& state);

} // namespace chartmix::ui
