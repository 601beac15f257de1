#include "ui/embed_dialog.h"

#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/session/embed_snippet.h"
#include "core/session/view_state.h"
#include "ui/ui_common.h"
#include "ui/ui_probe.h"

namespace chartmix::ui {

namespace {

// The code broken into lines that fit `width` pixels, after the line's last space, '&', '/' or '"',
// else anywhere: a URL has no spaces, and a code box that scrolls sideways hides the end.
std::string WrapCode(const std::string& code, float width)
{
    std::string out;
    size_t line_start = 0, last_break = std::string::npos;
    for (size_t i = 0; i < code.size();) {
        size_t n = 1;  // the whole UTF-8 character: a line never breaks inside one
        while (i + n < code.size() && ((unsigned char)code[i + n] & 0xC0) == 0x80) n++;
        const size_t char_at = out.size();
        out.append(code, i, n);
        const char c = code[i];
        i += n;
        if (c == '\n') { line_start = out.size(); last_break = std::string::npos; continue; }
        if (ImGui::CalcTextSize(out.c_str() + line_start, out.c_str() + out.size()).x > width) {
            const size_t at = last_break != std::string::npos && last_break > line_start ? last_break : char_at;
            if (at > line_start) {
                out.insert(at, "\n");
                line_start = at + 1;
                last_break = std::string::npos;
            }
        }
        if (c == ' ' || c == '&' || c == '/' || c == '"') last_break = out.size();
    }
    return out;
}

// A read-only code box, wrapped to the dialog's width, the reader can select in, with a Copy button
// under it that copies the code as it is (without the wrapping).
void CodeBlock(AppState& state, const char* id, const std::string& code)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    std::string shown = WrapCode(code, width - style.FramePadding.x * 2 - style.ScrollbarSize);
    const float height = ImGui::CalcTextSize(shown.c_str()).y + style.FramePadding.y * 2 + 2.0f;
    ImGui::InputTextMultiline((std::string("##") + id).c_str(), shown.data(), shown.size() + 1,
                              ImVec2(-FLT_MIN, ImMin(height, ImGui::GetTextLineHeight() * 12.0f)), ImGuiInputTextFlags_ReadOnly);
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
        const std::string view = EncodeViewState(state.ActiveSession.CurrentView());
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
    CodeBlock(state, "iframe", Iframe);
    ImGui::Spacing();
    ImGui::TextWrapped("Or start it from your own script with the JS API (docs/embedding.md), to set mixes from the article:");
    CodeBlock(state, "script", Script);
    ImGui::Spacing();
    if (ImGui::Button("Close") || !keep) {
        state.ShowEmbedDialog = false;
        ImGui::CloseCurrentPopup();
    }
    ProbeItem("embed.close");
    ImGui::EndPopup();
}

} // namespace chartmix::ui
