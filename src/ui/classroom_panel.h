#pragma once
#include "ui/app_state.h"

namespace chartmix::ui {

struct ClassroomPanel {
    void Draw(AppState& state);
};

} // namespace chartmix::ui
