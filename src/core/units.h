#pragma once
// Numbers as charts print them: "215,957,136", "93845744.0", "1.2万", "3亿", "100w+", "12.5K".
#include <string>
#include <string_view>

namespace chartmix {

// Parses a unit count. Thousands separators, a trailing "+" (a floor, "100w+" = at least 1,000,000),
// and the multipliers w/万/萬 (10^4), 亿/億 (10^8), k (10^3) and m (10^6) are understood.
// Returns false with *why set when the text is no number.
bool ParseUnits(std::string_view text, double* out, std::string* why);

// Parses a chart rank: a positive integer up to 65535 ("7", "7.0"). Returns false with *why set
// otherwise; an empty text is not a rank either (the caller decides whether that is an off-chart row).
bool ParseRankText(std::string_view text, int* out, std::string* why);

// ParseRankText, with the common case (one to four plain digits, not 0) read inline: the importer
// reads a rank on every row.
inline bool ParseRank(std::string_view text, int* out, std::string* why)
{
    if (text.size() - 1 < 4) {  // 1 to 4 bytes (an empty text wraps to a huge size)
        int value = 0;
        for (char c : text) {
            if (c < '0' || c > '9') return ParseRankText(text, out, why);
            value = value * 10 + (c - '0');
        }
        if (value) {
            *out = value;
            return true;
        }
    }
    return ParseRankText(text, out, why);
}

// TrimSpaces' general case: removes ASCII spaces and tabs at both ends, however many.
std::string_view TrimSpacesAtEnds(std::string_view text);

// Removes ASCII spaces and tabs at both ends. Inline: the importer calls it for every field of every
// row, and most fields have neither at either end, which two tests tell.
inline std::string_view TrimSpaces(std::string_view text)
{
    if (text.empty() || (text.front() != ' ' && text.front() != '\t' && text.back() != ' ' && text.back() != '\t')) return text;
    return TrimSpacesAtEnds(text);
}

} // namespace chartmix
