#pragma once
#include "ui/app_state.h"

namespace chartmix::ui {

struct SongPanel {
    void Draw(AppState& state);
};

} // namespace chartmix::ui
