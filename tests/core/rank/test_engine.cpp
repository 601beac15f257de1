#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/rank/engine.h"
#include "core/rank/mix_json.h"
#include "core/session/ranking_export.h"
#include "test_ranking_fixtures.h"

using namespace chartmix;

namespace {

// Titles of the ranked songs, best first.
std::string Order(const Dataset& d, const Ranking& r)
{
    std::string s;
    for (uint32_t song : r.Songs) s += std::string(d.SongTitle(song));
    return s;
}

Ranking RankWith(const Dataset& d, const char* mix_json, uint32_t period = 0, int top = 0)
{
    Engine e(d);
    Result<Mix> m = ParseMix(mix_json);
    REQUIRE(m.Ok());
    Status st = e.SetMix(*m);
    REQUIRE(st.Ok());
    Ranking r;
    REQUIRE(e.Rank(period, top, &r).Ok());
    return r;
}

} // namespace

TEST_SUITE("engine") {

TEST_CASE("share of source total under each missing-entry policy") {
    Dataset d = test::SmallMarket();
    SUBCASE("zero: a missing song gets nothing") {
        Ranking r = RankWith(d, R"({"weights":{"melon":1,"qq":1},"missing":"zero"})");
        CHECK(Order(d, r) == "EACB");  // C's 0.2 + 0.1 rounds just above B's 0.3
        CHECK(r.Scores[0] == doctest::Approx(0.9));
        CHECK(r.Scores[2] == doctest::Approx(0.3));
        CHECK(r.Ranked == 4);
    }
    SUBCASE("next_rank: a missing song scores like the chart's last entry") {
        Ranking r = RankWith(d, R"({"weights":{"melon":1,"qq":1},"missing":"next_rank"})");
        CHECK(Order(d, r) == "EABC");
        CHECK(r.Scores[0] == doctest::Approx(1.1));
        CHECK(r.Scores[1] == doctest::Approx(0.6));
        CHECK(r.Scores[2] == doctest::Approx(0.4));
        CHECK(r.Scores[3] == doctest::Approx(0.3));
    }
    SUBCASE("ignore: weighted mean over the charts listing the song") {
        Ranking r = RankWith(d, R"({"weights":{"melon":1,"qq":1},"missing":"ignore"})");
        CHECK(Order(d, r) == "EABC");
        CHECK(r.Scores[3] == doctest::Approx(0.15));
    }
}

TEST_CASE("ties break by the documented rule") {
    Dataset d = test::SmallMarket();
    SUBCASE("best_rank: better best rank, then more charts, then song id") {
        // B 300 and C 200 + 100 tie exactly; both have best rank 2, C is on two charts.
        Ranking r = RankWith(d, R"({"normalization":"units","weights":{"melon":1,"qq":1},"missing":"zero"})");
        CHECK(r.Scores[2] == r.Scores[3]);
        CHECK(Order(d, r) == "EACB");
    }
    SUBCASE("song_id") {
        Ranking r = RankWith(d, R"({"normalization":"units","weights":{"melon":1,"qq":1},"missing":"zero","tie_break":"song_id"})");
        CHECK(Order(d, r) == "EABC");
    }
}

TEST_CASE("units with conversion ratios") {
    Dataset d = test::SmallMarket();
    Ranking r = RankWith(d, R"({"normalization":"units","weights":{"melon":1,"qq":1},"ratios":{"melon":100,"qq":200},"missing":"zero"})");
    CHECK(Order(d, r) == "AEBC");
    CHECK(r.Scores == std::vector<double>{ 5.0, 4.5, 3.0, 2.5 });
    SUBCASE("a units normalization on a ranks-only chart is refused") {
        Engine e(d);
        Status st = e.SetMix(*ParseMix(R"({"normalization":"units","weights":{"genie":1}})"));
        REQUIRE_FALSE(st.Ok());
        CHECK(st.Err().Field == "normalization");
    }
}

TEST_CASE("min-max and z-score normalize within each chart") {
    Dataset d = test::SmallMarket();
    Ranking r = RankWith(d, R"({"normalization":"min_max","weights":{"melon":1},"missing":"zero"})");
    CHECK(Order(d, r) == "ABC");
    CHECK(r.Scores == std::vector<double>{ 1.0, ((300.0 - 200.0) / 300.0), 0.0 });
    r = RankWith(d, R"({"normalization":"z_score","weights":{"melon":1},"missing":"zero"})");
    // mean 333.33, population sd sqrt(((166.67)^2 + (33.33)^2 + (133.33)^2) / 3) = 124.72
    CHECK(r.Scores[0] == doctest::Approx((500.0 - 1000.0 / 3) / 124.7219128924647));
    CHECK(r.Scores[2] == doctest::Approx((200.0 - 1000.0 / 3) / 124.7219128924647));
}

TEST_CASE("positional methods") {
    Dataset d = test::SmallMarket();
    SUBCASE("Borda: depth + 1 - rank, missing scores 0") {
        Ranking r = RankWith(d, R"({"method":"borda"})");
        CHECK(Order(d, r) == "ABECD");
        CHECK(r.Scores == std::vector<double>{ 5, 5, 2, 2, 1 });
    }
    SUBCASE("Dowdall: 1/rank, missing scores 1/(depth + 1)") {
        Ranking r = RankWith(d, R"({"method":"dowdall"})");
        CHECK(Order(d, r) == "ABECD");
        CHECK(r.Scores[0] == doctest::Approx(1.0 + 0.5 + 1.0 / 3));
        CHECK(r.Scores[2] == doctest::Approx(0.25 + 0.25 + 1.0));
    }
    SUBCASE("reciprocal rank fusion with k") {
        Ranking r = RankWith(d, R"({"method":"rrf","rrf_k":0,"missing":"zero"})");
        CHECK(Order(d, r) == "ABECD");
        CHECK(r.Scores[0] == doctest::Approx(1.5));
        r = RankWith(d, R"({"method":"rrf","missing":"zero"})");
        CHECK(r.Scores[0] == doctest::Approx(1.0 / 61 + 1.0 / 62));
    }
    SUBCASE("points table with bands and a cutoff") {
        Ranking r = RankWith(d, R"({"method":"points_table","points":[12,10,8],"missing":"zero","weights":{"melon":2,"genie":1}})");
        CHECK(Order(d, r) == "ABCD");
        CHECK(r.Scores == std::vector<double>{ 34, 32, 16, 8 });
        r = RankWith(d, R"({"method":"points_table","points":[{"first":1,"last":2,"points":50}],"cutoff":1,"weights":{"melon":1,"genie":1}})");
        CHECK(Order(d, r) == "AB");
    }
    SUBCASE("one dominant source decides the order") {
        Ranking r = RankWith(d, R"({"method":"borda","weights":{"*":1,"genie":1000}})");
        CHECK(Order(d, r).substr(0, 3) == "BAD");
    }
    SUBCASE("a weight of zero leaves a source's songs ranked but scoreless") {
        Ranking r = RankWith(d, R"({"method":"borda","weights":{"melon":1,"qq":0}})");
        CHECK(Order(d, r) == "ABCE");
        CHECK(r.Scores[3] == 0.0);
    }
}

TEST_CASE("windows, history and regional views") {
    Dataset d = test::SmallMarket();
    SUBCASE("cumulative sums the periods so far") {
        Ranking r = RankWith(d, R"({"weights":{"melon":1},"missing":"zero","window":{"kind":"cumulative"}})", 1);
        CHECK(Order(d, r) == "ACB");
        CHECK(r.Scores[0] == doctest::Approx(0.5 + 40.0 / 90));
    }
    SUBCASE("rolling over one period equals the single period") {
        Ranking r = RankWith(d, R"({"weights":{"melon":1},"window":{"kind":"rolling","periods":1}})", 1);
        CHECK(Order(d, r) == "CA");
    }
    SUBCASE("history gives the same bytes as ranking each period alone") {
        Dataset big = test::RandomMarket(5, 12, 30, 120, 3);
        for (const char* text : { R"({"window":{"kind":"cumulative"}})", R"({"window":{"kind":"rolling","periods":3},"method":"dowdall"})",
                                  R"({"method":"copeland","candidates":10})" }) {
            CAPTURE(text);
            Engine e(big);
            REQUIRE(e.SetMix(*ParseMix(text)).Ok());
            History h;
            REQUIRE(e.RankHistory(10, &h).Ok());
            REQUIRE(h.Offsets.size() == 13);
            for (uint32_t p = 0; p < 12; p++) {
                Ranking r;
                REQUIRE(e.Rank(p, 10, &r).Ok());
                std::vector<uint32_t> songs(h.Songs.begin() + h.Offsets[p], h.Songs.begin() + h.Offsets[p + 1]);
                std::vector<double> scores(h.Scores.begin() + h.Offsets[p], h.Scores.begin() + h.Offsets[p + 1]);
                CHECK(songs == r.Songs);
                CHECK(scores == r.Scores);
            }
        }
    }
    SUBCASE("China-only view ranks within the region") {
        Ranking r = RankWith(d, R"({"filter":{"regions":["CN"]}})");
        CHECK(Order(d, r) == "EC");
    }
}

TEST_CASE("bad requests are errors naming the field") {
    Dataset d = test::SmallMarket();
    Engine e(d);
    Ranking r;
    CHECK(e.Rank(0, 10, &r).Err().Field == "mix");
    Mix plain;
    plain.Norm = Normalization::RankPoints;
    REQUIRE(e.SetMix(plain).Ok());
    CHECK(e.Rank(7, 10, &r).Err().Field == "period");
    CHECK(e.SetWeight(0, -1.0).Err().Field == "weights.melon");
    CHECK(e.SetWeight(0, NAN).Err().Field == "weights.melon");
    SUBCASE("setting every weight to zero one by one is refused at the last") {
        CHECK(e.SetWeight(0, 0.0).Ok());
        CHECK(e.SetWeight(1, 0.0).Ok());
        CHECK(e.SetWeight(2, 0.0).Err().Field == "weights");
    }
    SUBCASE("an unknown source key") {
        Status st = e.SetMix(*ParseMix(R"({"weights":{"spotify":1}})"));
        CHECK(st.Err().Field == "weights.spotify");
    }
}

TEST_CASE("a refused mix leaves the engine ranking what it ranked before") {
    // genie publishes ranks only, so a units mix that weighs it is refused after its scores are built.
    Dataset d = test::SmallMarket();
    Engine e(d);
    REQUIRE(e.SetMix(*ParseMix(R"({"normalization":"rank_points","weights":{"*":1}})")).Ok());
    Ranking before, after;
    REQUIRE(e.Rank(0, 0, &before).Ok());
    Status st = e.SetMix(*ParseMix(R"({"normalization":"units","weights":{"*":1}})"));
    REQUIRE_FALSE(st.Ok());
    CHECK(st.Err().Field == "normalization");
    REQUIRE(e.Rank(0, 0, &after).Ok());
    CHECK(after.Songs == before.Songs);
    CHECK(after.Scores == before.Scores);
    SUBCASE("and a later accepted mix with the old scoring ranks as a fresh engine does") {
        REQUIRE(e.SetMix(*ParseMix(R"({"normalization":"rank_points","weights":{"melon":2,"genie":1}})")).Ok());
        Ranking fresh;
        REQUIRE(e.Rank(0, 0, &after).Ok());
        fresh = RankWith(d, R"({"normalization":"rank_points","weights":{"melon":2,"genie":1}})");
        CHECK(after.Songs == fresh.Songs);
        CHECK(after.Scores == fresh.Scores);
    }
}

TEST_CASE("an exact tie counts every chart listing, past 65,535 of them") {
    // Under "ignore" a score is the mean of the song's points: A at #1 on 65,536 weekly charts ties
    // B at #1 on one chart, and ties have the same best rank; more listings must win.
    DatasetBuilder b;
    uint32_t weekly = b.AddSource(test::MakeSource("weekly", "KR", SourceKind::AudioStreams, 1));
    uint32_t once = b.AddSource(test::MakeSource("once", "KR", SourceKind::AudioStreams, 1));
    uint32_t a = b.AddSong("A", "x"), bb = b.AddSong("B", "x");
    const int periods = 65536;
    for (int p = 0; p < periods; p++) {
        uint32_t period = b.AddPeriod(p * 7, p * 7 + 6, "p" + std::to_string(p));
        b.AddEntry(period, weekly, a, 1, NAN);
        if (p == 0) b.AddEntry(period, once, bb, 1, NAN);
    }
    Dataset d = b.Finish();
    Ranking r = RankWith(d, R"({"normalization":"rank_points","missing":"ignore","window":{"kind":"cumulative"}})", periods - 1);
    REQUIRE(r.Songs.size() == 2);
    REQUIRE(r.Scores[0] == r.Scores[1]);
    CHECK(Order(d, r) == "AB");
}

TEST_CASE("scores that are not numbers rank last, each song once") {
    // Units far beyond kMaxUnits cannot come through the importer; built directly, their sums
    // overflow and z-scores turn NaN, which the orderings must still sort.
    DatasetBuilder b;
    uint32_t big = b.AddSource(test::MakeSource("big", "KR", SourceKind::AudioStreams, 40));
    uint32_t fine = b.AddSource(test::MakeSource("fine", "KR", SourceKind::AudioStreams, 40));
    uint32_t period = b.AddPeriod(0, 6, "w1");
    for (int i = 0; i < 40; i++) {
        uint32_t song = b.AddSong("s" + std::to_string(i), "x");
        b.AddEntry(period, big, song, (uint16_t)(i + 1), i % 2 ? 1e308 : 1.7e308);
        if (i % 3 == 0) b.AddEntry(period, fine, b.AddSong("f" + std::to_string(i), "y"), (uint16_t)(i / 3 + 1), 100.0 - i);
    }
    Dataset d = b.Finish();
    for (int top : { 0, 5 }) {
        CAPTURE(top);
        Ranking r = RankWith(d, R"({"normalization":"z_score","missing":"zero"})", 0, top);
        std::vector<uint32_t> seen = r.Songs;
        std::sort(seen.begin(), seen.end());
        CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end());
        bool nan_seen = false;
        for (double score : r.Scores) {
            if (std::isnan(score)) nan_seen = true;
            else CHECK_FALSE(nan_seen);  // a number after a NaN: the order broke
        }
        if (top == 0) CHECK(nan_seen);  // the case this test is about did arise
    }
}

