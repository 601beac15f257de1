#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <ios>
#include <map>

#include "core/data/csv_writer.h"
#include "core/demo/demo_market.h"

using namespace chartmix;

namespace {

DemoMarket Generate(const DemoMarketParams& params)
{
    Result<DemoMarket> market = GenerateDemoMarket(params);
    REQUIRE(market.Ok());
    return market.Take();
}

DemoMarketParams SmallConfig()
{
    DemoMarketParams p;
    p.Seed = 42;
    p.Songs = 80;
    p.Weeks = 4;
    p.Noise = 0.3;
    return p;
}

// Recorded after checking that the native and the wasm build print the same bytes for SmallConfig().
constexpr uint64_t kSmallConfigHash = 0x3caf6ad8c1cb7b1full;
// The same, for the default market and for a scale-mode market, whose rows go deeper into the model.
constexpr uint64_t kDefaultConfigHash = 0xef1ef6b479611096ull;
constexpr uint64_t kScaleConfigHash = 0x2a9158a9b9decc75ull;

std::string HashText(uint64_t hash)
{
    char text[32];
    std::snprintf(text, sizeof(text), "%016llx", (unsigned long long)hash);
    return text;
}

} // namespace

TEST_SUITE("demo_market") {

TEST_CASE("the same seed gives the same bytes, another seed other bytes") {
    std::string a = WriteCanonicalCsv(Generate(SmallConfig()).Data);
    std::string b = WriteCanonicalCsv(Generate(SmallConfig()).Data);
    CHECK(a == b);
    DemoMarketParams other = SmallConfig();
    other.Seed = 43;
    std::string c = WriteCanonicalCsv(Generate(other).Data);
    CHECK(c != a);
    MESSAGE("small config: " << a.size() << " bytes, fnv1a64 " << HashText(Fnv1a64(a)));
    CHECK(Fnv1a64(a) == kSmallConfigHash);
}

TEST_CASE("larger markets print the recorded bytes on every platform") {
    std::string normal = WriteCanonicalCsv(Generate(DemoMarketParams{}).Data);
    MESSAGE("default config: " << normal.size() << " bytes, fnv1a64 " << HashText(Fnv1a64(normal)));
    CHECK(Fnv1a64(normal) == kDefaultConfigHash);
    DemoMarketParams p;
    p.Seed = 9;
    p.Weeks = 40;
    p.ScaleEntries = 60000;
    p.Noise = 0.8;
    std::string scale = WriteCanonicalCsv(Generate(p).Data);
    MESSAGE("scale config: " << scale.size() << " bytes, fnv1a64 " << HashText(Fnv1a64(scale)));
    CHECK(Fnv1a64(scale) == kScaleConfigHash);
}

TEST_CASE("the dataset says plainly that it is simulated") {
    DemoMarket m = Generate(SmallConfig());
    CHECK(m.Data.Simulated);
    CHECK(m.Data.Name.rfind("Simulated", 0) == 0);
    REQUIRE(m.Data.Sources.size() == 12);
    CHECK(m.Data.Sources[m.OfficialSource].IsOfficial);
    CHECK(m.Data.Sources[m.OfficialSource].Kind == SourceKind::OfficialComposite);
    int official = 0;
    for (const Source& s : m.Data.Sources) official += s.IsOfficial;
    CHECK(official == 1);
    CHECK(m.Data.FindSource("melon") >= 0);
    CHECK(m.Data.FindSource("qq-music") >= 0);
    CHECK(m.Data.FindSource("spotify-global") >= 0);
    CHECK(m.Data.Sources[m.Data.FindSource("kugou")].Region == "CN");
}

TEST_CASE("platform depths are respected and ranks run 1..k") {
    DemoMarketParams p;
    p.Weeks = 6;
    DemoMarket m = Generate(p);
    REQUIRE(m.Data.Groups.size() == 6 * 12);
    int too_deep = 0, out_of_sequence = 0;
    for (const EntryGroup& g : m.Data.Groups) {
        too_deep += g.End - g.Begin > (uint32_t)m.Data.Sources[g.Source].Depth;
        for (uint32_t e = g.Begin; e < g.End; e++) out_of_sequence += m.Data.EntryRank[e] != e - g.Begin + 1;
    }
    CHECK(too_deep == 0);
    CHECK(out_of_sequence == 0);
    CHECK(m.Data.Sources[m.Data.FindSource("kugou")].Depth == 300);  // TOP500, capped by 300 songs
    CHECK(m.Data.Sources[m.Data.FindSource("melon")].Depth == 100);
    SUBCASE("units only where the platform publishes them") {
        int wrong = 0, with_units = 0;
        for (size_t e = 0; e < m.Data.EntryCount(); e++) {
            const Source& s = m.Data.Sources[m.Data.EntrySource[e]];
            double u = m.Data.EntryUnits[e];
            if (s.UnitName.empty()) wrong += !std::isnan(u);
            else wrong += !(u >= 0 && u == std::floor(u)), with_units++;
        }
        CHECK(wrong == 0);
        CHECK(with_units > 0);
    }
}

TEST_CASE("fandom-driven acts spike in physical sales in release week") {
    DemoMarketParams p;
    p.Weeks = 12;
    DemoMarket m = Generate(p);
    int album = m.Data.FindSource("circle-album");
    REQUIRE(album >= 0);
    // units[(period, song)] on the album chart
    std::map<std::pair<uint32_t, uint32_t>, double> units;
    for (size_t e = 0; e < m.Data.EntryCount(); e++)
        if ((int)m.Data.EntrySource[e] == album) units[{ m.Data.EntryPeriod[e], m.Data.EntrySong[e] }] = m.Data.EntryUnits[e];
    double release_week = 0, week_after = 0;
    int fandom_songs = 0;
    for (uint32_t s = 0; s < m.SongCount(); s++) {
        int r = m.ReleaseWeek[s];
        if (!m.FandomDriven[s] || r < 0 || r + 1 >= (int)m.PeriodCount()) continue;
        fandom_songs++;
        auto at = [&](int t) { auto it = units.find({ (uint32_t)t, s }); return it == units.end() ? 0.0 : it->second; };
        release_week += at(r);
        week_after += at(r + 1);
    }
    REQUIRE(fandom_songs > 10);
    CHECK(release_week > 5.0 * week_after);
    SUBCASE("and top the album chart in that week") {
        int top_new = 0, weeks = 0;
        for (const EntryGroup& g : m.Data.Groups) {
            if ((int)g.Source != album || g.Period == 0) continue;
            weeks++;
            uint32_t top = m.Data.EntrySong[g.Begin];
            top_new += m.FandomDriven[top] && m.ReleaseWeek[top] == (int)g.Period;
        }
        CHECK(top_new * 4 >= weeks * 3);
    }
}

TEST_CASE("casual hits stream for months, fandom songs fade") {
    DemoMarketParams p;
    p.Weeks = 30;
    p.Noise = 0.0;
    DemoMarket m = Generate(p);
    int spotify = m.Data.FindSource("spotify-global");
    std::vector<int> weeks_on(m.SongCount(), 0);
    for (size_t e = 0; e < m.Data.EntryCount(); e++)
        if ((int)m.Data.EntrySource[e] == spotify && m.Data.EntryRank[e] <= 50) weeks_on[m.Data.EntrySong[e]]++;
    double fandom = 0, casual = 0;
    int nf = 0, nc = 0;
    for (uint32_t s = 0; s < m.SongCount(); s++) {
        if (m.ReleaseWeek[s] < 0 || m.ReleaseWeek[s] >= 10 || weeks_on[s] == 0) continue;
        (m.FandomDriven[s] ? fandom : casual) += weeks_on[s];
        (m.FandomDriven[s] ? nf : nc)++;
    }
    REQUIRE(nf > 0);
    REQUIRE(nc > 0);
    CHECK(casual / nc > fandom / nf);
}

TEST_CASE("ground truth is available per period and overall") {
    DemoMarket m = Generate(SmallConfig());
    REQUIRE(m.TruePopularity.size() == (size_t)m.PeriodCount() * m.SongCount());
    for (uint32_t t = 0; t < m.PeriodCount(); t++) {
        std::vector<uint32_t> ranking = m.TrueRanking(t);
        REQUIRE(!ranking.empty());
        for (size_t i = 1; i < ranking.size(); i++) CHECK(m.TrueValue(t, ranking[i - 1]) >= m.TrueValue(t, ranking[i]));
        int unreleased_but_popular = 0;
        for (uint32_t s = 0; s < m.SongCount(); s++) unreleased_but_popular += m.ReleaseWeek[s] > (int)t && m.TrueValue(t, s) != 0.0;
        CHECK(unreleased_but_popular == 0);
    }
    CHECK(!m.TrueRankingOverall().empty());
    SUBCASE("the official chart's #1 is among the true top 5 without noise") {
        DemoMarketParams p = SmallConfig();
        p.Noise = 0.0;
        DemoMarket exact = Generate(p);
        int hits = 0;
        for (uint32_t g = 0; g < exact.Data.Groups.size(); g++) {
            const EntryGroup& group = exact.Data.Groups[g];
            if (group.Source != exact.OfficialSource) continue;
            std::vector<uint32_t> truth = exact.TrueRanking(group.Period);
            truth.resize(5);
            hits += std::find(truth.begin(), truth.end(), exact.Data.EntrySong[group.Begin]) != truth.end();
        }
        CHECK(hits == (int)exact.PeriodCount());
    }
}

TEST_CASE("scale mode hits the requested entry count") {
    SUBCASE("many periods") {
        DemoMarketParams p;
        p.Weeks = 50;
        p.ScaleEntries = 100003;
        DemoMarket m = Generate(p);
        CHECK(m.Data.EntryCount() == 100003);
        CHECK(m.PeriodCount() == 50);
    }
    SUBCASE("20 sources x 2,000 entries in one period") {
        DemoMarketParams p;
        p.Weeks = 1;
        p.Sources = 20;
        p.ScaleEntries = 40000;
        DemoMarket m = Generate(p);
        CHECK(m.Data.EntryCount() == 40000);
        REQUIRE(m.Data.Groups.size() == 20);
        for (const EntryGroup& g : m.Data.Groups) CHECK(g.End - g.Begin == 2000);
    }
}

TEST_CASE("parameters it cannot honour are refused with a reason") {
    DemoMarketParams p;
    SUBCASE("no weeks") { p.Weeks = 0; }
    SUBCASE("negative noise") { p.Noise = -1; }
    SUBCASE("too few sources") { p.Sources = 5; }
    SUBCASE("charts deeper than 65,535") { p.Weeks = 1; p.ScaleEntries = 12 * 70000; }
    Result<DemoMarket> m = GenerateDemoMarket(p);
    REQUIRE(!m.Ok());
    CHECK(!m.Err().Message.empty());
}

}
