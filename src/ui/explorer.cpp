#include "ui/explorer.h"

#include <imgui.h>

namespace chartmix::ui {

void ApplyTheme(Theme theme)
{
    if (theme == Theme::Dark) ImGui::StyleColorsDark();
    else ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
}

void DrawExplorer(AppState& state)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("chartmix", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_MenuBar);
    if (ImGui::BeginMenuBar()) {
        if (ImGui::BeginMenu("View")) {
            if (ImGui::MenuItem("Dark theme", nullptr, state.CurrentTheme == Theme::Dark)) { state.CurrentTheme = Theme::Dark; ApplyTheme(state.CurrentTheme); }
            if (ImGui::MenuItem("Light theme", nullptr, state.CurrentTheme == Theme::Light)) { state.CurrentTheme = Theme::Light; ApplyTheme(state.CurrentTheme); }
#ifdef CHARTMIX_WITH_IMGUI_DEMO
            ImGui::MenuItem("Dear ImGui demo", nullptr, &state.ShowImGuiDemo);
#endif
            ImGui::EndMenu();
        }
        ImGui::EndMenuBar();
    }
    if (!state.Notice.empty()) ImGui::TextWrapped("%s", state.Notice.c_str());
    const Dataset& data = state.Session_.Data();
    ImGui::Text("Dataset: %s%s", data.Name.empty() ? "(none)" : data.Name.c_str(), data.Simulated ? " (simulated)" : "");
    ImGui::Text("%zu sources, %zu periods, %zu songs, %zu chart entries", data.Sources.size(), data.Periods.size(),
                data.Songs.size(), data.EntryCount());
    ImGui::End();
#ifdef CHARTMIX_WITH_IMGUI_DEMO
    if (state.ShowImGuiDemo) ImGui::ShowDemoWindow(&state.ShowImGuiDemo);
#endif
}

} // namespace chartmix::ui