TEST_CASE("pairwise work is bounded: too many charts times candidates squared is refused with a sentence") {
    // 6 charts a week for 100 weeks, two songs each: 1,200 songs, 500 candidates, 600 charts.
    DatasetBuilder b;
    for (int s = 0; s < 6; s++) b.AddSource(test::MakeSource("c" + std::to_string(s), "KR", SourceKind::AudioStreams, 2));
    for (int p = 0; p < 100; p++) {
        uint32_t period = b.AddPeriod(p * 7, p * 7 + 6, "p" + std::to_string(p));
        for (uint32_t s = 0; s < 6; s++)
            for (uint16_t r = 1; r <= 2; r++) b.AddEntry(period, s, b.AddSong("t" + std::to_string(p * 12 + s * 2 + r), "x"), r, NAN);
    }
    Dataset d = b.Finish();
    Engine e(d);
    REQUIRE(e.SetMix(*ParseMix(R"({"method":"copeland","candidates":500,"window":{"kind":"cumulative"}})")).Ok());
    Ranking r;
    Status st = e.Rank(99, 10, &r);
    REQUIRE_FALSE(st.Ok());
    CHECK(st.Err().Field == "candidates");
    CHECK(st.Err().Message.find("600 charts") != std::string::npos);
    // One week's six charts are well inside the bound.
    CHECK(e.Rank(0, 10, &r).Ok());
    REQUIRE(e.SetMix(*ParseMix(R"({"method":"copeland","candidates":50,"window":{"kind":"cumulative"}})")).Ok());
    CHECK(e.Rank(99, 10, &r).Ok());
}

