// libFuzzer target: a manifest parser fed arbitrary bytes must fail with an Error, never crash; a
// manifest that parses is then loaded against the same bytes as its one data file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/data/importer.h"
#include "core/data/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string text((const char*)data, size);
    chartmix::Result<chartmix::Manifest> manifest = chartmix::ParseManifest(text, "fuzz.json");
    if (!manifest.Ok()) return 0;
    std::vector<chartmix::InputFile> files = { { "fuzz.json", text } };
    for (const chartmix::FileMapping& f : manifest->Files) files.push_back({ f.Path, text });
    chartmix::LoadOptions options;
    options.MaxFileBytes = 1 << 20;
    chartmix::Result<chartmix::LoadedDataset> loaded = chartmix::LoadDataset(files, options);
    return loaded.Ok() && loaded->Data.EntryCount() == (size_t)-1;
}
