#include "ui/top_bar.h"
#include "ui/ui_probe.h"

#include <climits>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/rank/mix_json.h"
#include "core/session/ranking_export.h"
#include "core/session/view_state.h"
#include "ui/explorer.h"
#include "ui/ui_common.h"
#include "ui/theme_colors.h"

namespace chartmix::ui {

constexpr int kNoticeLines = 2;  // the notice's height before "details"

static void DrawPeriodCombo(AppState& state)
{
    Session& session = state.ActiveSession;
    const Dataset& data = session.Data();
    if (data.Periods.empty()) { ImGui::TextDisabled("no periods"); return; }
    int period = (int)session.Period();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    if (ImGui::BeginCombo("##period", data.Periods[(size_t)period].Label.c_str())) {
        ImGuiListClipper clipper;
        clipper.Begin((int)data.Periods.size());
        while (clipper.Step())
            for (int p = clipper.DisplayStart; p < clipper.DisplayEnd; p++)
                if (ImGui::Selectable(data.Periods[(size_t)p].Label.c_str(), p == period)) ReportStatus(state, session.SetPeriod((uint32_t)p));
        ImGui::EndCombo();
    }
    HelpTooltip("Tracking period of the chart (also: the slider in History).");
    ImGui::SameLine(0, 2);
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left) && period > 0) ReportStatus(state, session.SetPeriod((uint32_t)period - 1));
    ProbeItem("topbar.period.prev");
    ImGui::SameLine(0, 2);
    if (ImGui::ArrowButton("##next", ImGuiDir_Right) && period + 1 < (int)data.Periods.size()) ReportStatus(state, session.SetPeriod((uint32_t)period + 1));
    ProbeItem("topbar.period.next");
    ProbeValue("topbar.period", data.Periods[(size_t)session.Period()].Label);
}

static void DrawExportMenu(AppState& state)
{
    Session& session = state.ActiveSession;
    if (!ImGui::BeginPopup("export")) return;
    if (state.Host.SaveFigure) {
        // The open panel's chart with its title, mix and credit: what a page or a magazine prints.
        if (ImGui::MenuItem("Figure (PNG)")) state.Host.SaveFigure();
        ProbeItem("topbar.export.figure");
        HelpTooltip("The chart of the open panel as a picture at twice the screen's density, with its title, period, mix and data credit.");
    }
    if (state.Host.SaveFile) {
        if (ImGui::MenuItem("Ranking (CSV)")) {
            const Ranking& ranking = session.CurrentRanking();
            std::string name = "chartmix-" + (session.Data().Periods.empty() ? std::string("chart") : session.Data().Periods[session.Period()].Label) + ".csv";
            state.Host.SaveFile(name, "text/csv", RankingToCsv(session.GetEngine(), ranking));
        }
        if (ImGui::MenuItem("Mix (JSON)")) state.Host.SaveFile("chartmix-mix.json", "application/json", SerializeMix(session.CurrentMix()));
    }
    if (!state.Host.SaveFigure && !state.Host.SaveFile) ImGui::TextDisabled("Export is not available here.");
    ImGui::EndPopup();
}

