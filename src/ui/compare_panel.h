#pragma once
#include "ui/app_state.h"

namespace chartmix::ui {

struct ComparePanel {
    void Draw(AppState& state);
};

} // namespace chartmix::ui
