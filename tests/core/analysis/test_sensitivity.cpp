#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/analysis/sensitivity.h"
#include "core/rank/engine.h"
#include "core/rank/mix_json.h"
#include "test_ranking_fixtures.h"

using namespace chartmix;

namespace {

// The song's rank after re-ranking from scratch with one source's weight changed.
int RankWithWeight(const Dataset& d, const Mix& mix, uint32_t period, uint32_t source, double weight, uint32_t song)
{
    Engine e(d);
    REQUIRE(e.SetMix(mix).Ok());
    REQUIRE(e.SetWeight(source, weight).Ok());
    Ranking r;
    REQUIRE(e.Rank(period, 0, &r).Ok());
    for (size_t i = 0; i < r.Songs.size(); i++)
        if (r.Songs[i] == song) return (int)i + 1;
    return -1;
}

// A step small relative to the weight, yet large enough to move past a crossing.
double Nudge(double t) { return std::max(1e-9, std::fabs(t) * 1e-9); }

} // namespace

TEST_SUITE("sensitivity") {

TEST_CASE("each end of a rank interval is where the rank changes") {
    Dataset d = test::RandomMarket(4, 1, 40, 80, 17);
    const char* mixes[] = { R"({"weights":{"*":1,"src1":2.5}})", R"({"method":"dowdall","weights":{"*":1,"src0":0.7}})",
                            R"({"normalization":"units","missing":"zero","weights":{"*":1}})" };
    for (const char* text : mixes) {
        Mix mix = *ParseMix(text);
        Engine e(d);
        REQUIRE(e.SetMix(mix).Ok());
        Ranking top;
        REQUIRE(e.Rank(0, 8, &top).Ok());
        for (uint32_t source = 0; source < 4; source++)
            for (uint32_t song : top.Songs) {
                CAPTURE(text);
                CAPTURE(source);
                CAPTURE(song);
                Result<WeightInterval> iv = RankInterval(e, 0, source, song);
                REQUIRE(iv.Ok());
                CHECK(iv->Low <= iv->Current);
                CHECK(iv->Current <= iv->High);
                CHECK(RankWithWeight(d, mix, 0, source, iv->Current, song) == iv->Rank);
                if (iv->Low > 0) {
                    CHECK(RankWithWeight(d, mix, 0, source, iv->Low + Nudge(iv->Low), song) == iv->Rank);
                    CHECK(RankWithWeight(d, mix, 0, source, iv->Low - Nudge(iv->Low), song) != iv->Rank);
                } else {
                    CHECK(RankWithWeight(d, mix, 0, source, 0.0, song) == iv->Rank);
                }
                if (!iv->HighUnbounded) {
                    CHECK(RankWithWeight(d, mix, 0, source, iv->High - Nudge(iv->High), song) == iv->Rank);
                    CHECK(RankWithWeight(d, mix, 0, source, iv->High + Nudge(iv->High), song) != iv->Rank);
                } else {
                    CHECK(RankWithWeight(d, mix, 0, source, iv->Current * 1000 + 1000, song) == iv->Rank);
                }
            }
    }
}

TEST_CASE("a rank curve at the current weight gives today's rank") {
    Dataset d = test::RandomMarket(3, 1, 30, 60, 4);
    Engine e(d);
    REQUIRE(e.SetMix(*ParseMix(R"({"weights":{"*":1}})")).Ok());
    Result<std::vector<RankCurve>> curves = RankCurves(e, 0, 2, 6);
    REQUIRE(curves.Ok());
    CHECK(curves->size() == 6);
    for (size_t i = 0; i < curves->size(); i++) {
        CHECK(RankAtWeight((*curves)[i], 1.0) == (int)i + 1);
        // Past the last flip point the curve keeps its last rank.
        CHECK(RankAtWeight((*curves)[i], 1e9) == (*curves)[i].Steps.back().Rank);
        CHECK(RankAtWeight((*curves)[i], 0.0) == (*curves)[i].Steps.front().Rank);
    }
    CHECK(RankAtWeight(RankCurve(), 1.0) == 0);
}

TEST_CASE("rank curves step at their breakpoints") {
    Dataset d = test::RandomMarket(3, 1, 30, 60, 4);
    Mix mix = *ParseMix(R"({"weights":{"*":1}})");
    Engine e(d);
    REQUIRE(e.SetMix(mix).Ok());
    Result<std::vector<RankCurve>> curves = RankCurves(e, 0, 2, 5);
    REQUIRE(curves.Ok());
    REQUIRE(curves->size() == 5);
    for (const RankCurve& c : *curves) {
        REQUIRE_FALSE(c.Steps.empty());
        CHECK(c.Steps[0].From == 0.0);
        for (size_t k = 0; k < c.Steps.size(); k++) {
            double next = k + 1 < c.Steps.size() ? c.Steps[k + 1].From : c.Steps[k].From * 2 + 2;
            double mid = c.Steps[k].From + (next - c.Steps[k].From) / 2;
            CHECK(RankWithWeight(d, mix, 0, 2, mid, c.Song) == c.Steps[k].Rank);
        }
    }
}

TEST_CASE("P(#1) under Dirichlet weights is reproducible") {
    Dataset d = test::SmallMarket();
    Engine e(d);
    REQUIRE(e.SetMix(*ParseMix(R"({"method":"borda"})")).Ok());
    Result<std::vector<WinChance>> a = NumberOneChances(e, 0, 20.0, 2000, 99);
    Result<std::vector<WinChance>> b = NumberOneChances(e, 0, 20.0, 2000, 99);
    REQUIRE(a.Ok());
    REQUIRE(a->size() == b->size());
    double total = 0;
    for (size_t i = 0; i < a->size(); i++) {
        CHECK((*a)[i].Song == (*b)[i].Song);
        CHECK((*a)[i].Wins == (*b)[i].Wins);
        total += (*a)[i].Probability;
    }
    CHECK(total == doctest::Approx(1.0));
    SUBCASE("one dominant source decides #1 almost surely") {
        REQUIRE(e.SetMix(*ParseMix(R"({"method":"borda","weights":{"melon":1000,"genie":1,"qq":1}})")).Ok());
        Result<std::vector<WinChance>> c = NumberOneChances(e, 0, 1000.0, 500, 1);
        REQUIRE(c.Ok());
        CHECK(d.SongTitle((*c)[0].Song) == "A");
        CHECK((*c)[0].Probability > 0.95);
    }
    SUBCASE("a period where the mix ranks no song has no #1 and no chance to share") {
        // w2 holds melon alone; a mix of genie alone ranks nobody there.
        REQUIRE(e.SetMix(*ParseMix(R"({"method":"borda","weights":{"genie":1}})")).Ok());
        Result<std::vector<WinChance>> none = NumberOneChances(e, 1, 20.0, 100, 3);
        REQUIRE(none.Ok());
        CHECK(none->empty());
    }
    SUBCASE("bad parameters and non-linear mixes are refused") {
        CHECK(NumberOneChances(e, 0, -1.0, 10, 1).Err().Field == "concentration");
        REQUIRE(e.SetMix(*ParseMix(R"({"method":"schulze"})")).Ok());
        CHECK(NumberOneChances(e, 0, 1.0, 10, 1).Err().Field == "method");
        CHECK(RankInterval(e, 0, 0, 0).Err().Field == "method");
    }
}

}
