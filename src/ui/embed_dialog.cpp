#include "ui/embed_dialog.h"

#include <imgui.h>
#include <imgui_internal.h>

#include "core/embed_snippet.h"
#include "core/view_state.h"
#include "ui/ui_common.h"
#include "ui/ui_probe.h"

namespace chartmix::ui {

namespace {

// A read-only code box the reader can select in, with a Copy button under it.
void CodeBlock(AppState& state, const char* id, std::string& code, float lines)
{
    const float em = ImGui::GetFontSize();
    ImGui::InputTextMultiline((std::string("##") + id).c_str(), code.data(), code.size() + 1,
                              ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * lines + em), ImGuiInputTextFlags_ReadOnly);
    ProbeItem((std::string("embed.") + id).c_str());
    ImGui::PushID(id);
    if (ImGui::Button("Copy")) {
        if (state.Host.CopyText) state.Host.CopyText(code);
        state.Notice = "Embed code copied: paste it into the page's HTML.";
        state.NoticeDetails.clear();
        state.NoticeIsError = false;
    }
    ProbeItem((std::string("embed.") + id + ".copy").c_str());
    ImGui::PopID();
}

} // namespace

void EmbedDialog::Draw(AppState& state)
{
    const char* title = "Embed this view";
    if (!state.ShowEmbedDialog) return;
    if (!ImGui::IsPopupOpen(title)) {
        ImGui::OpenPopup(title);
        const std::string view = EncodeViewState(state.Session_.CurrentView());
        Iframe = IframeEmbedSnippet(state.PublishedBase, view);
        Script = ScriptEmbedSnippet(state.PublishedBase, view);
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + em), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(ImMin(viewport->WorkSize.x - em, em * 44.0f), 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, viewport->WorkSize.y - em * 2.0f));
    bool keep = true;
    if (!BeginDialog(title, &keep)) {
        state.ShowEmbedDialog = false;
        return;
    }
    ImGui::TextWrapped("Paste this into an article. The widget opens on this dataset, period, mix and panel, lets readers "
                       "move the weights, and sizes its frame to what it shows.");
    CodeBlock(state, "iframe", Iframe, 3.0f);
    ImGui::Spacing();
    ImGui::TextWrapped("Or start it from your own script with the JS API (docs/embedding.md), to set mixes from the article:");
    CodeBlock(state, "script", Script, 6.0f);
    ImGui::Spacing();
    if (ImGui::Button("Close") || !keep) {
        state.ShowEmbedDialog = false;
        ImGui::CloseCurrentPopup();
    }
    ProbeItem("embed.close");
    ImGui::EndPopup();
}

} // namespace chartmix::ui
