// libFuzzer target: the CSV reader and the canonical importer must never crash, hang or read out of
// bounds, whatever the bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/csv.h"
#include "core/importer.h"

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
    chartmix::LoadOptions options;
    options.MaxFileBytes = 1 << 20;
    chartmix::Result<chartmix::LoadedDataset> loaded = chartmix::LoadDataset({ { "fuzz.csv", text } }, options);
    if (loaded.Ok()) fields += loaded->Data.EntryCount();
    return fields == (size_t)-1;
}
