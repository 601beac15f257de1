#include "ui/song_panel.h"

#include <imgui.h>

namespace chartmix::ui {

void SongPanel::Draw(AppState& state) { ImGui::TextDisabled("Song"); }

} // namespace chartmix::ui
