#pragma once
// The bar above every layout: dataset name (and "Simulated"), period, Open… (the Open dialog),
// download progress with cancel, Copy link, Export, theme, and the notice line.
#include "ui/app_state.h"

namespace chartmix::ui {

struct TopBar {
    void Draw(AppState& state);
};

} // namespace chartmix::ui
