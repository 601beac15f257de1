#include "ui/welcome_view.h"
#include "ui/ui_probe.h"

#include <cfloat>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/rank/presets.h"
#include "ui/explorer_view.h"
#include "ui/open_dialog.h"
#include "ui/ui_common.h"

namespace chartmix::ui {

// One starting point: a wide button and a line on what it shows. Returns true when chosen.
static bool StartingPoint(const char* probe, const char* label, const char* what)
{
    ImGui::PushID(probe);
    const bool chosen = ImGui::Button(label, ImVec2(-FLT_MIN, ImGui::GetFrameHeight() * 1.3f));
    ProbeItem(probe);
    HintWrapped("%s", what);
    ImGui::Spacing();
    ImGui::PopID();
    return chosen;
}

static void ShowHanteoComparison(AppState& state, ExplorerView& view)
{
    Session& session = state.ActiveSession;
    ReportStatus(state, session.LoadDemo(1));
    if (const Preset* preset = FindPreset("hanteo-style")) {
        Status st = session.SetMix(preset->Mix_);
        ReportStatus(state, st);
        for (size_t i = 0; st && i < Presets().size(); i++)
            if (&Presets()[i] == preset) view.Sources.PresetForNewData = (int)i;
    }
    view.Compare.Against = "CN";
    session.Panel = "compare";
    session.Touch();
}

void WelcomeView::Draw(AppState& state, ExplorerView& view)
{
    const char* title = "Welcome to chartmix";
    if (!state.ShowWelcome) return;
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImMin(viewport->WorkSize.x - em, em * 40.0f), 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, viewport->WorkSize.y - em));
    bool keep = true;
    if (!BeginDialog(title, &keep)) return;
    bool close = !keep;
    ImGui::TextWrapped("Music charts mix sales, streams and airplay from many platforms, with weights their makers choose. "
                       "chartmix opens published charts and lets you change those weights and the way votes are counted, "
                       "and watch the ranking, its history and its sensitivity change.");
    ImGui::Spacing();
    ImGui::TextDisabled("Start with");
    if (const CatalogueEntry* week = FindCatalogueEntry(state, "demo-multisource-week"))
        if (StartingPoint("welcome.week", "A real week on four charts",
                          "Billboard Hot 100, Spotify US and Global and the UK singles chart, one week of March 2023: "
                          "which song is #1 depends on how you count.")) {
            OpenCatalogueEntry(state, *week);
            close = true;
        }
    if (const CatalogueEntry* kpop = FindCatalogueEntry(state, "kpop-blackpink-weekly"))
        if (StartingPoint("welcome.kpop", "K-pop on Korean platforms",
                          "BLACKPINK's songs on Melon, Genie, Bugs, VIBE and Circle, week by week: weight the platforms the way fan charts do.")) {
            OpenCatalogueEntry(state, *kpop);
            close = true;
        }
    if (StartingPoint("welcome.classroom", "The simulated market, for the classroom",
                      "Invented songs on invented platforms with a known true popularity: see which counting method finds it.")) {
        ReportStatus(state, state.ActiveSession.LoadDemo(1));
        state.ActiveSession.Panel = "classroom";
        state.ActiveSession.Touch();
        close = true;
    }
    if (StartingPoint("welcome.hanteo", "China-only and overall, Hanteo-style",
                      "Hanteo now counts QQ Music, Kugou and Kuwo in its Korean chart. The simulated market ranked with the "
                      "Chinese platforms alone and with all of them, side by side (the weights are estimates).")) {
        ShowHanteoComparison(state, view);
        close = true;
    }
    ImGui::TextWrapped("To share what you find, press Copy link: the link opens the same data, period, mix and panel.");
    ImGui::Spacing();
    if (ImGui::Button("Open another chart\xE2\x80\xA6")) {
        state.ShowOpenDialog = true;
        close = true;
    }
    ProbeItem("welcome.open");
    ImGui::SameLine();
    if (ImGui::Button("Explore the demo")) close = true;
    ProbeItem("welcome.close");
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) close = true;
    if (close) {
        state.ShowWelcome = false;
        if (state.Host.Remember) state.Host.Remember("welcome", "seen");
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace chartmix::ui
