// The page learns from here that frames are drawn: Module.framesDrawn and a "chartmix:frame" event
// on the canvas after the first frame, which tests and the embed loader wait for.
#include <emscripten.h>

#include "app/host.h"

EM_JS(void, chartmix_js_frame_drawn, (int count), {
    Module["framesDrawn"] = count;
    if (count == 1 && Module["canvas"]) Module["canvas"].dispatchEvent(new CustomEvent("chartmix:ready"));
});

namespace chartmix::app {

void HostFrameDrawn(int frame_count) { chartmix_js_frame_drawn(frame_count); }

} // namespace chartmix::app
