#pragma once
// Shared by the native/node benchmark (bench_main.cpp) and the browser benchmark module
// (bench_web.cpp): the synthetic re-mix data, the mixes, the weight sequence every side replays,
// timing, and a tiny JSON writer. Benchmarks measure; they never pass or fail.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/json.h"
#include "core/data/dataset.h"
#include "core/data/importer.h"
#include "core/rank/engine.h"
#include "core/rank/mix.h"

namespace chartmix::bench {

// Milliseconds from a monotonic clock (performance.now() in the browser).
double NowMs();

// Median, min and max of per-call times. Each sample repeats the call until it has run for at least
// min_sample_ms, so timer resolution (100 us in a browser without isolation) does not quantize it.
struct Timing {
    double MedianMs = 0.0, MinMs = 0.0, MaxMs = 0.0;
    int Samples = 0;
    int CallsPerSample = 0;
};

// Warm-up (at least 200 ms of calls, discarded), then `samples` samples.
template <typename F>
Timing Measure(F&& fn, int samples, double min_sample_ms);

// Synthetic chart data shaped like the product's worst slider case: `sources` charts of exactly
// `depth` entries in each of `periods` periods, every entry with units (streams), songs drawn from a
// pool of 3 x depth so charts overlap partly. Deterministic from the seed on every platform.
Dataset MakeRemixDataset(int sources, int depth, int periods, uint64_t seed);

// The benchmark mix: weighted sum of share-of-source (units / chart total), songs missing from a chart
// score 0 there, exact ties broken by song id. Peers implement exactly this (bench/web/peers.mjs).
Mix ShareMix();
// Rank points (depth + 1 - rank) / depth: for data whose charts publish ranks only (Billboard).
Mix RankPointsMix(const Dataset& data);

// The weight of source s at step i of a slider sequence: in [0.25, 2.25], never all zero.
// The JS side computes the same numbers (bench/web/peers.mjs weightFor).
double WeightFor(int step, int source);

// Sets every included source's weight for step i through the slider path (Engine::SetWeight).
void ApplyWeights(Engine& engine, int step);

// Whole files read from disk (native and NODERAWFS); empty on failure.
bool ReadFile(const std::string& path, std::string* out);
// A manifest and the files it names, ready for LoadDataset. Returns false with a reason.
bool ReadManifestFiles(const std::string& manifest_path, std::vector<InputFile>* files, std::string* why);

// The bench's JSON document, one per run, written through the product's JsonWriter (numbers to the
// shortest text that reads back). An empty key writes an array element.
class Json {
public:
    Json& Begin(std::string_view key = {});       // object
    Json& BeginArray(std::string_view key = {});
    Json& End();
    Json& EndArray();
    Json& Num(std::string_view key, double v);
    Json& Int(std::string_view key, int64_t v);
    Json& Str(std::string_view key, std::string_view v);
    Json& Bool(std::string_view key, bool v);
    Json& Time(std::string_view key, const Timing& t);
    Json& ArrayU32(std::string_view key, const uint32_t* v, size_t n);
    Json& ArrayF64(std::string_view key, const double* v, size_t n);
    const std::string& Text() const { return Out_; }

private:
    void Key(std::string_view key) { if (!key.empty()) W_.Key(key); }
    std::string Out_;
    JsonWriter W_ { &Out_, NumberDigits::Shortest };
};

template <typename F>
Timing Measure(F&& fn, int samples, double min_sample_ms)
{
    // Warm-up: keep calling until the optimized code runs. V8 starts wasm in its baseline compiler
    // (Liftoff) and swaps in optimized code for a function only once it has run for a while and a
    // background thread has compiled it. After a fixed 200 ms the samples timed a mix of both tiers (a
    // spotify load from 17 to 91 ms), and with 200 ms plus the steadiness check below still from 13 to
    // 76 ms: a load calls some functions only a few hundred times (the matching of non-ASCII titles),
    // and baseline code runs steadily too. So in wasm: at least a second, and until five calls in a row
    // were none of them 10% faster than the fastest before them (at most 5 s). The first, cold call is what
    // first_load_ms reports.
#if defined(__EMSCRIPTEN__)
    const double warmup_ms = std::max(1000.0, 5.0 * min_sample_ms);
#else
    const double warmup_ms = std::max(200.0, 5.0 * min_sample_ms);
#endif
    double fastest = 1e300;
    int steady = 0;
    for (double t0 = NowMs();;) {
        const double c0 = NowMs();
        fn();
        const double dt = NowMs() - c0;
        if (dt < 0.9 * fastest) steady = 0;
        else steady++;
        fastest = std::min(fastest, dt);
        const double elapsed = NowMs() - t0;
        if ((elapsed >= warmup_ms && steady >= 5) || elapsed >= 5000.0) break;
    }
    // Calibrate: how many calls fill one sample.
    int calls = 1;
    for (;;) {
        double t0 = NowMs();
        for (int i = 0; i < calls; i++) fn();
        double dt = NowMs() - t0;
        if (dt >= min_sample_ms || calls >= (1 << 20)) break;
        calls = dt <= 0.0 ? calls * 8 : std::max(calls + 1, (int)(calls * (min_sample_ms * 1.2 / dt)));
    }
    std::vector<double> per_call;
    for (int s = 0; s < samples; s++) {
        double t0 = NowMs();
        for (int i = 0; i < calls; i++) fn();
        per_call.push_back((NowMs() - t0) / calls);
    }
    std::vector<double> sorted = per_call;
    std::sort(sorted.begin(), sorted.end());
    Timing t;
    t.Samples = samples;
    t.CallsPerSample = calls;
    t.MinMs = sorted.front();
    t.MaxMs = sorted.back();
    t.MedianMs = samples % 2 ? sorted[samples / 2] : 0.5 * (sorted[samples / 2 - 1] + sorted[samples / 2]);
    return t;
}

} // namespace chartmix::bench
