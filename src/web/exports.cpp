// The JS API: a handful of coarse C functions taking and returning JSON or bytes (listed in
// exports.txt). web/chartmix.js wraps them and turns status codes into exceptions.
#include <emscripten.h>

extern "C" {

// The version string of the core, e.g. "0.1.0".
EMSCRIPTEN_KEEPALIVE const char* chartmix_version() { return CHARTMIX_VERSION; }

}
