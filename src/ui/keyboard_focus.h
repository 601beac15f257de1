#pragma once
// Keyboard focus across the whole canvas: Tab and Shift+Tab walk every control of every panel in
// reading order (top bar, then the panels left to right) and hand the keyboard back to the page
// at either end; inside a menu or a dialog they stay in it. Arrow keys, Page Up/Down, Home and End
// change a focused slider. Dear ImGui 1.86 alone tabs within one window and needs Space before
// arrows reach a slider.
#include <imgui.h>

namespace chartmix::ui {

struct AppState;

// Keys the host saw since the last frame, for the focus ring and sliders (not given to Dear ImGui).
struct KeyboardRequests {
    int TabSteps = 0;     // +1 per Tab, -1 per Shift+Tab
    int Enter = 0;        // the keyboard arrived: +1 at the first control, -1 at the last (0: no)
    bool Leave = false;   // the keyboard left the canvas: no control shows focus
    int SliderSteps = 0;  // arrows on a focused slider: +1 right/up, -1 left/down
    int SliderPages = 0;  // Page Up / Page Down: a tenth of the range
    int SliderEnd = 0;    // Home (-1) or End (+1)
    ImGuiID SliderSeen = 0;  // the focused slider of the last frame, as it reported itself
};

// Between the backend's NewFrame and ImGui::NewFrame, with the keys pressed since the last frame
// (codes as in io.KeyMap): arrow keys meant for a focused slider are taken from Dear ImGui (it
// would move the focus instead) into state.Keyboard, and Enter presses a focused button.
void RouteKeys(AppState& state, const int* pressed_keys, int count);

// Start of the frame's UI: applies Tab steps and enter/leave requests to the last frame's controls.
void UpdateKeyboardFocus(AppState& state);

// True when the next Tab (or Shift+Tab when backwards) would pass the last (first) control: the
// page then lets the browser move the focus out of the canvas.
bool TabLeavesCanvas(bool backwards);

// Call right after a slider: arrow keys change it while it has the keyboard focus. Returns true
// when the value changed this frame.
bool KeyboardSliderInt(AppState& state, int* value, int lo, int hi);
bool KeyboardSliderRatio(AppState& state, double* value, double lo, double hi, bool logarithmic);

} // namespace chartmix::ui
