#pragma once
// The house number format, one formatter for every file chartmix writes (JSON, CSV, mixes, links):
// the same bytes on every platform, "-0" never, NaN and infinities never printed as numbers.
#include <cstddef>
#include <string>

namespace chartmix {

// How many significant digits a number that is not an integer keeps.
enum class NumberDigits {
    Shortest,  // the fewest that read back as the same double: files chartmix reads again (mixes, canonical CSV)
    Ten,       // at most 10: figures for people and scripts (rankings, CLI reports, the UI probe)
};

// Longest text FormatNumber writes, with room to spare ("-1.2345678901234567e-308").
constexpr size_t kMaxNumberChars = 32;

// Writes value into buf and returns its length; 0 (nothing written) when value is not finite.
// Integers below 2^53 print as integers ("12503929", "-3", "0" for -0.0); others with %g digits.
//   char buf[kMaxNumberChars]; size_t n = FormatNumber(2.0 / 3.0, NumberDigits::Ten, buf);  // "0.6666666667"
size_t FormatNumber(double value, NumberDigits digits, char (&buf)[kMaxNumberChars]);
// Appends FormatNumber's text to out (nothing when value is not finite: an empty CSV cell).
void AppendNumber(std::string& out, double value, NumberDigits digits);

} // namespace chartmix
