#pragma once
// The mix document (docs/mix-format.md): parsing with errors that name the field, and one canonical
// serialization so that a mix in a URL, a preset or a file compares and caches by its bytes.
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "core/base/result.h"
#include "core/rank/mix.h"

namespace chartmix {

// Parses a mix document. Errors name the field ("weights.melon: must be a finite number >= 0").
Result<Mix> ParseMix(std::string_view text, std::string_view file_name = "");
// Parses a mix held in an already parsed JSON value; field names in errors start with prefix
// (presets use "presets.ichart.mix.").
Result<Mix> ParseMixValue(const rapidjson::Value& value, const std::string& prefix = "");
// Canonical compact JSON: fixed key order, selectors sorted, shortest round-trip numbers, only the
// settings the method uses. SerializeMix(*ParseMix(SerializeMix(m))) == SerializeMix(m).
std::string SerializeMix(const Mix& mix);

} // namespace chartmix
