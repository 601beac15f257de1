// The page's part in keyboard and touch (web/chartmix-page.js): whether a Tab leaves the canvas,
// the keyboard arriving or leaving, a touch the browser took over, and the kind of pointer.
#include <emscripten.h>

#include "app/window.h"
#include "ui/app_state.h"
#include "ui/keyboard_focus.h"
#include "web/web_state.h"

extern "C" {

// 1 when this Tab (backwards: Shift+Tab) passes the canvas's last (first) control: the page lets
// the browser move the focus on, and the app never sees the key.
EMSCRIPTEN_KEEPALIVE int chartmix_tab_leaves(int backwards)
{
    chartmix::ui::AppState* state = chartmix::web::State();
    return state && chartmix::ui::TabLeavesCanvas(backwards != 0) ? 1 : 0;
}

// The keyboard arrived by Tab (1: show the focus on the first control) or Shift+Tab (-1: the last),
// or left the canvas (0: no control shows focus).
EMSCRIPTEN_KEEPALIVE void chartmix_keyboard_focus(int how)
{
    chartmix::ui::AppState* state = chartmix::web::State();
    if (!state) return;
    if (how == 0) state->Keyboard.Leave = true;
    else state->Keyboard.Enter = how > 0 ? 1 : -1;
}

// The browser scrolled the page with the finger on the canvas (touchcancel): no tap comes of it.
EMSCRIPTEN_KEEPALIVE void chartmix_cancel_touch()
{
    if (chartmix::app::Window* window = chartmix::app::CurrentWindow()) chartmix::app::PointerCancelTouch(&window->Pointer);
}

// The page's guess before any pointer is used ('pointer: coarse' on a touch screen): bigger hit areas.
EMSCRIPTEN_KEEPALIVE void chartmix_set_coarse_pointer(int coarse)
{
    if (chartmix::ui::AppState* state = chartmix::web::State()) state->CoarsePointer = coarse != 0;
}

} // extern "C"
