#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "core/base/hash.h"
#include "core/base/random.h"
#include "core/data/dataset.h"

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

TEST_SUITE("dataset") {

TEST_CASE("entries fed in any order come out sorted by period, source and rank, ties in input order") {
    // Several charts interleaved the way multi-file loads feed them: each file one source, all periods.
    DatasetBuilder b;
    const int kSources = 4, kPeriods = 6, kDepth = 30;
    for (int s = 0; s < kSources; s++) b.AddSource(Source{ "s" + std::to_string(s), "S" });
    for (int p = kPeriods - 1; p >= 0; p--) b.AddPeriod(p * 7, p * 7 + 6, "w" + std::to_string(p));
    Random rng(11);
    struct Fed { uint32_t Period, Source, Song; uint16_t Rank; double Units; };
    std::vector<Fed> fed;
    for (int s = 0; s < kSources; s++)
        for (int p = 0; p < kPeriods; p++)
            for (int r = 0; r < kDepth; r++) {
                // Ranks out of order in some charts, and off-chart rows (rank 0) among them.
                uint16_t rank = (s + p) % 3 == 0 ? (uint16_t)(kDepth - r) : (r % 7 == 6 ? kNoRank : (uint16_t)(r + 1));
                uint32_t song = b.AddSong("t" + std::to_string(rng.NextBelow(50)), "a");
                fed.push_back(Fed{ (uint32_t)p, (uint32_t)s, song, rank, (double)fed.size() });
            }
    for (size_t i = fed.size(); i > 1; i--) std::swap(fed[i - 1], fed[rng.NextBelow(i)]);  // any order at all
    for (const Fed& f : fed) b.AddEntry(f.Period, f.Source, f.Song, f.Rank, f.Units);

    // Expected: periods become time-ordered (AddPeriod was called latest first), then a stable sort.
    std::vector<Fed> expected = fed;
    for (Fed& f : expected) f.Period = kPeriods - 1 - f.Period;
    auto key = [](const Fed& f) { return std::make_tuple(f.Period, f.Source, f.Rank == kNoRank ? 0x10000u : (uint32_t)f.Rank); };
    std::stable_sort(expected.begin(), expected.end(), [&](const Fed& x, const Fed& y) { return key(x) < key(y); });

    Dataset d = b.Finish();
    REQUIRE(d.EntryCount() == expected.size());
    for (size_t i = 0; i < expected.size(); i++) {
        CHECK(d.EntryPeriod[i] == expected[i].Period);
        CHECK(d.EntrySource[i] == expected[i].Source);
        CHECK(d.EntryRank[i] == expected[i].Rank);
        CHECK(d.EntryUnits[i] == expected[i].Units);  // the units carry the input position: ties kept their order
    }
    CHECK(d.Groups.size() == (size_t)kSources * kPeriods);
}

}

TEST_SUITE("dataset") {

TEST_CASE("byte equality and hashing agree with std::string_view on every length and difference") {
    Random rng(3);
    for (size_t length = 0; length <= 40; length++) {
        std::string a;
        for (size_t i = 0; i < length; i++) a += (char)('a' + rng.NextBelow(26));
        CHECK(SameBytes(a, a));
        CHECK(HashBytes(a) == HashBytes(std::string(a)));
        for (size_t at = 0; at < length; at++) {
            std::string b = a;
            b[at] = (char)(b[at] ^ 0x20);  // one byte differs, at every position
            CAPTURE(length);
            CAPTURE(at);
            CHECK(!SameBytes(a, b));
            CHECK(HashBytes(a) != HashBytes(b));
        }
        CHECK(!SameBytes(a, a + "x"));
    }
}

}
