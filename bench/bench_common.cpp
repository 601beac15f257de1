#include "bench_common.h"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/base/random.h"
#include "core/data/manifest.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace chartmix::bench {

double NowMs()
{
#ifdef __EMSCRIPTEN__
    return emscripten_get_now();
#else
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
#endif
}

Dataset MakeRemixDataset(int sources, int depth, int periods, uint64_t seed)
{
    DatasetBuilder b;
    b.SetName("Synthetic re-mix benchmark data", true);
    const int pool = 3 * depth;
    b.Reserve((size_t)sources * depth * periods);
    for (int s = 0; s < sources; s++)
        b.AddSource(Source{ "src-" + std::to_string(s + 1), "Synthetic stream chart " + std::to_string(s + 1), "GLOBAL",
                            SourceKind::AudioStreams, Granularity::Weekly, depth, "streams", 0, "bench/bench_common.cpp", false });
    std::vector<uint32_t> song_id(pool);
    for (int i = 0; i < pool; i++)
        song_id[i] = b.AddSong("Song " + std::to_string(i + 1), "Artist " + std::to_string(i % 997 + 1));
    std::vector<double> base(pool);
    for (int i = 0; i < pool; i++) base[i] = 1.0 / std::sqrt(1.0 + i);  // a long tail, like streams
    Random rng(seed);
    std::vector<std::pair<double, uint32_t>> scored(pool);
    const DayNumber first_end = 19362;  // 2023-01-05, a Thursday
    for (int p = 0; p < periods; p++) {
        DayNumber end = first_end + 7 * p;
        char label[32];
        std::snprintf(label, sizeof(label), "week %d", p + 1);
        uint32_t period = b.AddPeriod(end - 6, end, label);
        for (int s = 0; s < sources; s++) {
            for (int i = 0; i < pool; i++) scored[i] = { base[i] * PortableExp(0.6 * rng.NextNormal()), (uint32_t)i };
            std::partial_sort(scored.begin(), scored.begin() + depth, scored.end(),
                              [](const auto& a, const auto& c) { return a.first != c.first ? a.first > c.first : a.second < c.second; });
            for (int r = 0; r < depth; r++)
                b.AddEntry(period, (uint32_t)s, song_id[scored[r].second], (uint16_t)(r + 1), std::floor(scored[r].first * 1e6) + 1.0);
        }
    }
    return b.Finish();
}

Mix ShareMix()
{
    Mix m;
    m.RankMethod = Method::WeightedSum;
    m.Norm = Normalization::Share;
    m.Missing = MissingPolicy::Zero;
    m.Tie = TieBreak::SongId;
    m.Weights = { { "*", 1.0 } };
    return m;
}

Mix RankPointsMix(const Dataset& data)
{
    Mix m = ShareMix();
    m.Norm = Normalization::RankPoints;
    // Official composites (Billboard) are mixed in only by their exact key.
    for (const Source& s : data.Sources)
        if (s.IsOfficial) m.Weights.push_back({ s.Key, 1.0 });
    return m;
}

double WeightFor(int step, int source)
{
    return 0.25 + (double)((step * 7 + source * 13 + (step * source) % 11) % 17) / 8.0;
}

void ApplyWeights(Engine& engine, int step)
{
    const ResolvedMix& r = engine.Resolved();
    for (uint32_t s = 0; s < r.Included.size(); s++)
        if (r.Included[s]) (void)engine.SetWeight(s, WeightFor(step, (int)s));
}

bool ReadFile(const std::string& path, std::string* out)
{
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    out->clear();
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) out->append(buf, n);
    std::fclose(f);
    return true;
}

bool ReadManifestFiles(const std::string& manifest_path, std::vector<InputFile>* files, std::string* why)
{
    files->clear();
    std::string text;
    if (!ReadFile(manifest_path, &text)) { *why = "cannot read " + manifest_path; return false; }
    size_t slash = manifest_path.find_last_of('/');
    std::string dir = slash == std::string::npos ? "." : manifest_path.substr(0, slash);
    std::string name = slash == std::string::npos ? manifest_path : manifest_path.substr(slash + 1);
    Result<std::vector<std::string>> paths = ManifestFilePaths(text, name);
    if (!paths) { *why = paths.Err().ToString(); return false; }
    files->push_back({ name, text });
    for (const std::string& p : *paths) {
        InputFile f{ p, {} };
        if (!ReadFile(dir + "/" + p, &f.Bytes)) { *why = "cannot read " + dir + "/" + p; return false; }
        files->push_back(std::move(f));
    }
    return true;
}

// [SECTION] Json

Json& Json::Begin(std::string_view key) { Key(key); W_.StartObject(); return *this; }
Json& Json::BeginArray(std::string_view key) { Key(key); W_.StartArray(); return *this; }
Json& Json::End() { W_.EndObject(); return *this; }
Json& Json::EndArray() { W_.EndArray(); return *this; }
Json& Json::Num(std::string_view key, double v) { Key(key); W_.Number(v); return *this; }
Json& Json::Int(std::string_view key, int64_t v) { Key(key); W_.Number((double)v); return *this; }
Json& Json::Bool(std::string_view key, bool v) { Key(key); W_.Bool(v); return *this; }
Json& Json::Str(std::string_view key, std::string_view v) { Key(key); W_.String(v); return *this; }

Json& Json::Time(std::string_view key, const Timing& t)
{
    Begin(key).Num("median_ms", t.MedianMs).Num("min_ms", t.MinMs).Num("max_ms", t.MaxMs)
        .Int("samples", t.Samples).Int("calls_per_sample", t.CallsPerSample);
    return End();
}

Json& Json::ArrayU32(std::string_view key, const uint32_t* v, size_t n)
{
    BeginArray(key);
    for (size_t i = 0; i < n; i++) Int({}, v[i]);
    return EndArray();
}

Json& Json::ArrayF64(std::string_view key, const double* v, size_t n)
{
    BeginArray(key);
    for (size_t i = 0; i < n; i++) Num({}, v[i]);
    return EndArray();
}

} // namespace chartmix::bench