TEST_CASE("the top N equals the head of the full ranking, on long charts and with many ties") {
    // 3,000 songs on the charts and a top 20: the selection's sampled threshold path is taken.
    DatasetBuilder b;
    Random rng(8);
    for (int s = 0; s < 12; s++) b.AddSource(test::MakeSource("s" + std::to_string(s), "KR", SourceKind::AudioStreams, 300));
    for (int i = 0; i < 4000; i++) b.AddSong("t" + std::to_string(i), "a");
    for (int p = 0; p < 2; p++) {
        uint32_t period = b.AddPeriod(p * 7, p * 7 + 6, "p" + std::to_string(p));
        for (uint32_t s = 0; s < 12; s++) {
            uint32_t start = (uint32_t)rng.NextBelow(4000);
            for (int k = 0; k < 300; k++)
                b.AddEntry(period, s, (start + 13 * (uint32_t)k) % 4000, (uint16_t)(k + 1), std::floor(1e5 / (k + 1)));
        }
    }
    Dataset d = b.Finish();
    for (const char* text : { R"({"weights":{"*":1}})", R"({"method":"borda"})", R"({"method":"borda","tie_break":"song_id"})",
                              R"({"method":"points_table","points":[{"first":1,"last":50,"points":1}]})",
                              R"({"missing":"ignore"})" }) {
        CAPTURE(text);
        Engine e(d);
        REQUIRE(e.SetMix(*ParseMix(text)).Ok());
        Ranking all, top;
        REQUIRE(e.Rank(1, 0, &all).Ok());
        REQUIRE(all.Ranked > 1024);
        for (int n : { 1, 20, 100 }) {
            REQUIRE(e.Rank(1, n, &top).Ok());
            CHECK(top.Songs == std::vector<uint32_t>(all.Songs.begin(), all.Songs.begin() + n));
            CHECK(top.Scores == std::vector<double>(all.Scores.begin(), all.Scores.begin() + n));
        }
    }
}

