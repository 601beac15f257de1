#pragma once
// A dataset manifest (JSON) says what each published chart is (region, kind, depth, publication
// offset, citation) and how to read each file of any layout: which column holds the rank, title,
// artist, period and units, the date format, delimiter, encoding, or where the rows sit in a JSON
// document. It also carries the alias table and per-match overrides. docs/dataset-format.md has the schema.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/data/dataset.h"
#include "core/data/encoding.h"
#include "core/data/period.h"

namespace chartmix {

// Where a value comes from: a CSV column (by header name or 0-based index), a key path in a JSON
// row ("stats.rank"), a path from the JSON document's root, or a constant.
struct ColumnRef {
    enum class Kind : uint8_t { None, Name, Index, Root, Constant };
    Kind How = Kind::None;
    std::vector<std::string> Names;  // Name / Root: alternatives tried in order (schema drift between files)
    int Index = -1;
    std::string Constant;
    bool Present() const { return How != Kind::None; }
};

enum class FileFormat : uint8_t { Csv, Json };

struct FileMapping {
    std::string Path;                       // relative to the manifest's folder; also the InputFile name
    FileFormat Format = FileFormat::Csv;
    TextEncoding Encoding = TextEncoding::Auto;
    char Delimiter = 0;                     // 0 = sniffed from the first line
    bool Header = true;                     // CSV: the first record names the columns
    std::string RowsPath;                   // JSON: dotted path to the array of rows ("body.data"); "" = the root
    std::string Source;                     // every row belongs to this source ...
    ColumnRef SourceColumn;                 // ... or this column names it,
    std::map<std::string, std::string> SourceValues;  // through this map (rows with other values are skipped and counted)
    ColumnRef Period, Rank, Title, Artist, Units, UnitType, Ids;
    ColumnRef Year;                         // the year of dates that write none (a month column 1..12): a column, or the file's "year" as a constant
    DateFormat Dates;
    std::string DateRange;                  // the text between the two days of a range ("_to_"); "" = one date per row
    std::map<std::string, std::string> DateFixes;  // a damaged date as written -> the date it stands for
    double UnitsScale = 1.0;                // multiplies every unit value (QQ writes 40 for 40万)
    bool SkipRepeatedHeaders = true;        // concatenated exports repeat their header line mid-file
    bool FillDownPeriod = false;            // a blank period repeats the one above (grouped exports)
};

struct MatchOverride {
    std::string Title, Artist;              // a song as one chart spells it
    bool Distinct = false;                  // true: never merge this song with any other
    std::string SameTitle, SameArtist;      // otherwise: merge it with this spelling
};

struct Manifest {
    std::string Name;
    std::vector<Source> Sources;
    std::vector<FileMapping> Files;
    std::vector<std::vector<std::string>> Aliases;  // each group names one artist ("방탄소년단", "BTS")
    std::vector<MatchOverride> Overrides;
    PeriodRules Periods;
};

// True when a JSON text looks like a manifest (an object with "sources" and "files").
bool LooksLikeManifest(std::string_view text);

// Parses and validates a manifest. Errors name the field at fault ("files[2].columns.rank").
Result<Manifest> ParseManifest(std::string_view text, std::string_view file_name);

// The files a manifest references, as written (relative to the manifest's folder), so native callers
// can read them before calling LoadDataset:
//   for (auto& p : *ManifestFilePaths(bytes, "m.json")) files.push_back({ p, ReadFile(dir + "/" + p) });
Result<std::vector<std::string>> ManifestFilePaths(std::string_view text, std::string_view file_name);

} // namespace chartmix
