#include "core/session/view_state.h"

#include <cstdlib>

namespace chartmix {

static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string Base64UrlEncode(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        uint32_t v = ((uint8_t)bytes[i] << 16) | ((uint8_t)bytes[i + 1] << 8) | (uint8_t)bytes[i + 2];
        out += kAlphabet[v >> 18];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    if (size_t rest = bytes.size() - i; rest > 0) {
        uint32_t v = (uint8_t)bytes[i] << 16;
        if (rest == 2) v |= (uint8_t)bytes[i + 1] << 8;
        out += kAlphabet[v >> 18];
        out += kAlphabet[(v >> 12) & 63];
        if (rest == 2) out += kAlphabet[(v >> 6) & 63];
    }
    return out;
}

static int DecodeChar(char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

bool Base64UrlDecode(std::string_view text, std::string* out)
{
    if (text.size() % 4 == 1) return false;
    out->clear();
    out->reserve(text.size() * 3 / 4);
    uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
        int v = DecodeChar(c);
        if (v < 0) return false;
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out->push_back((char)((acc >> bits) & 0xFF));
        }
    }
    return true;
}

// Percent-encodes everything but unreserved characters, so a dataset URL survives inside the fragment.
static std::string PercentEncode(std::string_view text)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                     c == '.' || c == '~' || c == ':' || c == '/';
        if (plain) out += (char)c;
        else { out += '%'; out += hex[c >> 4]; out += hex[c & 15]; }
    }
    return out;
}

static int DecodeHex(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static bool PercentDecode(std::string_view text, std::string* out)
{
    out->clear();
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] != '%') { out->push_back(text[i]); continue; }
        if (i + 2 >= text.size()) return false;
        int hi = DecodeHex(text[i + 1]), lo = DecodeHex(text[i + 2]);
        if (hi < 0 || lo < 0) return false;
        out->push_back((char)(hi * 16 + lo));
        i += 2;
    }
    return true;
}

std::string EncodeViewState(const ViewState& view)
{
    std::string out = "v1";
    if (!view.DatasetRef.empty()) out += "&d=" + PercentEncode(view.DatasetRef);
    if (!view.PeriodLabel.empty()) out += "&p=" + PercentEncode(view.PeriodLabel);
    if (!view.MixJson.empty()) out += "&m=" + Base64UrlEncode(view.MixJson);
    if (!view.Selected.empty()) {
        out += "&s=";
        for (size_t i = 0; i < view.Selected.size(); i++) {
            if (i) out += '.';
            out += std::to_string(view.Selected[i]);
        }
    }
    if (!view.Panel.empty()) out += "&v=" + PercentEncode(view.Panel);
    return out;
}

static Error PartError(std::string_view part, std::string message)
{
    return MakeFieldError(std::string(part), std::move(message));
}

Result<ViewState> DecodeViewState(std::string_view fragment)
{
    if (!fragment.empty() && fragment[0] == '#') fragment.remove_prefix(1);
    if (fragment.size() > kMaxFragmentBytes)
        return MakeError("the link's view part is " + std::to_string(fragment.size()) + " bytes long; links from chartmix stay under " +
                         std::to_string(kMaxFragmentBytes) + ".");
    ViewState view;
    if (fragment.empty()) return view;
    size_t amp = fragment.find('&');
    std::string_view version = fragment.substr(0, amp);
    if (version != "v1") return MakeError("the link's view part starts with '" + std::string(version.substr(0, 16)) + "', not 'v1': it was not made by this version of chartmix.");
    std::string_view rest = amp == std::string_view::npos ? std::string_view() : fragment.substr(amp + 1);
    while (!rest.empty()) {
        size_t next = rest.find('&');
        std::string_view pair = rest.substr(0, next);
        rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
        if (pair.empty()) continue;
        size_t eq = pair.find('=');
        if (eq == std::string_view::npos) return PartError(pair.substr(0, 8), "expected key=value");
        std::string_view key = pair.substr(0, eq), value = pair.substr(eq + 1);
        if (key == "d") {
            if (!PercentDecode(value, &view.DatasetRef)) return PartError("d", "bad percent-encoding in the dataset reference");
        } else if (key == "p") {
            if (!PercentDecode(value, &view.PeriodLabel)) return PartError("p", "bad percent-encoding in the period");
        } else if (key == "v") {
            if (!PercentDecode(value, &view.Panel)) return PartError("v", "bad percent-encoding in the panel name");
        } else if (key == "m") {
            if (!Base64UrlDecode(value, &view.MixJson)) return PartError("m", "the mix is not valid base64url");
        } else if (key == "s") {
            while (!value.empty()) {
                size_t dot = value.find('.');
                std::string_view num = value.substr(0, dot);
                value = dot == std::string_view::npos ? std::string_view() : value.substr(dot + 1);
                if (num.empty() || num.size() > 9) return PartError("s", "a selected song is not a song number");
                uint32_t id = 0;
                for (char c : num) {
                    if (c < '0' || c > '9') return PartError("s", "a selected song is not a song number");
                    id = id * 10 + (uint32_t)(c - '0');
                }
                if (view.Selected.size() >= kMaxSelectedSongs) return PartError("s", "more than " + std::to_string(kMaxSelectedSongs) + " selected songs");
                view.Selected.push_back(id);
            }
        }
        // Other keys: written by a newer chartmix; ignoring them keeps the rest of the view.
    }
    if (view.DatasetRef.size() > kMaxDatasetRefBytes) return PartError("d", "the dataset reference is longer than " + std::to_string(kMaxDatasetRefBytes) + " bytes");
    if (view.PeriodLabel.size() > kMaxPeriodLabelBytes) return PartError("p", "the period is longer than " + std::to_string(kMaxPeriodLabelBytes) + " bytes");
    if (view.MixJson.size() > kMaxMixJsonBytes) return PartError("m", "the mix is longer than " + std::to_string(kMaxMixJsonBytes) + " bytes");
    if (view.Panel.size() > kMaxPanelNameBytes) return PartError("v", "the panel name is too long");
    for (char c : view.Panel)
        if (!((c >= 'a' && c <= 'z') || c == '_')) return PartError("v", "the panel name may hold only the letters a-z and '_'");
    return view;
}

} // namespace chartmix
