#include "app/pointer_input.h"

#include <cmath>

#include <SDL_timer.h>
#include <imgui_internal.h>

namespace chartmix::app {

namespace {

constexpr float kSlopPx = 8.0f;             // movement before a touch becomes a swipe or a drag
constexpr Uint32 kLongPressMs = 500;        // a finger held this long still shows tooltips
constexpr Uint32 kEmulatedMouseMs = 800;    // mouse events this soon after a touch are the browser's echo of it
constexpr float kFlingTimeConstant = 0.325f;  // seconds; the decay of a fling, as phones scroll
constexpr float kFlingStopSpeed = 20.0f;    // pixels a second

const ImVec2 kNowhere(-FLT_MAX, -FLT_MAX);

void Queue(PointerInput* in, PointerInput::Step::Kind what, ImVec2 pos = kNowhere, int button = 0)
{
    in->Queue.push_back({ what, pos, button });
}

// The front-most window under a point, as Dear ImGui finds the hovered one.
ImGuiWindow* WindowAt(ImVec2 p)
{
    ImGuiContext& g = *GImGui;
    for (int i = g.Windows.Size - 1; i >= 0; i--) {
        ImGuiWindow* w = g.Windows[i];
        if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
        if (w->OuterRectClipped.Contains(p)) return w;
    }
    return nullptr;
}

// The window a vertical swipe at p scrolls: the one under it, or the nearest parent that can scroll.
ImGuiID ScrollTarget(ImVec2 p)
{
    ImGuiWindow* w = WindowAt(p);
    while (w && (w->Flags & ImGuiWindowFlags_ChildWindow) && (w->ScrollMax.y <= 0.0f || (w->Flags & ImGuiWindowFlags_NoScrollWithMouse)))
        w = w->ParentWindow;
    return w && w->ScrollMax.y > 0.0f ? w->ID : 0;
}

// Scrolls by dy pixels (content moves with the finger); false when the window is at its end.
bool ScrollBy(ImGuiID id, float dy)
{
    ImGuiWindow* w = id ? ImGui::FindWindowByID(id) : nullptr;
    if (!w) return false;
    const float target = ImClamp(w->Scroll.y - dy, 0.0f, w->ScrollMax.y);
    if (target == w->Scroll.y) return false;
    ImGui::SetScrollY(w, target);
    return true;
}

void AddSample(PointerInput* in, Uint32 ms, float y)
{
    if (in->SampleCount == IM_ARRAYSIZE(in->Samples)) {
        for (int i = 1; i < in->SampleCount; i++) in->Samples[i - 1] = in->Samples[i];
        in->SampleCount--;
    }
    in->Samples[in->SampleCount++] = ImVec2((float)ms, y);
}

// Pixels a second over the last ~100 ms of the swipe.
float ReleaseVelocity(const PointerInput& in, Uint32 now)
{
    if (in.SampleCount < 2) return 0.0f;
    const ImVec2 last = in.Samples[in.SampleCount - 1];
    if ((float)now - last.x > 100.0f) return 0.0f;  // the finger rested before lifting
    ImVec2 first = last;
    for (int i = in.SampleCount - 1; i >= 0 && last.x - in.Samples[i].x <= 100.0f; i--) first = in.Samples[i];
    const float dt = (last.x - first.x) / 1000.0f;
    return dt > 0.0f ? (last.y - first.y) / dt : 0.0f;
}

void FingerDown(PointerInput* in, ImVec2 p, SDL_FingerID finger, Uint32 now)
{
    // A touch on the gliding list only stops it, as on a phone; a touch elsewhere stops it and is a touch.
    const bool stops_fling = in->Flinging && ScrollTarget(p) == in->ScrollWindow;
    in->Flinging = false;
    in->Velocity = 0.0f;
    in->FingerId = finger;
    in->Start = in->Last = p;
    in->StartMs = now;
    in->SampleCount = 0;
    AddSample(in, now, p.y);
    in->Touch = stops_fling ? PointerInput::Gesture::Ignored : PointerInput::Gesture::Pending;
}

void FingerMove(PointerInput* in, ImVec2 p, Uint32 now)
{
    using G = PointerInput::Gesture;
    const ImVec2 d(p.x - in->Start.x, p.y - in->Start.y);
    if (in->Touch == G::Pending && std::sqrt(d.x * d.x + d.y * d.y) > kSlopPx) {
        if (std::fabs(d.y) >= std::fabs(d.x) && (in->ScrollWindow = ScrollTarget(in->Start)) != 0) {
            in->Touch = G::Scrolling;
            in->PendingScroll += p.y - in->Start.y;
        } else {
            in->Touch = G::Pressing;  // a slider, or a swipe with nothing to scroll
            Queue(in, PointerInput::Step::Move, in->Start);
            Queue(in, PointerInput::Step::Down, in->Start, 0);
        }
    } else if (in->Touch == G::Scrolling) {
        in->PendingScroll += p.y - in->Last.y;
    }
    if (in->Touch == G::Pressing || in->Touch == G::LongPress) Queue(in, PointerInput::Step::Move, p);
    in->Last = p;
    AddSample(in, now, p.y);
}

void FingerUp(PointerInput* in, Uint32 now, bool cancelled)
{
    using G = PointerInput::Gesture;
    switch (in->Touch) {
    case G::Pending:
        if (cancelled) break;
        Queue(in, PointerInput::Step::Move, in->Start);  // a tap: hover, press, release, then no hover
        Queue(in, PointerInput::Step::Down, in->Start, 0);
        Queue(in, PointerInput::Step::Up, in->Start, 0);
        break;
    case G::Pressing: Queue(in, PointerInput::Step::Up, in->Last, 0); break;
    case G::Scrolling:
        in->Velocity = cancelled ? 0.0f : ReleaseVelocity(*in, now);
        in->Flinging = std::fabs(in->Velocity) > kFlingStopSpeed * 5.0f;
        break;
    default: break;
    }
    Queue(in, PointerInput::Step::Leave);
    in->Touch = G::None;
}

} // namespace

bool PointerEvent(PointerInput* in, const SDL_Event& e, int window_w, int window_h)
{
    const Uint32 now = SDL_GetTicks();
    switch (e.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        in->LastTouchMs = now;
        in->Kind = PointerInput::Finger;
        const ImVec2 p(e.tfinger.x * (float)window_w, e.tfinger.y * (float)window_h);
        if (e.type == SDL_FINGERDOWN) {
            if (in->Touch == PointerInput::Gesture::None) FingerDown(in, p, e.tfinger.fingerId, now);
        } else if (e.tfinger.fingerId == in->FingerId && in->Touch != PointerInput::Gesture::None) {
            if (e.type == SDL_FINGERMOTION) FingerMove(in, p, now);
            else FingerUp(in, now, false);
        }
        return true;
    }
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
        const bool emulated = (e.type == SDL_MOUSEMOTION ? e.motion.which : e.button.which) == SDL_TOUCH_MOUSEID;
        if (emulated || now - in->LastTouchMs < kEmulatedMouseMs) return true;
        in->Kind = PointerInput::Mouse;
        if (e.type == SDL_MOUSEMOTION) { Queue(in, PointerInput::Step::Move, ImVec2((float)e.motion.x, (float)e.motion.y)); return true; }
        const int button = e.button.button == SDL_BUTTON_LEFT ? 0 : e.button.button == SDL_BUTTON_RIGHT ? 1 : e.button.button == SDL_BUTTON_MIDDLE ? 2 : -1;
        if (button < 0) return true;
        const ImVec2 p((float)e.button.x, (float)e.button.y);
        Queue(in, PointerInput::Step::Move, p);
        Queue(in, e.type == SDL_MOUSEBUTTONDOWN ? PointerInput::Step::Down : PointerInput::Step::Up, p, button);
        return true;
    }
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_LEAVE && !(in->Down[0] || in->Down[1] || in->Down[2])) Queue(in, PointerInput::Step::Leave);
        if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST)
            for (int b = 0; b < 3; b++) if (in->Down[b]) Queue(in, PointerInput::Step::Up, in->Pos, b);
        return false;
    default: return false;
    }
}

