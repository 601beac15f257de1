#include "ui/ui_common.h"
#include "ui/theme_colors.h"
#include "ui/plot.h"

#include <algorithm>
#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include <imgui_internal.h>

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

const char* MethodTitle(Method method)
{
    switch (method) {
    case Method::WeightedSum: return "Weighted sum";
    case Method::Borda: return "Borda count";
    case Method::Dowdall: return "Dowdall (1/rank)";
    case Method::ReciprocalRank: return "Reciprocal rank fusion";
    case Method::PointsTable: return "Points table";
    case Method::Copeland: return "Copeland (pairwise wins)";
    case Method::Schulze: return "Schulze (beat-paths)";
    case Method::Kemeny: return "Kemeny (fewest disagreements)";
    case Method::Markov: return "Markov chain (MC4)";
    }
    return "";
}

const char* NormalizationTitle(Normalization norm)
{
    switch (norm) {
    case Normalization::Units: return "Units (converted)";
    case Normalization::MinMax: return "Min\xE2\x80\x93max within each chart";
    case Normalization::ZScore: return "z-score within each chart";
    case Normalization::Share: return "Share of units";
    case Normalization::RankPoints: return "Rank points";
    }
    return "";
}

const char* SourceKindTitle(SourceKind kind, bool official)
{
    if (official || kind == SourceKind::OfficialComposite) return "Official charts (for comparison)";
    switch (kind) {
    case SourceKind::PhysicalSales: return "Physical sales";
    case SourceKind::Download: return "Downloads";
    case SourceKind::AudioStreams: return "Audio streams";
    case SourceKind::VideoStreams: return "Video streams";
    case SourceKind::Airplay: return "Airplay";
    case SourceKind::Social: return "Social";
    case SourceKind::OfficialComposite: break;
    case SourceKind::Other: return "Other charts";
    }
    return "Other charts";
}

bool BeginDialog(const char* title, bool* open)
{
    // Opaque: the chart's rows showed through the translucent popup background.
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    bg.w = 1.0f;
    ImGui::PushStyleColor(ImGuiCol_PopupBg, bg);
    const bool shown = ImGui::BeginPopupModal(title, open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    // Escape closes a dialog as its close button does (a text field being edited takes it first).
    if (shown && open && !ImGui::IsAnyItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) *open = false;
    return shown;
}

void SameLineIfFits(float width)
{
    const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
    if (right < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
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

void HintWrapped(const char* fmt, ...)
{
    ImGuiTextBuffer text;
    va_list args;
    va_start(args, fmt);
    text.appendfv(fmt, args);
    va_end(args);
    // Broken as the top bar's notice is, so a file name in a hint stays whole.
    bool cut = false;
    const std::string lines = ClampLines(std::string_view(text.c_str(), text.size()), ImMax(1.0f, ImGui::GetContentRegionAvail().x), INT_MAX, &cut);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(lines.data(), lines.data() + lines.size());
    ImGui::PopStyleColor();
}

static bool IsBlankOrNewline(char c) { return ImCharIsBlankA(c) || c == '\n'; }
// Where a word too long for a line may be cut: after punctuation or a path or name separator.
static bool IsBreakAfter(char c) { return c != 0 && std::strchr("._-/:,;!?\"", c) != nullptr; }

// Where the line starting at `s` ends. Dear ImGui's word wrap also breaks inside a word after
// punctuation, which splits a file name ("monthly.\ncsv", "../../.\n./shared"); this breaks as a
// browser does (overflow-wrap: break-word) instead: before the word, or, when the word starts the
// line and is too long for it, after its last separator that fits ("datasets/\ncircle-…").
static const char* LineEnd(ImFont* font, float size, const char* s, const char* end, float wrap_width)
{
    const char* eol = font->CalcWordWrapPositionA(size / font->FontSize, s, end, wrap_width);
    if (eol > s && eol < end && !IsBlankOrNewline(*eol) && !IsBlankOrNewline(eol[-1])) {
        const char* word = eol;
        while (word > s && !IsBlankOrNewline(word[-1])) word--;
        if (word > s) {
            eol = word;
            while (eol > s && ImCharIsBlankA(eol[-1])) eol--;  // the blanks before the word end no line
        } else {
            const char* word_end = eol;
            while (word_end < end && !IsBlankOrNewline(*word_end)) word_end++;
            const char* fit = word_end;
            font->CalcTextSizeA(size, wrap_width, 0.0f, s, word_end, &fit);
            eol = fit;
            while (eol > s && !IsBreakAfter(eol[-1])) eol--;
            if (eol == s) eol = fit;  // no separator: cut where the width ends, as Dear ImGui does
        }
    }
    if (eol == s) {  // a line too narrow for one character still takes one, as TextWrapped does
        unsigned int c = 0;
        eol += ImMax(1, ImTextCharFromUtf8(&c, s, end));
    }
    return eol;
}

std::string ClampLines(std::string_view text, float wrap_width, int max_lines, bool* cut)
{
    IM_ASSERT(max_lines >= 1);
    ImFont* font = ImGui::GetFont();
    const char* s = text.data();
    const char* end = s + text.size();
    std::string out;
    *cut = false;
    for (int line = 0; s < end; line++) {
        if (line == max_lines - 1) {
            // The last line allowed: the rest of the text on one line, cut to the width.
            std::string rest(s, end);
            std::replace(rest.begin(), rest.end(), '\n', ' ');
            std::string fitted = FitText(rest, wrap_width);
            *cut = fitted.size() != rest.size();
            out += fitted;
            break;
        }
        const char* eol = LineEnd(font, ImGui::GetFontSize(), s, end, wrap_width);
        out.append(s, eol);
        s = eol;
        // After a break, Dear ImGui skips the blanks and one newline that follow.
        while (s < end && ImCharIsBlankA(*s)) s++;
        if (s < end && *s == '\n') s++;
        if (s < end) out += '\n';
    }
    return out;
}

void TextView(std::string_view text)
{
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

static const char kSimulatedTag[] = "SIMULATED DATA";

void SimulatedBadge(const Dataset& data)
{
    if (!data.Simulated) return;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::Caution), "%s", kSimulatedTag);
    HelpTooltip("These charts come from chartmix's built-in simulated market, not from any real chart. "
                "Song and artist names are invented.");
}

void SimulatedBadgeBeside(const Dataset& data)
{
    if (!data.Simulated) return;
    SameLineIfFits(ImGui::CalcTextSize(kSimulatedTag).x);
    SimulatedBadge(data);
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
    state.NoticeDetails = st.Err().Details;
    state.NoticeIsError = true;
}

void SelectSong(AppState& state, uint32_t song)
{
    std::vector<uint32_t>& selected = state.ActiveSession.Selected();
    if (selected.size() == 1 && selected[0] == song) return;
    selected.assign(1, song);
    state.ActiveSession.Touch();
}

int64_t SelectedSong(AppState& state)
{
    const std::vector<uint32_t>& selected = state.ActiveSession.Selected();
    if (selected.empty() || selected[0] >= state.ActiveSession.Data().Songs.size()) return -1;
    return selected[0];
}

} // namespace chartmix::ui
