#include "core/base/number_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace chartmix {

size_t FormatNumber(double value, NumberDigits digits, char (&buf)[kMaxNumberChars])
{
    if (!std::isfinite(value)) return 0;
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0) {
        // Integral: printed from an integer, by hand (the canonical CSV prints millions), so "-0"
        // never appears and no libc rounding is involved.
        char* end = buf + kMaxNumberChars;
        char* p = end;
        const long long v = (long long)value;
        unsigned long long magnitude = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
        do {
            *--p = (char)('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude != 0);
        if (v < 0) *--p = '-';
        const size_t n = (size_t)(end - p);
        for (size_t i = 0; i < n; i++) buf[i] = p[i];
        return n;
    }
    if (digits == NumberDigits::Ten) return (size_t)std::snprintf(buf, kMaxNumberChars, "%.10g", value);
    // glibc and musl both convert exactly, so the shortest of these that reads back is portable
    // (std::to_chars for double is missing from Emscripten 3.1.6's libc++). Fewer than 15 digits
    // never read back when 15 do not, and %.15g already drops the zeros a shorter text would not have.
    int n = 0;
    for (int precision = 15; precision <= 17; precision++) {
        n = std::snprintf(buf, kMaxNumberChars, "%.*g", precision, value);
        if (precision == 17 || std::strtod(buf, nullptr) == value) break;
    }
    return (size_t)n;
}

void AppendNumber(std::string& out, double value, NumberDigits digits)
{
    char buf[kMaxNumberChars];
    out.append(buf, FormatNumber(value, digits, buf));
}

} // namespace chartmix
