#pragma once
// Inside the importer: the per-row rules that turn raw rows (importer_rows.h) into a dataset's
// entries: sources, dates and periods, ranks and units, daily rows rolled up, repeated places refused.
// LoadDataset (importer.h) runs one over every file. Not part of the public API.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/flat_map.h"
#include "core/data/dataset.h"
#include "core/data/importer.h"
#include "core/data/importer_rows.h"
#include "core/data/period.h"

namespace chartmix::detail {

// Where an entry's row was: the file, and its line and column (CSV) or its index in the rows (JSON).
struct RowOrigin {
    uint16_t File = 0;
    uint16_t Column = 0;
    uint32_t Where = 0;
};

// Daily rows of one song in one dataset period, before they become one entry.
struct Rollup {
    double RankSum = 0;
    uint32_t RankedDays = 0;
    double Units = 0;
    bool HasUnits = false;
};

class RowImporter : public RowSink {
public:
    // auto_sources: a canonical CSV, whose source column makes the sources and whose data sets the grid.
    RowImporter(const LoadOptions& options, LoadReport& report, DatasetBuilder& builder, const PeriodRules& rules, bool auto_sources)
        : Options_(options), Report_(report), Builder_(builder), Rules_(rules), AutoSources_(auto_sources), GridFromData_(auto_sources) {}

    void BeginFile(const FileMapping& mapping, FileReport* file, uint32_t file_index);

    bool Row(const RawRow& row, const RowLocator& where) override;

    bool Reject(Error error) override;

    bool Filter() override;

    // Counted per file and noted at its end with the first place; strict loading stops at the first.
    bool FieldCountDiffers(int line, size_t fields, size_t expected) override;

    // Counts a data row; false (and a fatal error) once the load holds more rows than it may.
    bool CountRow();

    // The error paths of Row, out of its body: Row runs for every row and stays small this way.
    __attribute__((noinline)) bool RejectField(const RowLocator& where, int field, std::string message);

    __attribute__((noinline)) bool RejectLongField(const RawRow& row, const RowLocator& where);

    __attribute__((noinline)) bool TooManyRows();

    bool RejectRow(Error error);

    void FilterRow();

    // Emits one entry per rolled-up (period, source, song): rank = rounded mean of the daily ranks on
    // the days it charted, units = sum of the daily units.
    void FinishRollups();

    // Rejects every entry that takes a place an earlier row of the same chart already holds: the same
    // rank, or the same song listed off-chart twice. Done once all rows are in (the builder sorts them
    // side by side), instead of a lookup per row. False when strict loading must stop.
    bool RejectRepeatedSlots();

    void Reserve(size_t rows) { Origins_.reserve(rows); }

    void NoteOnce(const std::string& note);

    // Notes how many rows of the file just read carried no figure at all.
    void EndFile();

    void PrepareSources() { SourceSeen_.assign(Builder_.Peek().Sources.size(), false); }
    // The dataset's grid, once the rows are read (a canonical CSV's comes from its data).
    const PeriodRules& Rules() const { return Rules_; }
    const std::optional<Error>& StrictError() const { return StrictError_; }
    // Set when the load must stop whatever the mode (a limit of limits.h was reached).
    const std::optional<Error>& FatalError() const { return FatalError_; }

private:
    const LoadOptions& Options_;
    const size_t MaxRows_ = std::min(Options_.MaxRows, kMaxRows);  // never more: the lookup keys above rely on it
    LoadReport& Report_;
    DatasetBuilder& Builder_;
    PeriodRules Rules_;
    bool AutoSources_;
    bool GridFromData_;  // the grid is not known until a date is read
    const FileMapping* Mapping_ = nullptr;
    std::vector<const FileMapping*> FileMappings_;  // by file index, for messages about earlier rows
    FileReport* File_ = nullptr;
    uint32_t FileIndex_ = 0;
    int FixedSource_ = -1;
    bool HasYear_ = false;  // the file's dates take their year from a column or the manifest
    std::map<std::string, int, std::less<>> ValueCache_;  // source column value -> source (a map: datasets may have 1,000 sources)
    std::string LastSourceValue_;
    int LastSourceIndex_ = -3;  // -3: none yet
    std::vector<bool> SourceSeen_;
    FlatMap64<RowOrigin> DailySeen_;
    std::vector<RowOrigin> Origins_;  // one per entry Row added, in the builder's order (rollups come after)
    FlatMap64<Rollup> Rollups_;
    RowOrigin Earlier_;
    // The period of the last row read, by its source and date text as written.
    struct PeriodMemo {
        int Source = -1;
        std::string Text, Year;
        ParsedDate Date;
        DayNumber LastDay = 0;  // the last day of the row's tracking period
        uint32_t Period = 0;
        bool Rejected = true;  // what Row returns when the date was refused (false: stop reading)
    } Memo_;
    size_t NoFigure_ = 0;
    size_t FieldCountRows_ = 0, FieldCountFields_ = 0, FieldCountExpected_ = 0;  // rows wider or narrower than the header
    int FieldCountLine_ = 0;
    std::string Why_;  // why a rank or units could not be read (Row)
    std::optional<Error> StrictError_, FatalError_;

    bool Claim(FlatMap64<RowOrigin>& seen, uint64_t key, RowOrigin origin);

    // Reads a row's date and finds (or adds) its dataset period, into Memo_. False when the date is
    // refused; Memo_.Rejected then holds what the row must return.
    template <typename RejectFn>
    bool ResolvePeriod(int source, std::string_view period_text, std::string_view year_text, RejectFn& reject);

    bool IsJson(uint16_t file) const { return FileMappings_[file]->Format == FileFormat::Json; }

    std::string Describe(RowOrigin o) const;

    // An error at the row an entry came from, pointing at one of its fields.
    Error ErrorAt(RowOrigin o, int field, std::string message) const;

    // Source index for a value of the source column; -1 = not loaded (filtered), -2 = empty, -4 = too many sources (fatal).
    int ResolveSource(std::string_view value);
};

} // namespace chartmix::detail
