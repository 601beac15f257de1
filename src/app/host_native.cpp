#ifndef __EMSCRIPTEN__
#include "app/host.h"

namespace chartmix::app {

void HostFrameDrawn(int) {}

} // namespace chartmix::app
#endif
