#pragma once
// What the app tells the page that hosts it (the browser) or nobody (the desktop).
// Browser implementations live in src/web/, the desktop ones in src/app/host_native.cpp.
namespace chartmix::app {

// Called after each frame is presented; the page exposes the count as its readiness flag.
void HostFrameDrawn(int frame_count);

} // namespace chartmix::app
