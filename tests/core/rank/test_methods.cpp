#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "core/rank/engine.h"
#include "core/rank/methods.h"
#include "core/rank/mix_json.h"
#include "core/rank/pairwise.h"
#include "test_ranking_fixtures.h"

using namespace chartmix;

namespace {

// Schulze's 45-voter example as a dataset: one source per ballot group, weighted by its voters.
struct Ballots {
    Dataset Data;
    std::string WeightsJson;
};

Ballots FortyFive()
{
    const std::pair<int, const char*> groups[] = { { 5, "ACBED" }, { 5, "ADECB" }, { 8, "BEDAC" }, { 3, "CABED" },
                                                   { 7, "CAEBD" }, { 2, "CBADE" }, { 7, "DCEBA" }, { 8, "EBADC" } };
    DatasetBuilder b;
    uint32_t p = b.AddPeriod(0, 0, "election");
    for (char c = 'A'; c <= 'E'; c++) b.AddSong(std::string(1, c), "candidate");
    Ballots out;
    out.WeightsJson = "{";
    int g = 0;
    for (const auto& [voters, order] : groups) {
        std::string key = "ballot" + std::to_string(g++);
        uint32_t s = b.AddSource(test::MakeSource(key, "XX", SourceKind::Other, 5));
        for (int r = 0; r < 5; r++) b.AddEntry(p, s, (uint32_t)(order[r] - 'A'), (uint16_t)(r + 1), NAN);
        out.WeightsJson += (g > 1 ? "," : "") + ("\"" + key + "\":" + std::to_string(voters));
    }
    out.WeightsJson += "}";
    out.Data = b.Finish();
    return out;
}

std::string Order(const Dataset& d, const Ranking& r)
{
    std::string s;
    for (uint32_t song : r.Songs) s += std::string(d.SongTitle(song));
    return s;
}

} // namespace

TEST_SUITE("methods") {

TEST_CASE("per-chart scores and missing values") {
    Dataset d = test::SmallMarket();  // group 0: melon w1 (A 500, B 300, C 200), depth 3
    EntryScores s;
    SUBCASE("share under next_rank stores score minus the last entry's share") {
        ScoringKey k = ScoringKeyOf(*ParseMix(R"({"normalization":"share"})"));
        ComputeEntryScores(d, k, &s);
        CHECK(s.MissingValue[0] == doctest::Approx(0.2));
        CHECK(s.EntryValue[0] == doctest::Approx(0.5 - 0.2));
        CHECK(s.GroupHasUnits[1] == 0);  // genie publishes ranks only
    }
    SUBCASE("Dowdall with differing depths") {
        ComputeEntryScores(d, ScoringKeyOf(*ParseMix(R"({"method":"dowdall"})")), &s);
        CHECK(s.MissingValue[0] == doctest::Approx(0.25));       // depth 3: 1/4
        CHECK(s.MissingValue[2] == doctest::Approx(1.0 / 3));    // qq depth 2: 1/3
    }
    SUBCASE("zero policy has no missing value") {
        ComputeEntryScores(d, ScoringKeyOf(*ParseMix(R"({"method":"dowdall","missing":"zero"})")), &s);
        CHECK(s.MissingValue[0] == 0.0);
        CHECK(s.EntryValue[0] == 1.0);
    }
    SUBCASE("a cutoff turns deeper entries into missing ones") {
        ComputeEntryScores(d, ScoringKeyOf(*ParseMix(R"({"method":"borda","cutoff":2})")), &s);
        CHECK(s.Counts[2] == 0);
        CHECK(s.EntryValue[0] == 2.0);  // depth capped at 2: #1 earns 2
        CHECK(GroupDepth(d, d.Groups[0], 2) == 2);
    }
}

TEST_CASE("pairwise methods through the engine on the 45-voter election") {
    Ballots e = FortyFive();
    auto rank = [&](const char* method) {
        Engine engine(e.Data);
        std::string mix = std::string("{\"method\":\"") + method + "\",\"weights\":" + e.WeightsJson + ",\"candidates\":5}";
        Status st = engine.SetMix(*ParseMix(mix));
        REQUIRE(st.Ok());
        Ranking r;
        REQUIRE(engine.Rank(0, 0, &r).Ok());
        return Order(e.Data, r);
    };
    CHECK(rank("schulze") == "EACBD");  // Schulze (2011), section 3.1
    CHECK(rank("copeland") == "EABCD");
    SUBCASE("Kemeny through the engine reaches the brute-force optimum") {
        std::string got = rank("kemeny");
        // Weighted disagreement of an order, from the ballots directly.
        const std::pair<int, const char*> groups[] = { { 5, "ACBED" }, { 5, "ADECB" }, { 8, "BEDAC" }, { 3, "CABED" },
                                                       { 7, "CAEBD" }, { 2, "CBADE" }, { 7, "DCEBA" }, { 8, "EBADC" } };
        auto cost = [&](const std::string& order) {
            int c = 0;
            for (const auto& [voters, ballot] : groups)
                for (size_t i = 0; i < order.size(); i++)
                    for (size_t j = i + 1; j < order.size(); j++)
                        if (std::string(ballot).find(order[j]) < std::string(ballot).find(order[i])) c += voters;
            return c;
        };
        std::string perm = "ABCDE";
        int best = std::numeric_limits<int>::max();
        do best = std::min(best, cost(perm)); while (std::next_permutation(perm.begin(), perm.end()));
        CHECK(cost(got) == best);
    }
    SUBCASE("MC4 ranks every candidate") {
        CHECK(rank("mc4").size() == 5);
    }
}

}