void TopBar::Draw(AppState& state)
{
    Session& session = state.ActiveSession;
    const Dataset& data = session.Data();
    ImGui::AlignTextToFramePadding();
    if (data.Simulated) {
        ImGui::TextUnformatted("Simulated chart market");
        HelpTooltip(data.Name.c_str());
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::Caution), "invented songs");
        HelpTooltip("The built-in simulated market: invented songs and platforms with a known ground truth.");
    } else {
        // A long title wraps on a narrow screen rather than running off it.
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(data.Name.empty() ? "(no data)" : data.Name.c_str());
        ImGui::PopTextWrapPos();
        ProbeItem("topbar.title");
    }
    const float em = ImGui::GetFontSize();
    // The period picker and its arrows: on the title's line when they fit, else on their own (a phone).
    SameLineIfFits(em * 8.0f + ImGui::GetFrameHeight() * 2.0f + 8.0f);
    DrawPeriodCombo(state);
    if (!state.Compact) {
        SameLineIfFits(em * 4);
        if (ImGui::Button("Open\xE2\x80\xA6")) state.ShowOpenDialog = true;
        ProbeItem("topbar.open");
        HelpTooltip("Open a published chart, the simulated market, your own files or a web address.");
    }
    if (state.Host.CopyText) {
        SameLineIfFits(em * 5);
        if (ImGui::Button("Copy link")) {
            state.Host.CopyText("#" + EncodeViewState(session.CurrentView()));
            state.Notice = "Link copied: it opens this dataset, period, mix, selection and panel.";
            state.NoticeDetails.clear();
            state.NoticeIsError = false;
        }
        ProbeItem("topbar.copylink");
    }
    if (!state.Compact && !state.PublishedBase.empty()) {
        SameLineIfFits(em * 4);
        if (ImGui::Button("Embed")) state.ShowEmbedDialog = true;
        ProbeItem("topbar.embed");
        HelpTooltip("The code that puts this view into an article, as a widget readers can re-weight.");
    }
    if (state.Host.SaveFigure || state.Host.SaveFile) {
        SameLineIfFits(em * 4);
        if (ImGui::Button("Export")) ImGui::OpenPopup("export");
        ProbeItem("topbar.export");
        DrawExportMenu(state);
    }
    SameLineIfFits(em * 4);
    if (ImGui::Button(state.CurrentTheme == Theme::Dark ? "Light" : "Dark")) {
        state.CurrentTheme = state.CurrentTheme == Theme::Dark ? Theme::Light : Theme::Dark;
        ApplyTheme(state.CurrentTheme);
        if (state.Host.Remember) state.Host.Remember("theme", state.CurrentTheme == Theme::Dark ? "dark" : "light");
    }
    ProbeItem("topbar.theme");
    ProbeValue("topbar.theme", state.CurrentTheme == Theme::Dark ? "dark" : "light");
    HelpTooltip("Switch between the dark and the light theme.");
    if (state.Progress.Active) {
        const LoadProgress& p = state.Progress;
        float fraction = p.Total > 0 ? (float)(p.Received / p.Total) : -1.0f * (float)ImGui::GetTime();
        char overlay[96];
        if (p.Total > 0) std::snprintf(overlay, sizeof(overlay), "%.1f / %.1f MB", p.Received / 1e6, p.Total / 1e6);
        else std::snprintf(overlay, sizeof(overlay), "%.1f MB", p.Received / 1e6);
        ImGui::TextDisabled("Loading %s", p.What.c_str());
        ImGui::SameLine();
        ImGui::ProgressBar(fraction, ImVec2(em * 12, 0), overlay);
        if (state.Host.CancelLoad) {
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) state.Host.CancelLoad();
        }
    }
    if (!state.Notice.empty()) {
        ImVec4 color = state.NoticeIsError ? ImGui::ColorConvertU32ToFloat4(theme::Error) : ImGui::GetStyle().Colors[ImGuiCol_Text];
        // The text wraps short of the buttons, which sit to its right: a long notice on a phone
        // would otherwise fill the line and push them off screen. It takes two lines at most (on a
        // phone a load's notice ran to six, above the chart); the rest waits behind "details".
        const ImGuiStyle& style = ImGui::GetStyle();
        const float dismiss_w = ImGui::CalcTextSize("\xC3\x97").x + style.FramePadding.x * 2 + style.ItemSpacing.x;
        const float details_w = ImGui::CalcTextSize("details").x + style.FramePadding.x * 2 + style.ItemSpacing.x;
        const float avail = ImGui::GetContentRegionAvail().x;
        if (DetailsOf != state.Notice) { DetailsOf = state.Notice; ShowDetails = false; }
        bool cut = false;
        std::string shown = ClampLines(state.Notice, ImMax(em * 6, avail - dismiss_w), kNoticeLines, &cut);
        const bool more = cut || !state.NoticeDetails.empty();
        const float wrap_w = ImMax(em * 6, avail - dismiss_w - (more ? details_w : 0.0f));
        // Opened, the whole notice, broken by the same rule so a file name stays whole.
        if (more) shown = ClampLines(state.Notice, wrap_w, ShowDetails ? INT_MAX : kNoticeLines, &cut);
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap_w);
        ImGui::TextWrapped("%s", shown.c_str());
        ProbeItem("topbar.notice.text");
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ProbeValue("topbar.notice", state.Notice);
        ProbeValue("topbar.notice.shown", shown);
        ImGui::SameLine();
        if (ImGui::SmallButton("\xC3\x97##dismiss")) { state.Notice.clear(); state.NoticeDetails.clear(); }
        ProbeItem("topbar.notice.dismiss");
        // The details wait behind a button: on a phone they would push the chart off screen.
        if (more) {
            ImGui::SameLine();
            if (ImGui::SmallButton(ShowDetails ? "less" : "details")) ShowDetails = !ShowDetails;
            ProbeItem("topbar.notice.details");
        }
        if (ShowDetails && !state.NoticeDetails.empty()) {
            HintWrapped("%s", state.NoticeDetails.c_str());
            ProbeItem("topbar.notice.notes");
        }
    }
}

} // namespace chartmix::ui
