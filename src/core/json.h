#pragma once
// JSON documents (manifests, mixes, JSON chart layouts) parsed with rapidjson from Debian's
// rapidjson-dev: fast, small in wasm, and iterative, so hostile nesting cannot overflow the stack.
#include <string>
#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/result.h"

namespace chartmix {

// Deeper documents are refused: no chart layout, manifest or mix needs more, and a limit keeps
// hostile input from costing memory and time.
constexpr int kMaxJsonDepth = 64;
// Longer numbers are refused too: chartmix writes at most 24 characters for a double, charts publish
// counts of a dozen digits, and rapidjson's full-precision parser reads out of bounds on long runs.
constexpr int kMaxJsonNumberChars = 64;

// 1-based line and column of a byte offset in a text (columns count bytes).
void LocateOffset(std::string_view text, size_t offset, int* line, int* column);

// Parses a JSON text. On failure the Error names the file, line and column and what is wrong.
Result<rapidjson::Document> ParseJson(std::string_view text, std::string_view file_name);

// Appends a JSON string literal (quoted and escaped) to out.
void AppendJsonString(std::string& out, std::string_view text);
// Appends a number the same way on every platform: integers without a fraction, others with up to
// 10 significant digits; NaN and infinities become null (they never reach output as numbers).
void AppendJsonNumber(std::string& out, double value);

} // namespace chartmix
