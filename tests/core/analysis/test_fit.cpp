#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/analysis/fit.h"
#include "core/rank/engine.h"
#include "core/rank/mix_json.h"
#include "test_ranking_fixtures.h"

using namespace chartmix;

TEST_SUITE("fit") {

TEST_CASE("NNLS solves a non-negative system and clamps a negative coefficient") {
    // b = 2 x0 + 3 x1 exactly.
    std::vector<double> a{ 1, 0, 0, 1, 1, 1, 2, 1 };
    std::vector<double> b{ 2, 3, 5, 7 };
    std::vector<double> x = SolveNnls(a, b, 4, 2);
    CHECK(x[0] == doctest::Approx(2.0));
    CHECK(x[1] == doctest::Approx(3.0));
    // Unconstrained optimum has x1 < 0; NNLS puts it at 0 and refits x0.
    std::vector<double> a2{ 1, 1, 1, 2, 1, 3 };
    std::vector<double> b2{ 3, 2, 1 };
    std::vector<double> y = SolveNnls(a2, b2, 3, 2);
    CHECK(y[1] == 0.0);
    CHECK(y[0] == doctest::Approx(2.0));
}

TEST_CASE("fitting recovers the weights that generated an official chart") {
    // Four platforms over 6 periods; the official chart is 0.5 a + 0.3 b + 0.2 c + 0 d of each
    // song's share of its platform total, listed top 25 with those scores as units.
    Dataset base = test::RandomMarket(4, 6, 40, 90, 21);
    const double truth[4] = { 0.5, 0.3, 0.2, 0.0 };
    DatasetBuilder b;
    for (const Source& s : base.Sources) b.AddSource(s);
    uint32_t official = b.AddSource(test::MakeSource("official", "KR", SourceKind::OfficialComposite, 25, true));
    for (const Song& s : base.Songs) b.AddSong(base.Strings.View(s.Title), base.Strings.View(s.Artist));
    for (const Period& p : base.Periods) b.AddPeriod(p.Start, p.End, p.Label);
    for (size_t e = 0; e < base.EntryCount(); e++)
        b.AddEntry(base.EntryPeriod[e], base.EntrySource[e], base.EntrySong[e], base.EntryRank[e], base.EntryUnits[e]);
    Engine truth_engine(base);
    REQUIRE(truth_engine.SetMix(*ParseMix(R"({"weights":{"src0":0.5,"src1":0.3,"src2":0.2,"src3":0},"missing":"zero"})")).Ok());
    for (uint32_t p = 0; p < base.Periods.size(); p++) {
        Ranking r;
        REQUIRE(truth_engine.Rank(p, 25, &r).Ok());
        for (size_t i = 0; i < r.Songs.size(); i++) b.AddEntry(p, official, r.Songs[i], (uint16_t)(i + 1), r.Scores[i]);
    }
    Dataset d = b.Finish();
    Engine e(d);
    REQUIRE(e.SetMix(*ParseMix(R"({"weights":{"*":1},"missing":"zero"})")).Ok());
    std::string before = SerializeMix(e.CurrentMix());
    Result<FitResult> fit = FitWeights(e, official, 0, 5);
    REQUIRE(fit.Ok());
    for (int s = 0; s < 4; s++) CHECK(fit->Weight[s] == doctest::Approx(truth[s]).epsilon(1e-6));
    CHECK(fit->Residual < 1e-9);
    CHECK(fit->MeanTauB == doctest::Approx(1.0));
    CHECK(fit->Rows == 150);
    CHECK(SerializeMix(e.CurrentMix()) == before);
    SUBCASE("the official chart may not be part of the mix") {
        REQUIRE(e.SetMix(*ParseMix(R"({"weights":{"*":1,"official":1},"missing":"zero"})")).Ok());
        CHECK(FitWeights(e, official, 0, 5).Err().Field == "official");
    }
}

}
