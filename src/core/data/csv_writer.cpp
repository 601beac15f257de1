#include "core/data/csv_writer.h"

#include <cmath>

#include "core/base/number_format.h"

namespace chartmix {

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
        if (data.EntryRank[i] != kNoRank) AppendNumber(out, data.EntryRank[i], NumberDigits::Shortest);
        out += ',';
        AppendCsvField(out, data.SongTitle(data.EntrySong[i]));
        out += ',';
        AppendCsvField(out, data.SongArtist(data.EntrySong[i]));
        out += ',';
        double units = data.EntryUnits[i];
        AppendNumber(out, units, NumberDigits::Shortest);
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