TEST_CASE("a one-period window ranks on dense slots to the same bytes as the general path") {
    // Rank(p) with a one-period window takes the dense path; RankHistory with a cumulative window
    // takes the general one (stamps and a touched list), and at period 0 both sum the same entries.
    Dataset d = test::RandomMarket(9, 3, 400, 1500, 21);
    for (const char* options : { "", R"("missing":"ignore",)", R"("missing":"next_rank",)", R"("normalization":"rank_points",)",
                                 R"("method":"borda",)", R"("tie_break":"song_id",)", R"("cutoff":25,)" }) {
        for (int weights = 0; weights < 4; weights++) {
            std::string w = weights == 0 ? R"({"*":1})" : weights == 1 ? R"({"*":1,"src0":0,"src3":5.25})" : weights == 2 ? R"({"*":0.1,"src8":3})" : R"({"src1":1})";
            std::string one = std::string("{") + options + R"("weights":)" + w + "}";
            std::string cumulative = std::string("{") + options + R"("window":{"kind":"cumulative"},"weights":)" + w + "}";
            CAPTURE(one);
            Result<Mix> m1 = ParseMix(one), m2 = ParseMix(cumulative);
            REQUIRE(m1.Ok());
            REQUIRE(m2.Ok());
            Engine dense(d), general(d);
            REQUIRE(dense.SetMix(*m1).Ok());
            REQUIRE(general.SetMix(*m2).Ok());
            History h;
            REQUIRE(general.RankHistory(0, &h).Ok());
            Ranking r;
            REQUIRE(dense.Rank(0, 0, &r).Ok());
            CHECK(r.Songs == std::vector<uint32_t>(h.Songs.begin(), h.Songs.begin() + h.Offsets[1]));
            CHECK(r.Scores == std::vector<double>(h.Scores.begin(), h.Scores.begin() + h.Offsets[1]));
            History top;
            REQUIRE(general.RankHistory(100, &top).Ok());
            REQUIRE(dense.Rank(0, 100, &r).Ok());
            CHECK(r.Songs == std::vector<uint32_t>(top.Songs.begin(), top.Songs.begin() + top.Offsets[1]));
        }
    }
}

