#include "ui/compare_panel.h"

#include <imgui.h>

namespace chartmix::ui {

void ComparePanel::Draw(AppState& state) { ImGui::TextDisabled("Compare"); }

} // namespace chartmix::ui
