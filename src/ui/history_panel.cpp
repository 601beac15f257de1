#include "ui/history_panel.h"

#include <imgui.h>

namespace chartmix::ui {

void HistoryPanel::Draw(AppState& state) { ImGui::TextDisabled("History"); }

} // namespace chartmix::ui
