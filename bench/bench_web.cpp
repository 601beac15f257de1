// The benchmark page's wasm module (bench/web/): the same cases as bench_main.cpp, plus the data and
// reference rankings the peers (DuckDB-WASM, Arquero) are checked against. Strings returned to JS
// stay valid until the next call of the same function.
#include <emscripten.h>
#include <emscripten/heap.h>

#include <memory>
#include <string>
#include <vector>

#include "bench_cases.h"

using namespace chartmix;
using namespace chartmix::bench;

namespace {
std::vector<InputFile> g_files;
std::string g_out;
std::unique_ptr<Dataset> g_data;
std::unique_ptr<Engine> g_engine;
uint32_t g_columns[6];

SuiteOptions Options(int quick)
{
    SuiteOptions o;
    if (quick) { o.Samples = 5; o.MinSampleMs = 5.0; }
    return o;
}
} // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* bench_run_synthetic(int quick, int scaling)
{
    SuiteOptions o = Options(quick);
    o.Scaling = scaling != 0;
    Json j;
    j.Begin().Str("platform", "wasm-chromium").Int("samples", o.Samples).Num("min_sample_ms", o.MinSampleMs);
    RunSyntheticSuite(j, o);
    j.End();
    g_out = j.Text();
    return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE void bench_files_clear()
{
    g_files.clear();
    g_files.shrink_to_fit();
}

// The first file added must be the manifest.
EMSCRIPTEN_KEEPALIVE void bench_file_add(const char* name, const char* bytes, int len)
{
    g_files.push_back({ name, std::string(bytes, (size_t)len) });
}

EMSCRIPTEN_KEEPALIVE const char* bench_run_dataset(const char* name, int quick)
{
    Json j;
    j.BeginArray();
    RunDatasetCase(j, name, g_files, Options(quick));
    j.EndArray();
    g_out = j.Text();
    return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE double bench_heap_bytes() { return (double)emscripten_get_heap_size(); }

// Builds the synthetic re-mix data (same generator and seed as the suite) with the share mix bound.
EMSCRIPTEN_KEEPALIVE int bench_remix_setup(int sources, int depth, int periods, int seed)
{
    g_engine.reset();
    g_data = std::make_unique<Dataset>(MakeRemixDataset(sources, depth, periods, (uint64_t)seed));
    g_engine = std::make_unique<Engine>(*g_data);
    (void)g_engine->SetMix(ShareMix());
    return (int)g_data->EntryCount();
}

// [count, period*, source*, song*, units*, rank*] for the peers' tables.
EMSCRIPTEN_KEEPALIVE const uint32_t* bench_remix_columns()
{
    g_columns[0] = (uint32_t)g_data->EntryCount();
    g_columns[1] = (uint32_t)(uintptr_t)g_data->EntryPeriod.data();
    g_columns[2] = (uint32_t)(uintptr_t)g_data->EntrySource.data();
    g_columns[3] = (uint32_t)(uintptr_t)g_data->EntrySong.data();
    g_columns[4] = (uint32_t)(uintptr_t)g_data->EntryUnits.data();
    g_columns[5] = (uint32_t)(uintptr_t)g_data->EntryRank.data();
    return g_columns;
}

// chartmix's top `top` of period 0 under the weights of `step`, as JSON {songs, scores}.
EMSCRIPTEN_KEEPALIVE const char* bench_remix_rank(int step, int top)
{
    ApplyWeights(*g_engine, step);
    Ranking r;
    (void)g_engine->Rank(0, top, &r);
    Json j;
    j.Begin().ArrayU32("songs", r.Songs.data(), r.Songs.size()).ArrayF64("scores", r.Scores.data(), r.Scores.size()).End();
    g_out = j.Text();
    return g_out.c_str();
}

// The whole history under the weights of `step`, as JSON {offsets, songs, scores}.
EMSCRIPTEN_KEEPALIVE const char* bench_remix_history(int step, int top)
{
    ApplyWeights(*g_engine, step);
    History h;
    (void)g_engine->RankHistory(top, &h);
    Json j;
    j.Begin().ArrayU32("offsets", h.Offsets.data(), h.Offsets.size()).ArrayU32("songs", h.Songs.data(), h.Songs.size())
        .ArrayF64("scores", h.Scores.data(), h.Scores.size()).End();
    g_out = j.Text();
    return g_out.c_str();
}

} // extern "C"