TEST_CASE("re-mixing with SetWeight matches a fresh mix") {
    Dataset d = test::RandomMarket(6, 2, 50, 200, 11);
    Engine a(d), b(d);
    REQUIRE(a.SetMix(Mix{}).Ok());
    REQUIRE(a.SetWeight(2, 7.5).Ok());
    REQUIRE(b.SetMix(*ParseMix(R"({"weights":{"*":1,"src2":7.5}})")).Ok());
    Ranking ra, rb;
    REQUIRE(a.Rank(1, 20, &ra).Ok());
    REQUIRE(b.Rank(1, 20, &rb).Ok());
    CHECK(ra.Songs == rb.Songs);
    CHECK(ra.Scores == rb.Scores);
    CHECK(SerializeMix(a.CurrentMix()) == SerializeMix(b.CurrentMix()));
}

TEST_CASE("contributions add up to the score and every score is a finite number") {
    Dataset d = test::SmallMarket();
    for (const char* text : { R"({"weights":{"melon":1,"qq":2}})", R"({"method":"dowdall"})", R"({"weights":{"melon":1,"qq":1},"missing":"ignore"})" }) {
        CAPTURE(text);
        Engine e(d);
        REQUIRE(e.SetMix(*ParseMix(text)).Ok());
        Ranking r;
        REQUIRE(e.Rank(0, 0, &r).Ok());
        std::vector<double> c;
        e.Contributions(r, &c);
        for (size_t i = 0; i < r.Songs.size(); i++) {
            double sum = 0;
            for (size_t s = 0; s < d.Sources.size(); s++) sum += c[i * d.Sources.size() + s];
            CHECK(sum == doctest::Approx(r.Scores[i]));
        }
        // The JSON writer prints null for a number that is not finite, so the numbers are checked here.
        for (double score : r.Scores) CHECK(std::isfinite(score));
        for (double v : c) CHECK(std::isfinite(v));
        std::string json = RankingToJson(e, r);
        CHECK(json.find("null") == std::string::npos);
        CHECK(json.find("\"rank\":1,") != std::string::npos);
        std::string csv = RankingToCsv(e, r);
        CHECK(csv.substr(0, 29) == "rank,song,title,artist,score,");
    }
}

}
