#include "ui/ui_common.h"

#include <cstdio>

namespace chartmix::ui {

static const char* const kPanelKeys[Panel_COUNT] = { "sources", "chart", "history", "song", "compare", "sensitivity", "classroom" };
static const char* const kPanelTitles[Panel_COUNT] = { "Sources", "Chart", "History", "Song", "Compare", "Sensitivity", "Classroom" };

const char* PanelKey(int panel) { return panel >= 0 && panel < Panel_COUNT ? kPanelKeys[panel] : "chart"; }
const char* PanelTitle(int panel) { return panel >= 0 && panel < Panel_COUNT ? kPanelTitles[panel] : "Chart"; }

int PanelFromKey(std::string_view key)
{
    for (int i = 0; i < Panel_COUNT; i++)
        if (key == kPanelKeys[i]) return i;
    return -1;
}

int OfficialSource(const Dataset& data)
{
    for (size_t s = 0; s < data.Sources.size(); s++)
        if (data.Sources[s].IsOfficial) return (int)s;
    return -1;
}

void FormatSong(const Dataset& data, uint32_t song, char* buf, size_t size)
{
    if (song >= data.Songs.size()) { std::snprintf(buf, size, "?"); return; }
    std::string_view t = data.SongTitle(song), a = data.SongArtist(song);
    std::snprintf(buf, size, "%.*s \xE2\x80\x94 %.*s", (int)t.size(), t.data(), (int)a.size(), a.data());
}

void TextView(std::string_view text)
{
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

void SimulatedBadge(const Dataset& data)
{
    if (!data.Simulated) return;
    ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.15f, 1.0f), "SIMULATED DATA");
    HelpTooltip("These charts come from chartmix's built-in simulated market, not from any real chart. "
                "Song and artist names are invented.");
}

void HelpTooltip(const char* text)
{
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void ReportStatus(AppState& state, const Status& st)
{
    if (st) return;
    state.Notice = st.Err().ToString();
    state.NoticeIsError = true;
}

void SelectSong(AppState& state, uint32_t song)
{
    std::vector<uint32_t>& selected = state.Session_.Selected();
    if (selected.size() == 1 && selected[0] == song) return;
    selected.assign(1, song);
    state.Session_.Touch();
}

int64_t SelectedSong(AppState& state)
{
    const std::vector<uint32_t>& selected = state.Session_.Selected();
    if (selected.empty() || selected[0] >= state.Session_.Data().Songs.size()) return -1;
    return selected[0];
}

} // namespace chartmix::ui
