#pragma once
// The bar above every layout: dataset name (and "Simulated"), period, Open… (the Open dialog),
// download progress with cancel, Copy link, Export, theme, and the notice line.
#include <string>

#include "ui/app_state.h"

namespace chartmix::ui {

struct TopBar {
    bool ShowDetails = false;  // the notice's details line is open
    std::string DetailsOf;     // the notice the details belong to (a new notice closes them)

    void Draw(AppState& state);
};

} // namespace chartmix::ui
