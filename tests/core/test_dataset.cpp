#include <doctest/doctest.h>

#include <cmath>

#include "core/dataset.h"

using namespace chartmix;

TEST_SUITE("dataset") {

TEST_CASE("string pool interns each string once") {
    StringPool pool;
    CHECK(pool.Intern("") == 0);
    uint32_t a = pool.Intern("방탄소년단");
    uint32_t b = pool.Intern("BTS");
    CHECK(a != b);
    CHECK(pool.Intern("방탄소년단") == a);
    CHECK(pool.View(a) == "방탄소년단");
    CHECK(pool.Find("missing") == -1);
    SUBCASE("survives growth") {
        for (int i = 0; i < 5000; i++) pool.Intern("song " + std::to_string(i));
        CHECK(pool.View(a) == "방탄소년단");
        CHECK(pool.Find("song 4999") >= 0);
        CHECK(pool.Size() == 5003);
    }
}

TEST_CASE("builder sorts entries by period, source and rank and groups them") {
    DatasetBuilder b;
    uint32_t s0 = b.AddSource(Source{ "melon", "Melon" });
    uint32_t s1 = b.AddSource(Source{ "genie", "Genie" });
    uint32_t late = b.AddPeriod(20, 26, "w2");
    uint32_t early = b.AddPeriod(13, 19, "w1");
    CHECK(b.AddPeriod(13, 19, "w1") == early);
    uint32_t x = b.AddSong("Song X", "Artist");
    uint32_t y = b.AddSong("Song Y", "Artist");
    CHECK(b.AddSong("Song X", "Artist") == x);
    b.AddEntry(late, s1, x, 2, NAN);
    b.AddEntry(late, s1, y, 1, NAN);
    b.AddEntry(early, s0, x, kNoRank, 500.0);  // off-chart row sorts after ranked rows
    b.AddEntry(early, s0, y, 1, 900.0);
    Dataset d = b.Finish();

    REQUIRE(d.EntryCount() == 4);
    CHECK(d.Periods[0].Label == "w1");
    CHECK(d.Periods[1].Label == "w2");
    REQUIRE(d.Groups.size() == 2);
    CHECK(d.Groups[0].Period == 0);
    CHECK(d.Groups[0].Source == s0);
    CHECK(d.EntrySong[0] == y);
    CHECK(d.EntryRank[1] == kNoRank);
    CHECK(d.EntryUnits[1] == 500.0);
    CHECK(d.EntryRank[2] == 1);
    CHECK(d.PeriodGroupBegin == std::vector<uint32_t>{ 0, 1, 2 });
    CHECK(d.FindSource("genie") == 1);
    CHECK(d.FindPeriod("w2") == 1);
    CHECK(d.FindPeriod("w9") == -1);
    CHECK(d.SongTitle(x) == "Song X");
}

}
