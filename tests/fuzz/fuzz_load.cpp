// libFuzzer target: the whole LoadDataset path with a manifest and its data file, then one re-rank.
// The input is a manifest, a line "----", and the bytes of the one data file it maps (any path it
// names gets those bytes). Without the separator the input is the data file of a built-in manifest
// that maps a daily CSV with a sniffed delimiter, CP949-or-UTF-8 text and off-chart rows, so the
// fuzzer reaches the mapped-layout paths (roll-ups, date formats, units) that canonical CSVs skip.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/importer.h"
#include "core/data/manifest.h"
#include "core/rank/engine.h"
#include "core/rank/mix.h"

static const char kBuiltInManifest[] = R"({
  "name": "fuzz",
  "period": { "granularity": "weekly", "week_ends_on": "thursday" },
  "sources": [
    { "key": "a", "kind": "audio_streams", "granularity": "daily", "depth": 100, "units": "streams" },
    { "key": "b", "kind": "download", "granularity": "weekly", "publication_offset_days": 2 }
  ],
  "files": [
    { "path": "data.csv", "encoding": "auto",
      "columns": { "source": "chart", "period": "date", "rank": "rank", "title": "title", "artist": "artist", "units": "units" },
      "source_values": { "A": "a", "B": "b" } }
  ]
})";

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string_view input((const char*)data, size);
    std::string manifest = kBuiltInManifest, payload(input);
    if (size_t sep = input.find("\n----\n"); sep != std::string_view::npos) {
        manifest.assign(input.substr(0, sep));
        payload.assign(input.substr(sep + 6));
    }
    std::vector<chartmix::InputFile> files = { { "fuzz.json", manifest } };
    chartmix::Result<std::vector<std::string>> paths = chartmix::ManifestFilePaths(manifest, "fuzz.json");
    if (paths.Ok())
        for (const std::string& p : *paths) files.push_back({ p, payload });
    chartmix::LoadOptions options;
    options.MaxFileBytes = 1 << 20;
    chartmix::Result<chartmix::LoadedDataset> loaded = chartmix::LoadDataset(files, options);
    if (!loaded.Ok()) return 0;
    // Whatever loaded must rank: an equal-weight mix over every source, every period.
    const chartmix::Dataset& d = loaded->Data;
    chartmix::Engine engine(d);
    if (!engine.SetMix(chartmix::Mix{}).Ok()) return 0;  // {"*": 1}
    chartmix::Ranking ranking;
    for (uint32_t p = 0; p < d.Periods.size() && p < 8; p++)
        if (engine.Rank(p, 20, &ranking).Ok() && ranking.Songs.size() > 20) __builtin_trap();
    return 0;
}
