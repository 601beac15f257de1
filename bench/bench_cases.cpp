#include "bench_cases.h"

#include <cstdio>
#include <cstring>

#include "core/data/csv.h"
#include "core/demo/demo_market.h"

namespace chartmix::bench {

uint64_t RankingHash(const uint32_t* songs, const double* scores, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    auto mix = [&](const void* p, size_t len) {
        const unsigned char* b = (const unsigned char*)p;
        for (size_t i = 0; i < len; i++) { h ^= b[i]; h *= 1099511628211ull; }
    };
    for (size_t i = 0; i < n; i++) { mix(&songs[i], 4); mix(&scores[i], 8); }
    return h;
}

static std::string Hex(uint64_t v)
{
    char b[24];
    std::snprintf(b, sizeof(b), "%016llx", (unsigned long long)v);
    return b;
}

// The slider path on one period: new weights for every source, then the top 100.
static void OnePeriodCase(Json& j, const SuiteOptions& o)
{
    const int sources = 20, depth = 2000;
    double t0 = NowMs();
    Dataset data = MakeRemixDataset(sources, depth, 1, 42);
    double gen_ms = NowMs() - t0;
    Engine engine(data);
    Mix mix = ShareMix();
    t0 = NowMs();
    (void)engine.SetMix(mix);
    double setmix_ms = NowMs() - t0;
    Ranking ranking;
    int step = 0;
    j.Begin("one_period").Int("sources", sources).Int("depth", depth).Int("entries", (int64_t)data.EntryCount())
        .Int("songs", (int64_t)data.Songs.size()).Num("generate_ms", gen_ms).Num("first_set_mix_ms", setmix_ms);
    // All 20 weights change, then rank (what a preset switch or a multi-slider drag does).
    j.Time("remix_all_weights", Measure([&] { ApplyWeights(engine, ++step); (void)engine.Rank(0, 100, &ranking); }, o.Samples, o.MinSampleMs));
    // One slider moves (the drag case).
    j.Time("remix_one_weight", Measure([&] { ++step; (void)engine.SetWeight((uint32_t)(step % sources), WeightFor(step, step % sources));
                                           (void)engine.Rank(0, 100, &ranking); }, o.Samples, o.MinSampleMs));
    // Rank alone, weights unchanged: the floor of the current design (sum + selection).
    j.Time("rank_only", Measure([&] { (void)engine.Rank(0, 100, &ranking); }, o.Samples, o.MinSampleMs));
    // Cold: the share normalization is recomputed too (a scoring setting changed). Cutoff toggles
    // between 0 and the depth, which changes the scoring key but not the result.
    Mix a = mix, b = mix;
    b.Cutoff = depth;
    bool flip = false;
    j.Time("remix_with_normalization", Measure([&] { flip = !flip; (void)engine.SetMix(flip ? b : a); ApplyWeights(engine, ++step);
                                                   (void)engine.Rank(0, 100, &ranking); }, o.Samples, o.MinSampleMs));
    // The reference ranking every peer must reproduce: step 0 weights.
    (void)engine.SetMix(mix);
    ApplyWeights(engine, 0);
    (void)engine.Rank(0, 100, &ranking);
    const uint64_t engine_hash = RankingHash(ranking.Songs.data(), ranking.Scores.data(), ranking.Songs.size());
    j.Str("top100_hash", Hex(engine_hash));
    j.End();
}

static void HistoryCase(Json& j, const char* key, const Dataset& data, const Mix& mix, double gen_ms, const SuiteOptions& o)
{
    Engine engine(data);
    Status st = engine.SetMix(mix);
    j.Begin(key).Int("entries", (int64_t)data.EntryCount()).Int("periods", (int64_t)data.Periods.size())
        .Int("sources", (int64_t)data.Sources.size()).Int("songs", (int64_t)data.Songs.size()).Num("generate_ms", gen_ms)
        .Int("memory_bytes", (int64_t)data.MemoryBytes());
    if (!st) { j.Str("error", st.Err().ToString()).End(); return; }
    History h;
    int step = 0;
    j.Time("remix_history", Measure([&] { ApplyWeights(engine, ++step); (void)engine.RankHistory(100, &h); }, o.Samples, o.MinSampleMs));
    ApplyWeights(engine, 0);
    (void)engine.RankHistory(100, &h);
    const uint64_t engine_hash = RankingHash(h.Songs.data(), h.Scores.data(), h.Songs.size());
    j.Str("history_hash", Hex(engine_hash));
    j.End();
}

static void ScalingRow(Json& j, int sources, int depth, int periods, const SuiteOptions& o)
{
    Dataset data = MakeRemixDataset(sources, depth, periods, 7);
    Engine engine(data);
    (void)engine.SetMix(ShareMix());
    Ranking r;
    History h;
    int step = 0;
    Timing t = periods == 1
        ? Measure([&] { ApplyWeights(engine, ++step); (void)engine.Rank(0, 100, &r); }, o.Samples, o.MinSampleMs)
        : Measure([&] { ApplyWeights(engine, ++step); (void)engine.RankHistory(100, &h); }, o.Samples, o.MinSampleMs);
    j.Begin().Int("sources", sources).Int("depth", depth).Int("periods", periods).Int("entries", (int64_t)data.EntryCount())
        .Int("songs", (int64_t)data.Songs.size()).Time("remix", t)
        .Num("ns_per_entry", t.MedianMs * 1e6 / (double)data.EntryCount()).End();
}

static void Progress(const SuiteOptions& o, const char* what)
{
    if (o.Progress) std::fprintf(stderr, "chartmix_bench: %s (%.0f ms)\n", what, NowMs());
}

void RunSyntheticSuite(Json& j, const SuiteOptions& o)
{
    j.Begin("synthetic");
    Progress(o, "one period");
    OnePeriodCase(j, o);
    Progress(o, "demo market 1M");
    {
        double t0 = NowMs();
        Result<DemoMarket> market = GenerateDemoMarket({ .Seed = 1, .Weeks = 500, .ScaleEntries = 1000000, .Sources = 20 });
        double gen_ms = NowMs() - t0;
        if (market) {
            HistoryCase(j, "history_demo_1m", market->Data, RankPointsMix(Dataset{}), gen_ms, o);
        } else {
            j.Begin("history_demo_1m").Str("error", market.Err().ToString()).End();
        }
    }
    Progress(o, "synthetic shares 1M");
    {
        double t0 = NowMs();
        Dataset data = MakeRemixDataset(20, 100, 500, 11);
        HistoryCase(j, "history_share_1m", data, ShareMix(), NowMs() - t0, o);
    }
    Progress(o, "scaling");
    if (o.Scaling) {
        j.BeginArray("scaling_entries");
        for (int depth : { 500, 2000, 8000, 32000 }) ScalingRow(j, 20, depth, 1, o);
        j.EndArray();
        j.BeginArray("scaling_sources");
        for (int sources : { 5, 20, 80, 320 }) ScalingRow(j, sources, 2000, 1, o);
        j.EndArray();
        j.BeginArray("scaling_periods");
        for (int periods : { 50, 200, 800 }) ScalingRow(j, 20, 100, periods, o);
        j.EndArray();
    }
    Progress(o, "done");
    j.End();
}

void RunDatasetCase(Json& j, const std::string& name, const std::vector<InputFile>& files, const SuiteOptions& o)
{
    size_t file_bytes = 0, csv_bytes = 0;
    for (size_t i = 1; i < files.size(); i++) {  // files[0] is the manifest
        file_bytes += files[i].Bytes.size();
        if (files[i].Name.size() > 4 && files[i].Name.compare(files[i].Name.size() - 4, 4, ".csv") == 0) csv_bytes += files[i].Bytes.size();
    }
    j.Begin().Str("name", name).Int("files", (int64_t)files.size() - 1).Int("file_bytes", (int64_t)file_bytes).Int("csv_bytes", (int64_t)csv_bytes);
    LoadOptions opt;
    double t0 = NowMs();
    Result<LoadedDataset> first = LoadDataset(files, opt);
    double first_ms = NowMs() - t0;
    if (!first) { j.Str("error", first.Err().ToString()).End(); return; }
    const Dataset& data = first->Data;
    j.Num("first_load_ms", first_ms).Int("entries", (int64_t)data.EntryCount()).Int("periods", (int64_t)data.Periods.size())
        .Int("sources", (int64_t)data.Sources.size()).Int("songs", (int64_t)data.Songs.size())
        .Int("rows_read", (int64_t)first->Report.RowsRead).Int("rows_loaded", (int64_t)first->Report.RowsLoaded)
        .Int("rows_rejected", (int64_t)first->Report.Rejected.size()).Int("spellings", (int64_t)first->Report.Matching.Spellings)
        .Int("memory_bytes", (int64_t)data.MemoryBytes());
    // Whole load, as the app does it (decode, parse, validate, intern, align periods, match songs).
    Timing load = Measure([&] { Result<LoadedDataset> r = LoadDataset(files, opt); (void)r; }, o.Samples, o.MinSampleMs);
    j.Time("load", load).Num("load_mb_per_s", (double)file_bytes / 1e6 / (load.MedianMs / 1e3));
    // The same without cross-source matching, to separate the reader from the matcher.
    LoadOptions nomatch = opt;
    nomatch.Match = false;
    Timing load_nm = Measure([&] { Result<LoadedDataset> r = LoadDataset(files, nomatch); (void)r; }, o.Samples, o.MinSampleMs);
    j.Time("load_no_match", load_nm).Num("load_no_match_mb_per_s", (double)file_bytes / 1e6 / (load_nm.MedianMs / 1e3));
    // Bare RFC 4180 scanning of the CSV files (CsvReader, every field visited), buffer copy included.
    if (csv_bytes > 0) {
        std::string buf;
        size_t fields = 0;
        Timing scan = Measure([&] {
            for (size_t i = 1; i < files.size(); i++) {
                const std::string& b = files[i].Bytes;
                if (b.size() < 4 || files[i].Name.compare(files[i].Name.size() - 4, 4, ".csv") != 0) continue;
                buf.assign(b);
                CsvReader reader(files[i].Name, buf.data(), buf.size(), SniffDelimiter(buf));
                while (reader.Next()) fields += reader.FieldCount();
            }
        }, o.Samples, o.MinSampleMs);
        j.Time("csv_scan", scan).Num("csv_scan_mb_per_s", (double)csv_bytes / 1e6 / (scan.MedianMs / 1e3));
    }
    // Whole-history re-mix on the real data (rank points: Billboard publishes ranks only).
    Engine engine(data);
    Mix mix = RankPointsMix(data);
    if (Status st = engine.SetMix(mix); st) {
        History h;
        int step = 0;
        j.Time("remix_history", Measure([&] { ApplyWeights(engine, ++step); (void)engine.RankHistory(100, &h); }, o.Samples, o.MinSampleMs));
        Ranking r;
        uint32_t last = (uint32_t)data.Periods.size() - 1;
        j.Time("remix_one_period", Measure([&] { ApplyWeights(engine, ++step); (void)engine.Rank(last, 100, &r); }, o.Samples, o.MinSampleMs));
    } else {
        j.Str("remix_error", st.Err().ToString());
    }
    j.End();
}

} // namespace chartmix::bench
