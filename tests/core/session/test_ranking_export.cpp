#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "core/analysis/sensitivity.h"
#include "core/base/number_format.h"
#include "core/rank/engine.h"
#include "core/rank/mix_json.h"
#include "core/session/ranking_export.h"
#include "test_ranking_fixtures.h"

using namespace chartmix;

namespace {

uint64_t Fnv(const std::string& bytes)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

} // namespace

TEST_SUITE("ranking") {

// SmallMarket, week w1, Borda on melon and qq (genie left out). By hand: melon lists A, B, C (depth
// 3: 3, 2, 1 points), qq lists E, C (depth 2: 2, 1). A = 3; B = 2; C = 1 + 1 = 2; E = 2. B, C and E
// tie: E has the best rank (#1 on qq), then C (best #2, on two charts) before B (best #2, one chart).
TEST_CASE("the ranking's CSV and JSON carry hand-worked scores and contributions") {
    Dataset d = test::SmallMarket();
    Engine e(d);
    REQUIRE(e.SetMix(*ParseMix(R"({"method":"borda","weights":{"melon":1,"qq":1}})")).Ok());
    Ranking r;
    REQUIRE(e.Rank(0, 0, &r).Ok());
    CHECK(RankingToCsv(e, r) ==
          "rank,song,title,artist,score,melon,qq\n"
          "1,0,A,x,3,3,0\n"
          "2,4,E,y,2,0,2\n"
          "3,2,C,x,2,1,1\n"
          "4,1,B,x,2,2,0\n");
    CHECK(RankingToJson(e, r) ==
          "{\"period\":\"w1\",\"mix\":" + SerializeMix(e.CurrentMix()) +
              ",\"simulated\":false,\"ranked\":4,\"sources\":[\"melon\",\"qq\"],\"entries\":["
              "{\"rank\":1,\"song\":0,\"title\":\"A\",\"artist\":\"x\",\"score\":3,\"scoreText\":\"3\",\"contributions\":{\"melon\":3,\"qq\":0}},"
              "{\"rank\":2,\"song\":4,\"title\":\"E\",\"artist\":\"y\",\"score\":2,\"scoreText\":\"2\",\"contributions\":{\"melon\":0,\"qq\":2}},"
              "{\"rank\":3,\"song\":2,\"title\":\"C\",\"artist\":\"x\",\"score\":2,\"scoreText\":\"2\",\"contributions\":{\"melon\":1,\"qq\":1}},"
              "{\"rank\":4,\"song\":1,\"title\":\"B\",\"artist\":\"x\",\"score\":2,\"scoreText\":\"2\",\"contributions\":{\"melon\":2,\"qq\":0}}]}");
    SUBCASE("the top 2 only") {
        REQUIRE(e.Rank(0, 2, &r).Ok());
        CHECK(RankingToCsv(e, r) == "rank,song,title,artist,score,melon,qq\n1,0,A,x,3,3,0\n2,4,E,y,2,0,2\n");
    }
}

// Rank points on one chart of depth 3: #1 = 3/3, #2 = 2/3, #3 = 1/3, printed to 10 significant
// digits; a title with a comma and quotes is quoted with its quotes doubled (RFC 4180).
TEST_CASE("fractions print to ten digits and CSV text is quoted") {
    DatasetBuilder b;
    uint32_t melon = b.AddSource(test::MakeSource("melon", "KR", SourceKind::AudioStreams, 3));
    uint32_t w1 = b.AddPeriod(0, 6, "w1");
    b.AddEntry(w1, melon, b.AddSong("Say \"Hi\", Bye", "Kim, Lee"), 1, NAN);
    b.AddEntry(w1, melon, b.AddSong("Plain", "Park"), 2, NAN);
    b.AddEntry(w1, melon, b.AddSong("Third", "Choi"), 3, NAN);
    Dataset d = b.Finish();
    Engine e(d);
    REQUIRE(e.SetMix(*ParseMix(R"({"normalization":"rank_points"})")).Ok());
    Ranking r;
    REQUIRE(e.Rank(0, 0, &r).Ok());
    CHECK(RankingToCsv(e, r) ==
          "rank,song,title,artist,score,melon\n"
          "1,0,\"Say \"\"Hi\"\", Bye\",\"Kim, Lee\",1,1\n"
          "2,1,Plain,Park,0.6666666667,0.6666666667\n"
          "3,2,Third,Choi,0.3333333333,0.3333333333\n");
    const std::string json = RankingToJson(e, r);
    CHECK(json.find("\"title\":\"Say \\\"Hi\\\", Bye\",\"artist\":\"Kim, Lee\",\"score\":1,") != std::string::npos);
    CHECK(json.find("\"score\":0.6666666667,\"scoreText\":\"0.6667\",\"contributions\":{\"melon\":0.6666666667}") != std::string::npos);
}

// The suites also run compiled to wasm under node: these fixed hashes are what proves that the same
// mix on the same data prints the same bytes on both (sqrt in z-scores, divisions in shares, the
// portable generator in P(#1)). A change of formula changes them on purpose; update them then.
TEST_CASE("the same mix on the same data prints the same bytes on every platform") {
    Dataset d = test::RandomMarket(6, 8, 40, 150, 2026);
    std::string all;
    for (const char* text : { R"({"normalization":"z_score","window":{"kind":"rolling","periods":3}})",
                              R"({"normalization":"share","weights":{"*":1,"src1":2.5},"ratios":{"src2":3}})",
                              R"({"method":"rrf","missing":"ignore"})", R"({"method":"kemeny","candidates":9})",
                              R"({"method":"mc4","candidates":15})" }) {
        Engine e(d);
        REQUIRE(e.SetMix(*ParseMix(text)).Ok());
        Ranking r;
        REQUIRE(e.Rank(7, 20, &r).Ok());
        all += RankingToJson(e, r);
        all += RankingToCsv(e, r);
        // Every bit of every score, not only the 10 digits that output prints.
        for (double x : r.Scores) {
            AppendNumber(all, x, NumberDigits::Shortest);
            all += ',';
        }
    }
    Engine e(d);
    REQUIRE(e.SetMix(*ParseMix(R"({"weights":{"*":1}})")).Ok());
    Result<std::vector<WinChance>> chances = NumberOneChances(e, 7, 30.0, 3000, 5);
    REQUIRE(chances.Ok());
    for (const WinChance& c : *chances) all += std::to_string(c.Song) + ":" + std::to_string(c.Wins) + ";";
    MESSAGE("ranking bytes fnv1a64 = " << Fnv(all) << " (" << all.size() << " bytes)");
    CHECK(Fnv(all) == 12631475786808004248ull);
}

}

TEST_CASE("a score prints as the chart panel shows it, four significant digits")
{
    CHECK(chartmix::FormatScore(10.01833333) == "10.02");
    CHECK(chartmix::FormatScore(9.8374) == "9.837");
    CHECK(chartmix::FormatScore(3.0) == "3");
    CHECK(chartmix::FormatScore(0.000123456) == "0.0001235");
    CHECK(chartmix::FormatScore(std::nan("")) == "-");
}
