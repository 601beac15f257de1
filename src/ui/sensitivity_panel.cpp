#include "ui/sensitivity_panel.h"

#include <imgui.h>

namespace chartmix::ui {

void SensitivityPanel::Draw(AppState& state) { ImGui::TextDisabled("Sensitivity"); }

} // namespace chartmix::ui
