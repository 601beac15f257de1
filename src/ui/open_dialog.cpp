#include "ui/open_dialog.h"
#include "ui/ui_probe.h"

#include <cfloat>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/native_text_input.h"
#include "ui/ui_common.h"

namespace chartmix::ui {

const CatalogueEntry* FindCatalogueEntry(const AppState& state, const char* id)
{
    const std::string local = std::string("local:") + id;
    for (const CatalogueEntry& e : state.Catalogue)
        if (e.Id == id || e.Id == local) return &e;
    return nullptr;
}

void OpenCatalogueEntry(AppState& state, const CatalogueEntry& entry)
{
    if (state.Host.LoadCatalogue) state.Host.LoadCatalogue(entry.Id);
    else if (state.Host.LoadUrl) state.Host.LoadUrl("catalog:" + entry.Id);
}

// "Melon daily, Genie daily and 4 more"
static std::string SourcesLine(const CatalogueEntry& e)
{
    std::string line;
    const size_t shown = e.Sources.size() <= 4 ? e.Sources.size() : 3;
    for (size_t i = 0; i < shown; i++) line += (i ? (i + 1 == e.Sources.size() ? " and " : ", ") : "") + e.Sources[i];
    if (shown < e.Sources.size()) line += " and " + std::to_string(e.Sources.size() - shown) + " more";
    return line;
}

static bool DrawEntry(AppState& state, const CatalogueEntry& e)
{
    ImGui::PushID(e.Id.c_str());
    const float wrap = ImGui::GetContentRegionAvail().x;
    // The title row is the target: a row as wide as the list that mouse, touch and keyboard all
    // reach, its title wrapped (a phone is narrower than most titles) and in the accent colour.
    const float pad = ImGui::GetStyle().FramePadding.y;
    const ImVec2 title_size = ImGui::CalcTextSize(e.Title.c_str(), nullptr, false, wrap);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    bool open = ImGui::Selectable("##entry", false, ImGuiSelectableFlags_None, ImVec2(wrap, title_size.y + pad * 2.0f));
    ProbeItem(("open.entry." + e.Id).c_str());
    HelpTooltip("Load this dataset.");
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x, at.y + pad), ImGui::GetColorU32(ImGuiCol_CheckMark),
                                        e.Title.c_str(), nullptr, wrap);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    if (!e.Description.empty()) ImGui::TextWrapped("%s", e.Description.c_str());
    std::string facts = SourcesLine(e);
    if (!e.FirstPeriod.empty()) facts += "  \xC2\xB7  " + (e.FirstPeriod == e.LastPeriod ? e.FirstPeriod : e.FirstPeriod + " to " + e.LastPeriod);
    if (e.SizeBytes > 0) facts += "  \xC2\xB7  " + FormatByteSize(e.SizeBytes);
    ImGui::TextDisabled("%s", facts.c_str());
    if (std::string credit = CatalogueCredit(e); !credit.empty()) ImGui::TextDisabled("%s", credit.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::PopID();
    if (open) OpenCatalogueEntry(state, e);
    return open;
}

void OpenDialog::Draw(AppState& state)
{
    const char* title = "Open a chart";
    if (state.ShowOpenDialog && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const ImVec2 size(ImMin(viewport->WorkSize.x - em, em * 48.0f), viewport->WorkSize.y - em * 2.0f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + em), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    bool keep = true;
    if (!BeginDialog(title, &keep)) {
        state.ShowOpenDialog = false;
        return;
    }
    bool close = !keep;
    const bool appearing = ImGui::IsWindowAppearing();
    ImGui::TextWrapped("Pick a published chart, the simulated market, or your own files. Loading keeps your weights for every chart the new data has.");
    if (ImGui::Button("Simulated market")) {
        ReportStatus(state, state.ActiveSession.LoadDemo(1));
        close = true;
    }
    ProbeItem("open.demo");
    HelpTooltip("Invented songs on invented platforms with a known true popularity: the classroom's market.");
    if (state.Host.OpenFiles) {
        ImGui::SameLine();
        if (ImGui::Button("Your own files\xE2\x80\xA6")) {
            state.Host.OpenFiles();
            close = true;
        }
        ProbeItem("open.files");
        HelpTooltip("A chart CSV, a JSON chart, or a manifest with the files it maps (docs/dataset-format.md). You can also drop files on the app.");
    }
    if (state.Host.LoadUrl) {
        const float load_w = ImGui::CalcTextSize("Load").x + ImGui::GetStyle().FramePadding.x * 2.0f;
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - load_w - ImGui::GetStyle().ItemSpacing.x);
        bool go = ImGui::InputTextWithHint("##url", "or a web address of a CSV, JSON file or manifest", Url, sizeof(Url), ImGuiInputTextFlags_EnterReturnsTrue);
        OfferNativeTextInput(state, Url);
        go |= NativeTextInputSubmitted(state);
        ProbeItem("open.url");
        ImGui::SameLine();
        go |= ImGui::Button("Load");
        ProbeItem("open.url.load");
        if (go && Url[0]) {
            state.Host.LoadUrl(Url);
            close = true;
        }
    }
    ImGui::Separator();
    ImGui::BeginChild("entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), false);
    if (appearing) ImGui::SetScrollY(0.0f);  // the list opens at its top, where the starting points are
    // The list's visible rectangle (tests scroll over it as a person would).
    ProbeRect("open.list", ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    if (state.Catalogue.empty()) {
        ImGui::TextWrapped("%s", state.CatalogueStatus.empty() ? "No published charts are listed here." : state.CatalogueStatus.c_str());
    }
    std::string group = "\x01";
    for (const CatalogueEntry& e : state.Catalogue) {
        if (e.Group != group) {
            group = e.Group;
            ImGui::Spacing();
            ImGui::TextDisabled("%s", group.empty() ? "Published charts" : group.c_str());
            ImGui::Separator();
        }
        close |= DrawEntry(state, e);
    }
    ImGui::EndChild();
    if (ImGui::Button("Close") || (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))) close = true;
    ProbeItem("open.close");
    if (close) {
        state.ShowOpenDialog = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace chartmix::ui