void PointerCancelTouch(PointerInput* in)
{
    if (in && in->Touch != PointerInput::Gesture::None) FingerUp(in, SDL_GetTicks(), true);
}

void PointerNewFrame(PointerInput* in, float dt)
{
    using G = PointerInput::Gesture;
    // Pointer steps: moves merge, but a press or release never shares a frame with a move or with
    // another press or release, so Dear ImGui sees where the pointer is before it sees the button.
    bool moved = false;
    while (!in->Queue.empty()) {
        const PointerInput::Step s = in->Queue.front();
        const bool button = s.What == PointerInput::Step::Down || s.What == PointerInput::Step::Up;
        if (button) {
            const bool changes = in->Down[s.Button] != (s.What == PointerInput::Step::Down);
            if (moved && changes) break;
            in->Queue.pop_front();
            if (!changes) continue;
            in->Down[s.Button] = s.What == PointerInput::Step::Down;
            break;
        }
        const ImVec2 p = s.What == PointerInput::Step::Leave ? kNowhere : s.Pos;
        if (p.x == in->Pos.x && p.y == in->Pos.y) { in->Queue.pop_front(); continue; }
        in->Pos = p;
        moved = true;
        in->Queue.pop_front();
    }
    // A finger held still becomes a hover, so tooltips show.
    if (in->Touch == G::Pending && SDL_GetTicks() - in->StartMs >= kLongPressMs) {
        in->Touch = G::LongPress;
        in->Pos = in->Last;
    }
    if (in->Touch == G::Scrolling && in->PendingScroll != 0.0f) {
        ScrollBy(in->ScrollWindow, in->PendingScroll);
        in->PendingScroll = 0.0f;
    } else if (in->Flinging && dt > 0.0f) {
        const bool moved_window = ScrollBy(in->ScrollWindow, in->Velocity * dt);
        in->Velocity *= std::exp(-dt / kFlingTimeConstant);
        if (!moved_window || std::fabs(in->Velocity) < kFlingStopSpeed) in->Flinging = false;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = in->Pos;
    for (int b = 0; b < 3; b++) io.MouseDown[b] = in->Down[b];
}

} // namespace chartmix::app
