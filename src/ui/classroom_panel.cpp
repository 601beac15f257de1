#include "ui/classroom_panel.h"

#include <imgui.h>

namespace chartmix::ui {

void ClassroomPanel::Draw(AppState& state) { ImGui::TextDisabled("Classroom"); }

} // namespace chartmix::ui
