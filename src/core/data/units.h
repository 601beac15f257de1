#pragma once
// Numbers as charts print them: "215,957,136", "93845744.0", "1.2万", "3亿", "100w+", "12.5K".
#include <cstdint>
#include <string>
#include <string_view>

namespace chartmix {

// The common case of both readers below, read inline: 1 to max_digits plain digits. The importer
// reads a rank and often units on every row, and a call would pass the text through memory (see
// TrimSpaces). False for anything else, which the general readers then take.
inline bool ReadPlainDigits(std::string_view text, size_t max_digits, uint64_t* value)
{
    if (text.size() - 1 >= max_digits) return false;  // an empty text wraps to a huge size
    uint64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (uint64_t)(c - '0');
    }
    *value = v;
    return true;
}

// Parses a unit count. Thousands separators, a trailing "+" (a floor, "100w+" = at least 1,000,000),
// and the multipliers w/万/萬 (10^4), 亿/億 (10^8), k (10^3) and m (10^6) are understood.
// Returns false with *why set when the text is no number.
bool ParseUnitsText(std::string_view text, double* out, std::string* why);

// ParseUnitsText, with up to 15 plain digits (exact in a double) read inline.
inline bool ParseUnits(std::string_view text, double* out, std::string* why)
{
    uint64_t value;
    if (ReadPlainDigits(text, 15, &value)) {
        *out = (double)value;
        return true;
    }
    return ParseUnitsText(text, out, why);
}

// Parses a chart rank: a positive integer up to 65535 ("7", "7.0"). Returns false with *why set
// otherwise; an empty text is not a rank either (the caller decides whether that is an off-chart row).
bool ParseRankText(std::string_view text, int* out, std::string* why);

// ParseRankText, with one to four plain digits (not 0) read inline.
inline bool ParseRank(std::string_view text, int* out, std::string* why)
{
    uint64_t value;
    if (ReadPlainDigits(text, 4, &value) && value) {
        *out = (int)value;
        return true;
    }
    return ParseRankText(text, out, why);
}

// Removes ASCII spaces and tabs at both ends. Inline, with no call on any path: the importer trims
// every field of every row, and in wasm32 a string_view returned from a call is written to the stack
// as two 32-bit halves that the caller then reads back as one 64-bit load, which the CPU cannot
// forward from the two stores (a stall on every field of every row).
inline std::string_view TrimSpaces(std::string_view text)
{
    const char* begin = text.data();
    const char* end = begin + text.size();
    while (begin < end && (*begin == ' ' || *begin == '\t')) begin++;
    while (end > begin && (end[-1] == ' ' || end[-1] == '\t')) end--;
    return std::string_view(begin, (size_t)(end - begin));
}

} // namespace chartmix
