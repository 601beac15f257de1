#pragma once
// Loading chart data: a lone canonical CSV, or a manifest plus the files it maps. The core takes
// bytes, never paths: the browser hands over file contents, native callers read the files first
// (ManifestFilePaths lists what a manifest needs, relative to its folder).
//
//   std::vector<InputFile> files = { { "week.csv", bytes } };
//   Result<LoadedDataset> loaded = LoadDataset(files, LoadOptions{});
//   if (!loaded) puts(loaded.Err().ToString().c_str());
#include <string>
#include <vector>

#include "core/base/limits.h"
#include "core/base/result.h"
#include "core/data/dataset.h"
#include "core/data/encoding.h"
#include "core/data/matching.h"

namespace chartmix {

struct InputFile {
    std::string Name;   // as the manifest writes the path, or the file's own name
    std::string Bytes;
};

struct LoadOptions {
    bool Strict = false;                   // the first unreadable row fails the whole load
    bool Match = true;                     // merge song spellings across sources (matching.h)
    size_t MaxFileBytes = kMaxLoadBytes;   // a bigger file, or files bigger together, are refused with a sentence
    size_t MaxRows = kMaxRows;             // more data rows in all files stop the load with a sentence (limits.h)
};

struct FileReport {
    std::string Name;
    size_t Bytes = 0;
    TextEncoding Encoding = TextEncoding::Utf8;
    bool HadBom = false;
    size_t RowsRead = 0;      // records after the header
    size_t RowsLoaded = 0;    // became entries (daily rows count before rolling up)
    size_t RowsFiltered = 0;  // left out on purpose: charts the manifest does not load, repeated headers
    size_t RowsRejected = 0;
};

struct LoadReport {
    std::vector<FileReport> Files;
    size_t InputBytes = 0;
    size_t RowsRead = 0, RowsLoaded = 0, RowsFiltered = 0, RowsRejected = 0;
    std::vector<Error> Rejected;       // rows or files that could not be read (the first kMaxListedRejections): file:line:column and why
    std::vector<std::string> Notes;    // what the loader decided on the user's behalf (roll-ups, date fixes)
    size_t RepeatsLeftOut = 0;         // entries of a song already listed higher on the same chart and period (load_checks.h)
    MatchReport Matching;
};

struct LoadedDataset {
    Dataset Data;
    LoadReport Report;
};

// Loads one dataset. With a manifest among the files (a JSON object with "sources" and "files"),
// every file it lists must be given under the path it writes; without one, each file must be a
// canonical tidy CSV (docs/dataset-format.md). Fails with one sentence for input that is no chart.
Result<LoadedDataset> LoadDataset(const std::vector<InputFile>& files, const LoadOptions& options);
// The same, consuming the files: their bytes become the text being parsed, so the load holds one copy
// of each file instead of two (what the browser app does, where memory is the file's size times four).
Result<LoadedDataset> LoadDataset(std::vector<InputFile>&& files, const LoadOptions& options);

} // namespace chartmix
