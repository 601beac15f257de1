// Compiled, never run, by the "dropped_result" test: a Result dropped on the floor must not build.
#include "core/base/result.h"

chartmix::Status Check() { return chartmix::OkStatus(); }

void DropsIt() { Check(); }
