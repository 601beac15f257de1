// libFuzzer target: the CSV reader and the canonical importer must never crash, hang or read out of
// bounds, whatever the bytes, and the reader must read every record as the byte-at-a-time reference
// does (tests/csv_reference.h), with or without a field limit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/data/csv.h"
#include "core/data/importer.h"
#include "csv_reference.h"

// Aborts (a finding) when the reader and the reference disagree on a record.
static void CompareWithReference(const std::string& text, char delimiter, size_t keep)
{
    const std::vector<chartmix::test::ReferenceRecord> expected = chartmix::test::ReadReferenceCsv(text, delimiter);
    std::string copy = text;
    chartmix::CsvReader reader("fuzz.csv", copy.data(), copy.size(), delimiter);
    reader.KeepFields(keep);
    size_t r = 0;
    for (; reader.Next(); r++) {
        if (r >= expected.size() || reader.Line() != expected[r].Line) std::abort();
        const chartmix::test::ReferenceRecord& want = expected[r];
        if (reader.FieldCount() != std::min(keep, want.Fields.size()) || reader.RecordError().has_value() != want.HasError) std::abort();
        if (want.HasError && (reader.RecordError()->Line != want.ErrorLine || reader.RecordError()->Column != want.ErrorColumn)) std::abort();
        for (size_t i = 0; i < reader.FieldCount(); i++) {
            int line = 0, column = 0;
            reader.FieldPosition(i, &line, &column);
            if (reader.Field(i) != want.Fields[i] || line != want.Positions[i].first || column != want.Positions[i].second) std::abort();
        }
    }
    if (r != expected.size()) std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string text((const char*)data, size);
    std::string copy = text;
    chartmix::CsvReader reader("fuzz.csv", copy.data(), copy.size(), chartmix::SniffDelimiter(copy));
    size_t fields = 0;
    while (reader.Next()) {
        for (size_t i = 0; i < reader.FieldCount(); i++) {
            int line = 0, column = 0;
            reader.FieldPosition(i, &line, &column);
            fields += reader.Field(i).size() + (size_t)(line > 0) + (size_t)(column > 0);
        }
    }
    if (size <= 4096) {
        CompareWithReference(text, chartmix::SniffDelimiter(text), SIZE_MAX);
        CompareWithReference(text, ',', 2);
    }
    chartmix::LoadOptions options;
    options.MaxFileBytes = 1 << 20;
    chartmix::Result<chartmix::LoadedDataset> loaded = chartmix::LoadDataset({ { "fuzz.csv", text } }, options);
    if (loaded.Ok()) fields += loaded->Data.EntryCount();
    return fields == (size_t)-1;
}
