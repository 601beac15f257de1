#pragma once
// An allocation that fails inside the core throws std::bad_alloc (the browser build has wasm
// exception handling for this; see docs/reliability.md, "Memory"). Each place where a user action
// enters the core (a load, a mix, a ranking, a sweep, an export) runs its work through GuardMemory,
// which turns the throw into an Error, and changes its own state only once the work succeeded, so
// the dataset and the weights the user had stay.
#include <new>
#include <string_view>

#include "core/base/result.h"

namespace chartmix {

// "chartmix ran out of memory while <doing>; the data and the weights you had are kept. …"
// Memory may be full to the last byte when this runs: it first gives back a small reserve (taken
// by KeepMemoryReserve) so that the sentence, and the caller's copies of it, have room.
Error OutOfMemoryError(std::string_view doing);
// Takes the reserve again if a failure used it (one branch when it is held): GuardMemory calls it first.
void KeepMemoryReserve();

// Runs work(), which returns a Result, and turns std::bad_alloc into OutOfMemoryError(doing).
//   Status st = GuardMemory("loading the files", [&] { return Load(files); });
template <typename Work>
auto GuardMemory(std::string_view doing, Work&& work) -> decltype(work())
{
    KeepMemoryReserve();
    try {
        return work();
    } catch (const std::bad_alloc&) {
        return OutOfMemoryError(doing);
    }
}

} // namespace chartmix
