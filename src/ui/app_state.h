#pragma once
// Everything the panels read and the user changes: the loaded dataset and the view around it.
// Panels draw from here; the core computes every ranking they show.
#include <string>

#include "core/dataset.h"

namespace chartmix::ui {

enum class Theme { Dark, Light };

struct AppState {
    Dataset Data;
    std::string Notice;          // one-line message shown at the top (errors, hints), "" when none
    Theme CurrentTheme = Theme::Dark;
    bool ShowImGuiDemo = false;  // debug builds only
    int FrameCount = 0;
};

} // namespace chartmix::ui
