#pragma once
// The Embed dialog: the code that puts the current view (dataset, period, mix, panel) into an
// article, as an iframe that sizes itself or as a canvas driven by the JS API, each with Copy.
#include <string>

#include "ui/app_state.h"

namespace chartmix::ui {

struct EmbedDialog {
    std::string Iframe, Script;  // as shown; rebuilt each time the dialog opens

    // Draws the dialog while AppState::ShowEmbedDialog is set (a modal over the app).
    void Draw(AppState& state);
};

} // namespace chartmix::ui
