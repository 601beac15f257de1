#include "core/data/units.h"

#include <cmath>

#include "core/base/limits.h"

namespace chartmix {

static bool ConsumeSuffix(std::string_view* text, std::string_view suffix)
{
    if (text->size() >= suffix.size() && text->substr(text->size() - suffix.size()) == suffix) {
        text->remove_suffix(suffix.size());
        return true;
    }
    return false;
}

bool ParseUnitsText(std::string_view text, double* out, std::string* why)
{
    text = TrimSpaces(text);
    if (text.empty()) { *why = "the units are empty"; return false; }
    ConsumeSuffix(&text, "+");
    double scale = 1.0;
    struct Multiplier { const char* Suffix; double Scale; };
    static const Multiplier kMultipliers[] = {
        { "\xE4\xBA\xBF", 1e8 }, { "\xE5\x84\x84", 1e8 },  // 亿 億
        { "\xE4\xB8\x87", 1e4 }, { "\xE8\x90\xAC", 1e4 },  // 万 萬
        { "w", 1e4 }, { "W", 1e4 }, { "k", 1e3 }, { "K", 1e3 }, { "m", 1e6 }, { "M", 1e6 },
    };
    for (const Multiplier& m : kMultipliers)
        if (ConsumeSuffix(&text, m.Suffix)) { scale = m.Scale; break; }
    text = TrimSpaces(text);

    // Digits with optional thousands commas (groups of three), then an optional fraction.
    double value = 0.0;
    size_t i = 0;
    bool negative = false;
    if (i < text.size() && text[i] == '-') { negative = true; i++; }
    int digits = 0, group = 0;
    bool saw_comma = false;
    for (; i < text.size(); i++) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            digits++;
            group++;
        } else if (c == ',' && digits > 0 && (!saw_comma ? group <= 3 : group == 3)) {
            saw_comma = true;
            group = 0;
        } else {
            break;
        }
    }
    if (digits == 0 || (saw_comma && group != 3)) { *why = "\"" + std::string(text) + "\" is not a number"; return false; }
    if (i < text.size() && text[i] == '.') {
        double place = 0.1;
        size_t start = ++i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; i++, place /= 10) value += (text[i] - '0') * place;
        if (i == start) { *why = "\"" + std::string(text) + "\" is not a number"; return false; }
    }
    if (i != text.size()) { *why = "\"" + std::string(text) + "\" is not a number"; return false; }
    if (negative) { *why = "units cannot be negative"; return false; }
    *out = value * scale;
    if (!(*out <= kMaxUnits)) { *why = "the units are more than any chart publishes (at most 10^15)"; return false; }
    return true;
}

bool ParseRankText(std::string_view text, int* out, std::string* why)
{
    text = TrimSpaces(text);
    if (text.empty()) { *why = "the rank is empty"; return false; }
    long value = 0;
    size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; i++) {
        value = value * 10 + (text[i] - '0');
        if (value > 65535) { *why = "rank " + std::string(text) + " is larger than 65535"; return false; }
    }
    // "7.0": pandas writes integer columns with holes as floats.
    if (i > 0 && i < text.size() && text[i] == '.') {
        size_t j = i + 1;
        while (j < text.size() && text[j] == '0') j++;
        if (j == text.size() && j > i + 1) i = j;
    }
    if (i == 0 || i != text.size()) { *why = "\"" + std::string(text) + "\" is not a rank (a positive whole number)"; return false; }
    if (value == 0) { *why = "rank 0 is not a chart position"; return false; }
    *out = (int)value;
    return true;
}

} // namespace chartmix
