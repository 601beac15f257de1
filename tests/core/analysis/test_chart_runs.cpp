#include <doctest/doctest.h>

#include <vector>

#include "core/analysis/chart_runs.h"
#include "core/rank/mix_json.h"
#include "test_ranking_fixtures.h"

using namespace chartmix;

TEST_SUITE("chart_runs") {

TEST_CASE("peak, weeks on chart, weeks at #1, debut and trajectory") {
    // Four weeks of a top 2: X debuts at 2, rises to 1 for two weeks, drops off, returns at 2.
    History h;
    h.Offsets = { 0, 2, 4, 6, 8 };
    h.Songs = { 7, 3, 3, 7, 3, 9, 9, 3 };
    h.Scores.assign(8, 0.0);
    std::vector<ChartRun> runs = ComputeChartRuns(h);
    REQUIRE(runs.size() == 3);
    const ChartRun& x = runs[0];
    CHECK(x.Song == 3);
    CHECK(x.DebutPeriod == 0);
    CHECK(x.DebutRank == 2);
    CHECK(x.Peak == 1);
    CHECK(x.PeakPeriod == 1);
    CHECK(x.WeeksOnChart == 4);
    CHECK(x.WeeksAtNumberOne == 2);
    CHECK(x.Trajectory == std::vector<uint16_t>{ 2, 1, 1, 2 });
    const ChartRun& seven = runs[1];
    CHECK(seven.Song == 7);
    CHECK(seven.Trajectory == std::vector<uint16_t>{ 1, 2 });
    SUBCASE("a gap shows as 0 in the trajectory") {
        History g;
        g.Offsets = { 0, 1, 1, 2 };
        g.Songs = { 5, 5 };
        g.Scores = { 0, 0 };
        std::vector<ChartRun> r = ComputeChartRuns(g);
        CHECK(r[0].Trajectory == std::vector<uint16_t>{ 1, 0, 1 });
        CHECK(r[0].WeeksOnChart == 2);
    }
}

TEST_CASE("runs of a published source and of the composite history") {
    Dataset d = test::SmallMarket();
    std::vector<ChartRun> melon = ComputeChartRuns(SourceHistory(d, 0));
    REQUIRE(melon.size() == 3);
    CHECK(d.SongTitle(melon[0].Song) == "A");  // #1 in w1, #2 in w2: peak 1, two weeks
    CHECK(melon[0].WeeksOnChart == 2);
    CHECK(d.SongTitle(melon[1].Song) == "C");
    CHECK(melon[1].Trajectory == std::vector<uint16_t>{ 3, 1 });
    Engine e(d);
    REQUIRE(e.SetMix(*ParseMix(R"({"method":"borda"})")).Ok());
    History h;
    REQUIRE(e.RankHistory(3, &h).Ok());
    std::vector<ChartRun> composite = ComputeChartRuns(h);
    CHECK(composite[0].Peak == 1);
}

}
