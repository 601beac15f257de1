#pragma once
#include "ui/app_state.h"

namespace chartmix::ui {

struct HistoryPanel {
    void Draw(AppState& state);
};

} // namespace chartmix::ui
