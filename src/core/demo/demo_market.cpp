#include "core/demo/demo_market.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_set>

#include "core/base/random.h"

namespace chartmix {

// [SECTION] Platforms and regions
// [SECTION] Names
// [SECTION] Songs: true popularity week by week
// [SECTION] Charts: each platform's noisy top N, then the official composite
// [SECTION] Ground truth queries

// [SECTION] Platforms and regions

const std::vector<DemoPlatform>& DemoPlatforms()
{
    // Shares and tilts are plausible, not measured: the point is that no single platform is the
    // market. Official weights sum to 1 (documented in docs/demo-market.md).
    static const std::vector<DemoPlatform> platforms = {
        { "melon", "Melon weekly top 100", "KR", SourceKind::AudioStreams, 100, "", 0.40, 1.3, 0.14 },
        { "genie", "Genie weekly top 200", "KR", SourceKind::AudioStreams, 200, "", 0.20, 1.1, 0.07 },
        { "bugs", "Bugs weekly top 100", "KR", SourceKind::AudioStreams, 100, "", 0.10, 1.0, 0.03 },
        { "flo", "FLO weekly top 100", "KR", SourceKind::AudioStreams, 100, "", 0.18, 0.9, 0.05 },
        { "vibe", "VIBE weekly top 100", "KR", SourceKind::AudioStreams, 100, "", 0.12, 0.9, 0.03 },
        { "circle-album", "Circle album chart top 100", "KR", SourceKind::PhysicalSales, 100, "sales", 1.00, 0.0, 0.08 },
        { "qq-music", "QQ Music hot songs top 100", "CN", SourceKind::AudioStreams, 100, "", 0.50, 1.0, 0.13 },
        { "kugou", "Kugou TOP500", "CN", SourceKind::AudioStreams, 500, "", 0.35, 0.95, 0.10 },
        { "kuwo", "Kuwo hot songs top 100", "CN", SourceKind::AudioStreams, 100, "", 0.15, 0.95, 0.04 },
        { "spotify-global", "Spotify Global weekly top 200", "GLOBAL", SourceKind::AudioStreams, 200, "streams", 0.60, 0.85, 0.20 },
        { "youtube-global", "YouTube Global weekly top 100", "GLOBAL", SourceKind::VideoStreams, 100, "views", 0.40, 1.15, 0.13 },
    };
    return platforms;
}

static const char* const kRegions[3] = { "KR", "CN", "GLOBAL" };
static const double kRegionWeights[3] = { 0.25, 0.40, 0.35 };

static int RegionIndex(const char* region)
{
    for (int r = 0; r < 3; r++)
        if (std::strcmp(region, kRegions[r]) == 0) return r;
    return -1;
}

double DemoRegionWeight(const char* region)
{
    int r = RegionIndex(region);
    return r < 0 ? 0.0 : kRegionWeights[r];
}

constexpr int kBuiltinSources = 12;     // 11 platforms + the official composite
constexpr int kLifetimeWeeks = 52;      // a song leaves every chart a year after release
constexpr int kCatalogWeeks = 26;       // natural mode: songs already out before the first period
constexpr DayNumber kFirstWeekEnd = 20097;  // 2025-01-09, a Thursday like Spotify's week ends

// [SECTION] Names

static const char* const kTitleWords1[] = {
    "Midnight", "Neon", "Golden", "Paper", "Velvet", "Electric", "Silver", "Lonely", "Summer", "Winter", "Crystal",
    "Wild", "Blue", "Crimson", "Lucky", "Secret", "Falling", "Sweet", "Broken", "Shining", "Hidden", "Fever",
    "Cosmic", "Little", "Endless", "Dizzy", "Savage", "Gentle", "Rainy", "Sugar", "Runaway", "Lazy",
};
static const char* const kTitleWords2[] = {
    "Love", "Heart", "Dream", "City", "Night", "Flower", "Moon", "Signal", "Rush", "Parade", "Echo",
    "Sky", "Wave", "Letter", "Stranger", "Garden", "Runway", "Mirror", "Diary", "Magic", "Highway", "Puzzle",
    "Ocean", "Spark", "Candy", "Shadow", "Promise", "Butterfly", "Rocket", "Paradise", "Bloom", "Tide",
};
static const char* const kHangulWords[] = { "봄날", "별빛", "첫눈", "달빛", "바다", "소나기", "꽃길", "여름밤" };
static const char* const kHanziWords[] = { "星河", "晚风", "心跳", "月光", "远方", "花海", "旧梦", "微光" };
static const char* const kGroupStems[] = {
    "NOVA", "LUMI", "ARIA", "STELLA", "ORBIT", "PRISM", "VIVID", "KAIROS", "MOONLIT", "BLOSSOM", "ZENITH", "AURORA",
    "HALO", "CIPHER", "TEMPO", "ONYX",
};
static const char* const kGroupSuffixes[] = { "", "9", "X", " GIRLS", "NINE", "IZ", "-S", " BOYS" };
static const char* const kGivenNames[] = {
    "Mara", "Jonah", "Ines", "Theo", "Lena", "Caleb", "Noor", "Felix", "Ruby", "Milo", "Ayla", "Oscar",
};
static const char* const kFamilyNames[] = {
    "Lindqvist", "Reyes", "Okafor", "Hart", "Moreau", "Vance", "Sato", "Kowalski", "Bright", "Delgado",
};
static const char* const kPinyinGiven[] = { "Xiaoyu", "Mo", "Yichen", "Ruoxi", "Haoran", "Jiaqi", "Zimo", "Anqi" };
static const char* const kPinyinFamily[] = { "Lin", "Chen", "Zhou", "Xu", "Song", "Tang", "Gu", "Qiao" };

template <size_t N>
static const char* Pick(Random& rng, const char* const (&words)[N])
{
    return words[rng.NextBelow(N)];
}

static std::string MakeArtistName(Random& rng, int region, std::unordered_set<std::string>& used)
{
    // One draw per statement: the operands of + are evaluated in an unspecified order, and GCC and
    // clang (native vs wasm) pick differently.
    std::string name;
    if (region == 0) {
        name = Pick(rng, kGroupStems);
        name += Pick(rng, kGroupSuffixes);
    } else {
        name = region == 1 ? Pick(rng, kPinyinFamily) : Pick(rng, kGivenNames);
        name += ' ';
        name += region == 1 ? Pick(rng, kPinyinGiven) : Pick(rng, kFamilyNames);
    }
    // Collaborations with a comma exercise CSV quoting, as real credits do ("A, B").
    if (rng.NextBelow(12) == 0) name += std::string(", ") + Pick(rng, kGivenNames);
    std::string unique = name;
    for (int n = 2; !used.insert(unique).second; n++) unique = name + " " + std::to_string(n);
    return unique;
}

static std::string MakeTitle(Random& rng, int region)
{
    uint64_t style = rng.NextBelow(20);
    std::string a = Pick(rng, kTitleWords1), b = Pick(rng, kTitleWords2);
    if (style == 0) return "Hello, " + b;
    if (style == 1) return "\"" + b + "\" Again";
    if (style <= 4 && region == 0) return std::string(Pick(rng, kHangulWords)) + " (" + a + " " + b + ")";
    if (style <= 4 && region == 1) return std::string(Pick(rng, kHanziWords)) + " (" + a + " " + b + ")";
    return a + " " + b;
}

// [SECTION] Songs: true popularity week by week

struct SongModel {
    uint32_t Artist = 0;
    int Region = 0;           // home region index
    bool Fandom = false;
    int32_t Release = 0;      // week relative to period 0
    double FandomBase = 0;    // thousands of fans listening in release week
    double Appeal[3] = {};    // relative demand per region; sum of weight * appeal == 1
};

struct ArtistModel {
    std::string Name;
    int Region = 0;
    bool Fandom = false;
};


// Decay shapes by repeated multiplication: std::pow may differ in the last bit between libms, and
// the wasm build must reproduce the native bytes.
struct DecayTables {
    double FandomListen[kLifetimeWeeks];  // fans stream hard in release week, then drift away
    double Album[kLifetimeWeeks];         // fans buy the album in release week, hardly after
    double Casual[kLifetimeWeeks];        // word of mouth ramps up for a month, then fades slowly
    DecayTables()
    {
        double fandom = 0.5, album = 0.03, casual = 1.0;
        for (int age = 0; age < kLifetimeWeeks; age++) {
            FandomListen[age] = age == 0 ? 1.0 : fandom;
            Album[age] = age == 0 ? 0.5 : album;
            if (age > 0) { fandom *= 0.85; album *= 0.75; }
            Casual[age] = (age < 3 ? (double)(age + 1) / 4.0 : 1.0) * casual;
            casual *= 0.97;
        }
    }
};

static const DecayTables& Decay()
{
    static const DecayTables tables;
    return tables;
}

static double LogNormal(Random& rng, double sigma) { return PortableExp(sigma * rng.NextNormal()); }

static std::string FormatDay(DayNumber day)
{
    // Civil date from a day number (Howard Hinnant's algorithm).
    int32_t z = day + 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    int32_t d = doy - (153 * mp + 2) / 5 + 1;
    int32_t m = mp < 10 ? mp + 3 : mp - 9;
    int32_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", (int)y, (int)m, (int)d);
    return buf;
}

// One chart-publishing source as the generator drives it (built-in platform or generic extra).
struct ChartSpec {
    int Region = 0;
    bool Physical = false;
    double Share = 0;
    double Tilt = 1;
    double UnitsPerThousand = 0;  // units per thousand listeners reached; 0 = ranks only
    double OfficialWeight = 0;
    int Depth = 0;                // natural-mode depth
};

// [SECTION] Charts: each platform's noisy top N, then the official composite

static Status CheckParams(const DemoMarketParams& p)
{
    if (p.Songs < 1 || p.Songs > 1000000) return MakeFieldError("songs", "The number of songs must be between 1 and 1,000,000.");
    if (p.Weeks < 1 || p.Weeks > 5000) return MakeFieldError("weeks", "The number of weeks must be between 1 and 5,000.");
    if (!(p.Noise >= 0.0 && p.Noise <= 5.0)) return MakeFieldError("noise", "The noise level must be between 0 and 5 (0 = platforms measure exactly).");
    if (p.Sources != 0 && (p.Sources < kBuiltinSources || p.Sources > 1000))
        return MakeFieldError("sources", "The number of sources must be 0 (the 12 built-in ones) or between 12 and 1,000.");
    if (p.ScaleEntries < 0 || p.ScaleEntries > 50000000)
        return MakeFieldError("scale", "The scale must be between 1 and 50,000,000 entries (0 = natural size).");
    return OkStatus();
}

static bool ByScore(const std::pair<double, uint32_t>& a, const std::pair<double, uint32_t>& b)
{
    // A strict total order, so every standard library's partial_sort picks the same chart.
    return a.first != b.first ? a.first > b.first : a.second < b.second;
}

Result<DemoMarket> GenerateDemoMarket(const DemoMarketParams& params_in)
{
    Status check = CheckParams(params_in);
    if (!check) return check.Err();
    DemoMarket market;
    DemoMarketParams& params = market.Params;
    params = params_in;
    const int source_count = params.Sources == 0 ? kBuiltinSources : params.Sources;
    params.Sources = source_count;
    const int weeks = params.Weeks;
    const int64_t groups = (int64_t)weeks * source_count;

    // Scale mode spreads the requested entries over every (period, source) chart and releases just
    // enough songs each week that about 1.5x the chart depth are on the market at any time.
    int64_t scale_base = 0, scale_extra = 0;
    int first_release = -kCatalogWeeks;
    if (params.ScaleEntries > 0) {
        scale_base = params.ScaleEntries / groups;
        scale_extra = params.ScaleEntries % groups;
        int64_t max_depth = scale_base + (scale_extra > 0 ? 1 : 0);
        if (max_depth > 65535)
            return MakeFieldError("scale", "That many entries would need charts deeper than 65,535 ranks: add weeks or sources.");
        int64_t per_week = std::max<int64_t>(1, (3 * max_depth + 2 * kLifetimeWeeks - 1) / (2 * kLifetimeWeeks));
        first_release = -(kLifetimeWeeks - 1);
        int64_t needed = per_week * (weeks + kLifetimeWeeks - 1);
        if (needed > 5000000) return MakeFieldError("scale", "That scale needs more than 5,000,000 songs: add sources.");
        params.Songs = std::max<int>(params.Songs, (int)needed);
    }
    const uint32_t song_count = (uint32_t)params.Songs;
    const int64_t release_span = weeks - first_release;

    uint64_t mix = params.Seed;
    Random song_rng(SplitMix64(&mix));
    Random noise_rng(SplitMix64(&mix));
    const uint64_t walk_seed = SplitMix64(&mix);
    const DecayTables& decay = Decay();

    DatasetBuilder builder;
    char name[160];
    std::snprintf(name, sizeof(name), "Simulated chart market (seed %llu, %u songs, %d weeks, noise %g)",
                  (unsigned long long)params.Seed, song_count, weeks, params.Noise);
    builder.SetName(name, true);

    // Sources: the 11 platforms, the official composite, then generic extras for benchmarks.
    std::vector<ChartSpec> specs;
    const char* citation = "Simulated by chartmix from a seed (docs/demo-market.md); not real chart data";
    auto depth_of = [&](int nominal) { return params.ScaleEntries > 0 ? (int)(scale_base + (scale_extra > 0 ? 1 : 0)) : std::min<int>(nominal, (int)song_count); };
    for (const DemoPlatform& p : DemoPlatforms()) {
        ChartSpec spec;
        spec.Region = RegionIndex(p.Region);
        spec.Physical = p.Kind == SourceKind::PhysicalSales;
        spec.Share = p.RegionShare;
        spec.Tilt = p.FandomTilt;
        spec.UnitsPerThousand = p.UnitName[0] == 0 ? 0.0 : spec.Physical ? 1000.0 : p.RegionShare * 1000.0 * (p.Kind == SourceKind::VideoStreams ? 4.0 : 6.0);
        spec.OfficialWeight = p.OfficialWeight;
        spec.Depth = p.Depth;
        specs.push_back(spec);
        builder.AddSource(Source{ p.Key, std::string(p.Name) + " (simulated)", p.Region, p.Kind, Granularity::Weekly,
                                  depth_of(p.Depth), p.UnitName, 0, citation, false });
    }
    market.OfficialSource = builder.AddSource(Source{ "official", "Simulated official composite top 100", "GLOBAL",
                                                      SourceKind::OfficialComposite, Granularity::Weekly, depth_of(100),
                                                      "points", 0, citation, true });
    specs.push_back(ChartSpec{ 0, false, 0, 0, 1.0, 0, 100 });
    for (int k = kBuiltinSources; k < source_count; k++) {
        ChartSpec spec{ k % 3, false, 0.1, 1.0, 600.0, 0.0, 100 };
        specs.push_back(spec);
        std::string number = std::to_string(k + 1);
        builder.AddSource(Source{ "sim-" + number, "Simulated stream " + number, kRegions[spec.Region], SourceKind::AudioStreams,
                                  Granularity::Weekly, depth_of(100), "streams", 0, citation, false });
    }

    // Artists, then songs with their parameters and true popularity week by week.
    const uint32_t artist_count = std::max<uint32_t>(1, song_count / 3);
    std::vector<ArtistModel> artists(artist_count);
    std::unordered_set<std::string> used_names;
    for (ArtistModel& a : artists) {
        uint64_t u = song_rng.NextBelow(100);
        a.Region = u < 40 ? 0 : u < 70 ? 1 : 2;
        static const uint64_t kFandomPercent[3] = { 55, 25, 15 };
        a.Fandom = song_rng.NextBelow(100) < kFandomPercent[a.Region];
        a.Name = MakeArtistName(song_rng, a.Region, used_names);
    }
    std::vector<SongModel> songs(song_count);
    std::vector<double> casual((size_t)weeks * song_count, 0.0);
    market.TruePopularity.assign((size_t)weeks * song_count, 0.0);
    market.ReleaseWeek.resize(song_count);
    market.FandomDriven.resize(song_count);
    std::unordered_set<std::string> used_titles;
    for (uint32_t i = 0; i < song_count; i++) {
        SongModel& s = songs[i];
        s.Artist = (uint32_t)song_rng.NextBelow(artist_count);
        const ArtistModel& artist = artists[s.Artist];
        s.Region = artist.Region;
        s.Fandom = artist.Fandom;
        s.Release = first_release + (int32_t)((int64_t)i * release_span / song_count);
        s.FandomBase = s.Fandom ? 60.0 * LogNormal(song_rng, 0.7) : 4.0 * LogNormal(song_rng, 0.5);
        double casual_base = s.Fandom ? 20.0 * LogNormal(song_rng, 0.9) : 60.0 * LogNormal(song_rng, 1.0);
        double norm = 0.0;
        for (int r = 0; r < 3; r++) {
            s.Appeal[r] = r == s.Region ? 1.0 : 0.45 + 0.4 * song_rng.NextDouble();
            norm += kRegionWeights[r] * s.Appeal[r];
        }
        for (double& a : s.Appeal) a /= norm;
        std::string title = MakeTitle(song_rng, s.Region);
        std::string unique = title;
        for (int n = 2; !used_titles.insert(unique + '\x1f' + artist.Name).second; n++) unique = title + " Pt. " + std::to_string(n);
        uint32_t id = builder.AddSong(unique, artist.Name);
        assert(id == i);
        (void)id;
        market.ReleaseWeek[i] = s.Release;
        market.FandomDriven[i] = s.Fandom ? 1 : 0;

        // The casual audience drifts with a random walk of its own stream, so a song's story does
        // not depend on how many weeks are generated after it.
        Random walk_rng(walk_seed ^ ((uint64_t)i * 0x9E3779B97F4A7C15ull));
        double walk = 1.0;
        int end = std::min<int>(weeks, s.Release + kLifetimeWeeks);
        for (int t = s.Release; t < end; t++) {
            int age = t - s.Release;
            if (age > 0) walk = std::clamp(walk * LogNormal(walk_rng, 0.12), 0.3, 3.0);
            if (t < 0) continue;
            size_t cell = (size_t)t * song_count + i;
            casual[cell] = casual_base * decay.Casual[age] * walk;
            market.TruePopularity[cell] = s.FandomBase * decay.FandomListen[age] + casual[cell];
        }
    }

    for (int t = 0; t < weeks; t++) {
        DayNumber end = kFirstWeekEnd + 7 * t;
        uint32_t period = builder.AddPeriod(end - 6, end, FormatDay(end));
        assert(period == (uint32_t)t);
        (void)period;
    }

    // Charts, week by week. Songs are released in id order, so the songs on the market form one
    // contiguous id range [lo, hi).
    if (params.ScaleEntries > 0) builder.Reserve((size_t)params.ScaleEntries);
    std::vector<std::pair<double, uint32_t>> scored;
    std::vector<double> points(song_count, 0.0);
    uint32_t lo = 0, hi = 0;
    for (int t = 0; t < weeks; t++) {
        while (hi < song_count && songs[hi].Release <= t) hi++;
        while (lo < hi && songs[lo].Release + kLifetimeWeeks <= t) lo++;
        const int active = (int)(hi - lo);
        for (int src = 0; src < source_count; src++) {
            const ChartSpec& spec = specs[src];
            const bool official = src == (int)market.OfficialSource;
            int depth = params.ScaleEntries > 0 ? (int)(scale_base + ((int64_t)t * source_count + src < scale_extra ? 1 : 0))
                                                : std::min(spec.Depth, (int)song_count);
            depth = std::min(depth, active);
            scored.clear();
            for (uint32_t s = lo; s < hi; s++) {
                double signal;
                if (official) {
                    signal = points[s];
                } else {
                    const SongModel& song = songs[s];
                    int age = t - song.Release;
                    if (spec.Physical)
                        signal = song.FandomBase * decay.Album[age] * (song.Region == 0 ? 1.0 : 0.15);
                    else
                        signal = song.Appeal[spec.Region] * (casual[(size_t)t * song_count + s] + spec.Tilt * song.FandomBase * decay.FandomListen[age]);
                    if (params.Noise > 0.0) signal *= LogNormal(noise_rng, params.Noise);
                }
                scored.emplace_back(signal, s);
            }
            std::partial_sort(scored.begin(), scored.begin() + depth, scored.end(), ByScore);
            for (int r = 0; r < depth; r++) {
                uint32_t s = scored[r].second;
                double units = NAN;
                if (official) units = std::floor(scored[r].first * 10000.0 + 0.5);
                else if (spec.UnitsPerThousand > 0.0) units = std::floor(scored[r].first * spec.UnitsPerThousand + 0.5);
                builder.AddEntry((uint32_t)t, (uint32_t)src, s, (uint16_t)(r + 1), units);
                // The official chart gives each platform chart's entries points by rank, weighted.
                if (spec.OfficialWeight > 0.0) points[s] += spec.OfficialWeight * (double)(depth - r) / (double)depth;
            }
            if (official)
                for (uint32_t s = lo; s < hi; s++) points[s] = 0.0;
        }
    }
    market.Data = builder.Finish();
    return market;
}

// [SECTION] Ground truth queries

static std::vector<uint32_t> RankByValue(const std::vector<double>& value)
{
    std::vector<std::pair<double, uint32_t>> scored;
    for (uint32_t s = 0; s < value.size(); s++)
        if (value[s] > 0.0) scored.emplace_back(value[s], s);
    std::sort(scored.begin(), scored.end(), ByScore);
    std::vector<uint32_t> out;
    out.reserve(scored.size());
    for (const auto& p : scored) out.push_back(p.second);
    return out;
}

std::vector<uint32_t> DemoMarket::TrueRanking(uint32_t period) const
{
    const size_t n = SongCount();
    std::vector<double> value(TruePopularity.begin() + (ptrdiff_t)(period * n), TruePopularity.begin() + (ptrdiff_t)((period + 1) * n));
    return RankByValue(value);
}

std::vector<uint32_t> DemoMarket::TrueRankingOverall() const
{
    const size_t n = SongCount();
    std::vector<double> value(n, 0.0);
    for (uint32_t t = 0; t < PeriodCount(); t++)
        for (size_t s = 0; s < n; s++) value[s] += TruePopularity[t * n + s];
    return RankByValue(value);
}

} // namespace chartmix
