#pragma once
// Small helpers shared by the panels: names of panels, the official source, song labels and the
// "simulated" badge. Nothing here ranks or sorts.
#include <cstdint>
#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/app_state.h"

namespace chartmix::ui {

// The panels a shared link can name (Session::Panel); "sources" is the phone layout's first tab.
enum PanelId { Panel_Sources, Panel_Chart, Panel_History, Panel_Song, Panel_Compare, Panel_Sensitivity, Panel_Classroom, Panel_COUNT };
const char* PanelKey(int panel);    // "sources", "chart", ... (Session::Panel spelling)
const char* PanelTitle(int panel);  // "Sources", "Chart", ...
int PanelFromKey(std::string_view key);  // -1 when unknown

// How deep the composite chart goes for movement, history and chart runs: one History for all
// panels, so Session's cache holds (it keeps one top_n).
constexpr int kChartDepth = 100;

// Words for people, for everything on screen; the keys (MethodName, ...) stay in files, links and the CLI.
const char* MethodTitle(Method method);                // "Weighted sum", "Borda count", ...
const char* NormalizationTitle(Normalization norm);    // "Share of units", "Rank points", ...
const char* SourceKindTitle(SourceKind kind, bool official);  // "Audio streams", "Official charts (for comparison)"

// Index of the first official composite chart in the data, or -1.
int OfficialSource(const Dataset& data);
// Writes "Title — Artist" into buf (truncated to size).
void FormatSong(const Dataset& data, uint32_t song, char* buf, size_t size);
// A hint in the disabled text colour, wrapped at the panel's edge (a sentence must not run off a
// phone) the way ClampLines breaks lines.
void HintWrapped(const char* fmt, ...) IM_FMTARGS(1);
// `text` wrapped at `wrap_width` with explicit newlines, kept to `max_lines` lines: a longer text
// ends its last line with "…" and sets *cut. Lines break at blanks; a word too long for a line (a
// path) is cut after its last separator that fits. TextWrapped draws the result with these breaks.
std::string ClampLines(std::string_view text, float wrap_width, int max_lines, bool* cut);
// Text of a string_view without copying.
void TextView(std::string_view text);
// A small coloured "SIMULATED DATA" tag, drawn when the dataset is simulated.
void SimulatedBadge(const Dataset& data);
// The same tag after the last item, on its line when it fits there, else on a line of its own.
void SimulatedBadgeBeside(const Dataset& data);
// Shows `text` as a tooltip on the last item when hovered (wrapped at a readable width).
void HelpTooltip(const char* text);
// Begins a modal dialog drawn opaque over the app (the app behind waits); EndPopup() when true.
bool BeginDialog(const char* title, bool* open);
// Puts the next item, `width` wide, on the current line when it fits there, else on a new line.
void SameLineIfFits(float width);
// Reports a failed core call in the notice line.
void ReportStatus(AppState& state, const Status& st);
// Selects a song (pins it): the first of Session::Selected().
void SelectSong(AppState& state, uint32_t song);
// The pinned song, or -1.
int64_t SelectedSong(AppState& state);

} // namespace chartmix::ui
