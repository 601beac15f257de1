#pragma once
// The canonical CSV of a dataset: one row per chart entry, in the dataset's order, with columns
//   source,period,rank,title,artist,units,unit_type
// RFC 4180 quoting (fields holding a comma, quote, CR or LF are quoted, quotes doubled), LF line
// ends, numbers in the house format (number_format.h, shortest round trip). The bytes are the
// dataset's fingerprint: the simulated market is checked native-vs-wasm by hashing them.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/data/dataset.h"

namespace chartmix {

// The header line, without its line end.
constexpr const char* kCanonicalCsvHeader = "source,period,rank,title,artist,units,unit_type";

// Appends one field, quoted only when RFC 4180 requires it.
void AppendCsvField(std::string& out, std::string_view field);
// Appends a text cell of a file meant for spreadsheets: like AppendCsvField, but text starting with
// = + - @ tab or CR, which a spreadsheet would run as a formula, is quoted behind an apostrophe
// (OWASP's CSV injection advice): "'=HYPERLINK(…)". Numbers go through AppendNumber (number_format.h) untouched.
// The canonical CSV keeps AppendCsvField: chartmix reads it back, and an apostrophe would change the title.
void AppendCsvTextCell(std::string& out, std::string_view text);
// The whole dataset as canonical CSV. rank is empty for off-chart rows, units and unit_type are
// empty where the source published no units.
std::string WriteCanonicalCsv(const Dataset& data);
// 64-bit FNV-1a hash of bytes: a short, portable fingerprint for tests and the CLI.
uint64_t Fnv1a64(std::string_view bytes);

} // namespace chartmix
