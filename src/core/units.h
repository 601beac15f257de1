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
bool ParseRank(std::string_view text, int* out, std::string* why);

// Removes ASCII spaces and tabs at both ends. Inline: the importer calls it for every field of every row.
inline std::string_view TrimSpaces(std::string_view text)
{
    size_t begin = 0, end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) begin++;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) end--;
    return text.substr(begin, end - begin);
}

} // namespace chartmix
