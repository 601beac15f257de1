#pragma once
// The mouse and touch screen as a person expects them, between SDL's events and Dear ImGui 1.86
// (which reads one pointer state per frame and has no touch scrolling):
// - one state change per frame: a pointer that moves and presses at once is first moved, then
//   pressed, so a tap or a fast click lands on the control under it, not the one hovered before;
// - a tap is a click; a vertical swipe scrolls the list or panel under the finger, with inertia
//   after the finger lifts; a sideways drag presses, so sliders follow the finger;
// - a long press shows what hovering shows on a desktop (tooltips), and lifting the finger ends
//   any hover, so a tooltip does not stay behind.
#include <deque>

#include <SDL_events.h>
#include <imgui.h>

namespace chartmix::app {

struct PointerInput {
    struct Step {
        enum Kind { Move, Down, Up, Leave } What;
        ImVec2 Pos;
        int Button;
    };
    std::deque<Step> Queue;
    ImVec2 Pos = ImVec2(-FLT_MAX, -FLT_MAX);
    bool Down[3] = {};
    enum { Unknown, Mouse, Finger } Kind = Unknown;  // the pointer used last

    enum class Gesture { None, Pending, Pressing, Scrolling, LongPress, Ignored } Touch = Gesture::None;
    SDL_FingerID FingerId = 0;
    ImVec2 Start, Last;
    Uint32 StartMs = 0, LastTouchMs = 0;
    ImGuiID ScrollWindow = 0;
    float PendingScroll = 0.0f;   // pixels the finger moved since the last frame
    float Velocity = 0.0f;        // pixels a second, for the fling after the finger lifts
    bool Flinging = false;
    ImVec2 Samples[8];            // (ms, y) of recent moves, for the release velocity
    int SampleCount = 0;
};

// Takes the mouse and finger events (true: consumed, the backend must not see it).
bool PointerEvent(PointerInput* input, const SDL_Event& event, int window_w, int window_h);
// After the backend's NewFrame: sets io.MousePos / io.MouseDown and scrolls, for this frame.
void PointerNewFrame(PointerInput* input, float delta_time);
// The browser took the touch (a page scroll started): the finger's lift is not a tap.
void PointerCancelTouch(PointerInput* input);

} // namespace chartmix::app
