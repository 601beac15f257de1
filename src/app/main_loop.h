#pragma once
// Runs one frame function until it returns false. Natively a plain loop; in the browser the frame
// is called from requestAnimationFrame, so main() can read sequentially on both platforms.
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace chartmix::app {

using FrameFn = bool (*)(void* user);

inline void RunMainLoop(FrameFn frame, void* user)
{
#ifdef __EMSCRIPTEN__
    struct Ctx { FrameFn Frame; void* User; };
    static Ctx ctx;
    ctx = Ctx{ frame, user };
    emscripten_set_main_loop_arg([](void* p) {
        Ctx* c = (Ctx*)p;
        if (!c->Frame(c->User)) emscripten_cancel_main_loop();
    }, &ctx, 0, false);
#else
    while (frame(user)) {}
#endif
}

} // namespace chartmix::app
