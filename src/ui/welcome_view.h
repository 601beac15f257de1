#pragma once
// The welcome on a first visit: what chartmix does in one sentence, a few starting points (a real
// multi-chart week, K-pop on Korean platforms, the classroom's simulated market, China-only
// against overall the way Hanteo now merges Chinese platforms) and how to share a view.
// Dismissed once, it stays dismissed (the host remembers it).
#include "ui/app_state.h"

namespace chartmix::ui {

struct ExplorerView;

struct WelcomeView {
    // Draws the welcome while AppState::ShowWelcome is set.
    void Draw(AppState& state, ExplorerView& view);
};

} // namespace chartmix::ui
