#pragma once
// Inside the importer: CSV and JSON layouts both become a stream of raw rows (text views of the
// mapped fields) that importer.cpp turns into entries. Not part of the public API.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/result.h"
#include "core/data/manifest.h"

namespace chartmix::detail {

enum RowField { kFieldSource, kFieldPeriod, kFieldRank, kFieldTitle, kFieldArtist, kFieldUnits, kFieldUnitType, kFieldIds, kFieldYear, kFieldCount };
// "source", "period", ... as manifests name the fields.
const char* FieldName(int field);

struct RawRow {
    std::string_view Values[kFieldCount];
    bool Has[kFieldCount] = {};
    // No value is longer than this (a CSV record's length): spares the per-value length check.
    size_t LongestBound = SIZE_MAX;
    // Where the rank and the title fields start: line and column (CSV), or the row's index and 0
    // (JSON). Every entry keeps one as its origin, for messages about it once all rows are in.
    struct Place {
        int Line = 0, Column = 0;
    } RankPlace, TitlePlace;
};

// Says where a field of the current row is, as an Error carrying that place.
class RowLocator {
public:
    virtual Error Locate(int field, std::string message) const = 0;
    virtual ~RowLocator() = default;
};

class RowSink {
public:
    // One mapped row. Returns false to stop reading (strict mode hit a bad row).
    virtual bool Row(const RawRow& row, const RowLocator& where) = 0;
    // A record that could not be read at all. Returns false to stop reading.
    virtual bool Reject(Error error) = 0;
    // A row left out on purpose (a repeated header, a chart the manifest does not load). Returns false to stop reading.
    virtual bool Filter() = 0;
    // The row about to come through Row() has `fields` fields where the header has `expected`: missing
    // ones read as empty, extra ones are not read. Returns false to stop reading.
    virtual bool FieldCountDiffers(int line, size_t fields, size_t expected) = 0;
    virtual ~RowSink() = default;
};

// Reads a CSV whose columns the mapping names. text is rewritten in place (see CsvReader).
// A file-level problem (a mapped column that does not exist) comes back as the Error.
Status ReadCsvRows(const FileMapping& mapping, char* data, size_t size, std::string_view file_name, bool case_insensitive_header, RowSink& sink);
// Reads the rows of a JSON document the mapping describes.
Status ReadJsonRows(const FileMapping& mapping, std::string_view text, std::string_view file_name, RowSink& sink);

} // namespace chartmix::detail
