#pragma once
// How much memory a load will ask for at its peak, estimated from its files' bytes before any of
// it is parsed, so the browser app can refuse a load that its fixed wasm memory (1 GiB, next to the
// dataset already loaded) cannot hold, instead of running out halfway (docs/reliability.md, "Memory").
#include <cstddef>
#include <string_view>

namespace chartmix {

// Bytes one data row costs at the peak of a load beyond its text (entry columns, duplicate checks,
// roll-ups, engine scores, and vector growth that doubles a column while the old one is still held).
constexpr size_t kLoadBytesPerRow = 400;

// A JSON file's rows are not lines: one row per this many bytes is a generous guess.
constexpr size_t kJsonBytesPerRow = 48;

// Bytes that loading file (name, bytes) adds at its peak beyond one copy of its bytes: a UTF-8 copy
// when the bytes are not UTF-8 (CP949 grows by at most half), and kLoadBytesPerRow per row the file
// seems to hold (its line ends; for .json its size over kJsonBytesPerRow).
size_t EstimateLoadGrowth(std::string_view name, std::string_view bytes);

} // namespace chartmix
