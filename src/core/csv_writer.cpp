#include "core/csv_writer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace chartmix {

// Integers are formatted by hand: the writer prints millions of them and snprintf dominates.
static void AppendInteger(std::string& out, long long value)
{
    char buf[24];
    char* end = buf + sizeof(buf);
    char* p = end;
    unsigned long long magnitude = value < 0 ? 0ull - (unsigned long long)value : (unsigned long long)value;
    do {
        *--p = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0) *--p = '-';
    out.append(p, (size_t)(end - p));
}

// Quotes text with quotes doubled, after prefix (inside the quotes).
static void AppendQuoted(std::string& out, std::string_view prefix, std::string_view text)
{
    out += '"';
    out += prefix;
    for (char ch : text) {
        if (ch == '"') out += '"';
        out += ch;
    }
    out += '"';
}

void AppendCsvField(std::string& out, std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) out.append(field);
    else AppendQuoted(out, "", field);
}

void AppendCsvTextCell(std::string& out, std::string_view text)
{
    if (text.empty() || std::string_view("=+-@\t\r").find(text[0]) == std::string_view::npos) AppendCsvField(out, text);
    else AppendQuoted(out, "'", text);
}

void AppendCsvNumber(std::string& out, double value)
{
    if (!std::isfinite(value)) return;
    char buf[40];
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0) {
        // Integral: printed from an integer, so "-0" never appears and no libc rounding is involved.
        AppendInteger(out, (long long)value);
        return;
    }
    // glibc and musl both convert exactly, so the shortest of these that reads back is portable
    // (std::to_chars for double is missing from Emscripten 3.1.6's libc++).
    for (int precision = 15; precision <= 17; precision++) {
        std::snprintf(buf, sizeof(buf), "%.*g", precision, value);
        if (precision == 17 || std::strtod(buf, nullptr) == value) break;
    }
    out += buf;
}

std::string WriteCanonicalCsv(const Dataset& data)
{
    std::string out;
    out.reserve(64 + data.EntryCount() * 64);
    out += kCanonicalCsvHeader;
    out += '\n';
    for (size_t i = 0; i < data.EntryCount(); i++) {
        const Source& source = data.Sources[data.EntrySource[i]];
        AppendCsvField(out, source.Key);
        out += ',';
        AppendCsvField(out, data.Periods[data.EntryPeriod[i]].Label);
        out += ',';
        if (data.EntryRank[i] != kNoRank) AppendInteger(out, data.EntryRank[i]);
        out += ',';
        AppendCsvField(out, data.SongTitle(data.EntrySong[i]));
        out += ',';
        AppendCsvField(out, data.SongArtist(data.EntrySong[i]));
        out += ',';
        double units = data.EntryUnits[i];
        AppendCsvNumber(out, units);
        out += ',';
        if (std::isfinite(units)) AppendCsvField(out, source.UnitName);
        out += '\n';
    }
    return out;
}

uint64_t Fnv1a64(std::string_view bytes)
{
    uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char ch : bytes) {
        hash ^= ch;
        hash *= 0x100000001b3ull;
    }
    return hash;
}

} // namespace chartmix
