#include "core/base/out_of_memory.h"

#include <cstdlib>
#include <string>

namespace chartmix {

namespace {
// Room for the sentence and the notices made from it (a few hundred bytes each): what the failed
// work allocated is freed on the way out, but memory held elsewhere (other data, the page) is not.
constexpr size_t kReserveBytes = size_t(64) << 10;
void* g_reserve = nullptr;
} // namespace

void KeepMemoryReserve()
{
    if (!g_reserve) g_reserve = std::malloc(kReserveBytes);
}

Error OutOfMemoryError(std::string_view doing)
{
    std::free(g_reserve);
    g_reserve = nullptr;
    Error e = MakeError("chartmix ran out of memory while " + std::string(doing) +
                        "; the data and the weights you had are kept. Reloading the page frees the memory the app holds.");
    e.Details = "docs/reliability.md, \"Memory\"";
    return e;
}

} // namespace chartmix
