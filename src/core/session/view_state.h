#pragma once
// The view a user shares: which dataset, which period, which mix, which songs and which panel.
// It travels in the URL fragment in a compact, versioned form:
//   #v1&d=demo&p=2023-W10&m=<base64url of the canonical mix JSON>&s=12.40&v=chart
// Unknown keys are ignored (newer links open in older builds); anything malformed is refused
// with a sentence, and the caller keeps its defaults.
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace chartmix {

struct ViewState {
    std::string DatasetRef;          // "demo", "demo:7" (seed), "url:https://…", "catalog:<id>", "file:<name>"
    std::string PeriodLabel;         // "" = the latest period
    std::string MixJson;             // canonical mix document; "" = the dataset's default mix
    std::vector<uint32_t> Selected;  // selected song ids (stable for the same dataset reference)
    std::string Panel;               // "chart", "history", "song", "compare", "sensitivity", "classroom"
};

// Limits that keep a hostile fragment cheap to refuse.
constexpr size_t kMaxFragmentBytes = 20000;  // above the worst case of the field limits below, encoded
constexpr size_t kMaxSelectedSongs = 64;
constexpr size_t kMaxDatasetRefBytes = 2048;
constexpr size_t kMaxPeriodLabelBytes = 64;
constexpr size_t kMaxMixJsonBytes = 8192;
constexpr size_t kMaxPanelNameBytes = 24;
// Within these limits an encoded view always fits kMaxFragmentBytes, so every view that decodes
// also encodes to a link that decodes again.

// Encodes a view as a URL fragment (without the leading '#').
std::string EncodeViewState(const ViewState& view);
// Decodes a fragment (with or without '#'). Errors name the part at fault, e.g. "m: not base64url".
Result<ViewState> DecodeViewState(std::string_view fragment);

// base64url without padding (RFC 4648 section 5).
std::string Base64UrlEncode(std::string_view bytes);
// Returns false for characters outside the base64url alphabet or an impossible length.
bool Base64UrlDecode(std::string_view text, std::string* out);

} // namespace chartmix
