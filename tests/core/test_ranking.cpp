#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "core/engine.h"
#include "core/mix_json.h"
#include "core/ranking.h"
#include "core/sensitivity.h"
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
            AppendExactNumber(all, x);
            all += ',';
        }
    }
    Engine e(d);
    REQUIRE(e.SetMix(*ParseMix(R"({"weights":{"*":1}})")).Ok());
    Result<std::vector<WinChance>> chances = NumberOneChances(e, 7, 30.0, 3000, 5);
    REQUIRE(chances.Ok());
    for (const WinChance& c : *chances) all += std::to_string(c.Song) + ":" + std::to_string(c.Wins) + ";";
    MESSAGE("ranking bytes fnv1a64 = " << Fnv(all) << " (" << all.size() << " bytes)");
    CHECK(Fnv(all) == 7669135872465161964ull);
}

}
