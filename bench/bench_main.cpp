// chartmix_bench: the benchmark runner for native builds and for wasm under node (same source).
// Prints one JSON document on stdout; tools/bench collects it into docs/performance.md.
//
//   chartmix_bench [--quick] [--no-synthetic] [--no-scaling] [MANIFEST.json ...]
//   chartmix_bench --memory MANIFEST.json     (one dataset, fresh process: heap after loading it)
//   chartmix_bench --profile one_period|history|load|load_no_match [MANIFEST.json [TIMES]]   (fixed work, for callgrind; TIMES repeats the load for a CPU profile)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench_cases.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

using namespace chartmix;
using namespace chartmix::bench;

static std::string BaseName(const std::string& path)
{
    size_t slash = path.find_last_of('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) name.resize(name.size() - 5);
    return name;
}

// Loads one dataset the way the app does (bytes in memory, then LoadDataset) and reports the memory.
// A fixed amount of work for callgrind (instruction counts are reproducible, timings here are not):
//   valgrind --tool=callgrind chartmix_bench --profile one_period|history|load|load_no_match [MANIFEST]
static int ProfileMode(const std::string& what, const std::string& manifest, int repeat)
{
    if (what == "load" || what == "load_no_match") {
        LoadOptions options;
        options.Match = what == "load";
        std::vector<InputFile> files;
        std::string why;
        if (!ReadManifestFiles(manifest, &files, &why)) { std::fprintf(stderr, "chartmix_bench: %s\n", why.c_str()); return 1; }
        size_t entries = 0;
        for (int i = 0; i < repeat; i++) {
            Result<LoadedDataset> r = LoadDataset(files, options);
            entries = r ? r->Data.EntryCount() : 0;
        }
        std::printf("%zu entries, loaded %d times\n", entries, repeat);
        return 0;
    }
    const bool history = what == "history";
    Dataset data = history ? MakeRemixDataset(20, 100, 500, 11) : MakeRemixDataset(20, 2000, 1, 42);
    Engine engine(data);
    (void)engine.SetMix(ShareMix());
    Ranking r;
    History h;
    const int steps = history ? 10 : 200;
    for (int i = 1; i <= steps; i++) {
        ApplyWeights(engine, i);
        if (history) (void)engine.RankHistory(100, &h);
        else (void)engine.Rank(0, 100, &r);
    }
    std::printf("%d re-mixes\n", steps);
    return 0;
}

static int MemoryMode(const std::string& manifest)
{
    std::vector<InputFile> files;
    std::string why;
    if (!ReadManifestFiles(manifest, &files, &why)) { std::fprintf(stderr, "chartmix_bench: %s\n", why.c_str()); return 1; }
    size_t file_bytes = 0;
    for (size_t i = 1; i < files.size(); i++) file_bytes += files[i].Bytes.size();
    double t0 = NowMs();
    // As the page does it: chartmix_load_files copies each file once into the core and hands the
    // copies over to the load, which parses them in place.
    Result<LoadedDataset> loaded = LoadDataset(std::move(files), LoadOptions{});
    double ms = NowMs() - t0;
    Json j;
    j.Begin().Str("name", BaseName(manifest)).Int("file_bytes", (int64_t)file_bytes).Num("load_ms", ms);
    if (!loaded) {
        j.Str("error", loaded.Err().ToString());
    } else {
        j.Int("memory_bytes", (int64_t)loaded->Data.MemoryBytes()).Int("entries", (int64_t)loaded->Data.EntryCount());
#ifdef __EMSCRIPTEN__
        j.Int("wasm_heap_bytes", (int64_t)emscripten_get_heap_size());
#else
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        j.Int("max_rss_bytes", (int64_t)ru.ru_maxrss * 1024);
#endif
    }
    j.End();
    std::printf("%s\n", j.Text().c_str());
    return 0;
}

int main(int argc, char** argv)
{
    SuiteOptions o;
    o.Progress = true;
    bool synthetic = true;
    std::vector<std::string> manifests;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "--quick")) { o.Samples = 5; o.MinSampleMs = 5.0; }
        else if (!std::strcmp(argv[i], "--no-synthetic")) synthetic = false;
        else if (!std::strcmp(argv[i], "--no-scaling")) o.Scaling = false;
        else if (!std::strcmp(argv[i], "--memory") && i + 1 < argc) return MemoryMode(argv[++i]);
        else if (!std::strcmp(argv[i], "--profile") && i + 1 < argc) return ProfileMode(argv[i + 1], i + 2 < argc ? argv[i + 2] : "", i + 3 < argc ? std::max(1, std::atoi(argv[i + 3])) : 1);
        else if (argv[i][0] == '-') { std::fprintf(stderr, "chartmix_bench: unknown option %s\n", argv[i]); return 2; }
        else manifests.push_back(argv[i]);
    }
    Json j;
    j.Begin();
#ifdef __EMSCRIPTEN__
    j.Str("platform", "wasm-node");
#else
    j.Str("platform", "native");
#endif
    j.Int("samples", o.Samples).Num("min_sample_ms", o.MinSampleMs);
    if (synthetic) RunSyntheticSuite(j, o);
    j.BeginArray("datasets");
    for (const std::string& m : manifests) {
        std::vector<InputFile> files;
        std::string why;
        if (!ReadManifestFiles(m, &files, &why)) {
            j.Begin().Str("name", BaseName(m)).Str("error", why).End();
            continue;
        }
        std::fprintf(stderr, "chartmix_bench: %s\n", BaseName(m).c_str());
        RunDatasetCase(j, BaseName(m), files, o);
    }
    j.EndArray();
    j.End();
    std::printf("%s\n", j.Text().c_str());
    return 0;
}
