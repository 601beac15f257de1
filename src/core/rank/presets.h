#pragma once
// Built-in mixes that reproduce published charts. They are data (assets/presets.json, compiled in), parsed by the
// same mix parser as user mixes, and every number carries a citation and an honesty label.
//
// Presets name sources by conventional key patterns ("melon*", "streams-paid*") or by kind and
// region ("kind:airplay"), so they apply to any dataset whose keys follow docs/mix-format.md;
// a pattern that matches nothing is skipped instead of failing.
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/rank/mix.h"

namespace chartmix {

// How far a number can be trusted.
enum class Honesty : uint8_t {
    Official,  // published by the chart itself
    Press,     // reported by press or the chart's partners, not in an official rule book
    Estimate,  // our estimate: the chart never published it
};
const char* HonestyName(Honesty h);  // "official", "press", "estimate"

struct PresetNumber {
    std::string Field;     // "weights.melon*", "ratios.streams-paid*", "cutoff"
    double Value = 0.0;
    Honesty Label = Honesty::Estimate;
    std::string Citation;  // URL or reference
};

struct Preset {
    std::string Name;         // "ichart", "billboard-200-2018", used on the command line and in URLs
    std::string Title;
    std::string Description;
    bool WeightsPublished = true;  // false: the chart never published its weights; all numbers are estimates
    Mix Mix_;
    std::vector<PresetNumber> Numbers;
};

// All presets, parsed once on first use (the data is compiled in; a parse failure is a programmer error).
const std::vector<Preset>& Presets();
// The preset with this name, or nullptr.
const Preset* FindPreset(std::string_view name);
// A mix from JSON text, or from a preset name when the text is not JSON. Unknown names are an
// error naming the field "mix" and listing the presets.
Result<Mix> MixFromTextOrPreset(std::string_view text, std::string_view file_name = "");
// The preset list as JSON: name, title, description, weights_published, mix (canonical) and numbers.
std::string PresetsToJson();
// The raw preset document (for tests and docs).
const char* PresetsJsonText();

} // namespace chartmix
