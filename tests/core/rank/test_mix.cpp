#include <doctest/doctest.h>

#include <string>

#include "core/rank/methods.h"
#include "core/rank/mix_json.h"
#include "test_ranking_fixtures.h"

using namespace chartmix;

TEST_SUITE("mix") {

TEST_CASE("a mix parses every setting") {
    Result<Mix> m = ParseMix(R"({"version":1,"method":"weighted_sum","normalization":"units",
        "weights":{"melon":6,"kind:video_streams":3,"*":1},"ratios":{"spotify*":1500},
        "missing":"zero","window":{"kind":"rolling","periods":4},"cutoff":20,
        "filter":{"regions":["KR"]},"tie_break":"song_id"})");
    REQUIRE(m.Ok());
    CHECK(m->Norm == Normalization::Units);
    CHECK(m->Weights.size() == 3);
    CHECK(m->Ratios[0].Value == 1500);
    CHECK(m->Missing == MissingPolicy::Zero);
    CHECK(m->Window == WindowKind::Rolling);
    CHECK(m->WindowPeriods == 4);
    CHECK(m->Cutoff == 20);
    CHECK(m->FilterRegions.size() == 1);
    CHECK(m->Tie == TieBreak::SongId);
}

TEST_CASE("a mix that names no missing policy gets its method's default") {
    // A points table gives points to the ranks it lists; next_rank would hand songs off a short chart
    // the points of rank N + 1 and silently change the table's scores.
    CHECK(ParseMix(R"({"method":"points_table","points":[12,10,8]})")->Missing == MissingPolicy::Zero);
    CHECK(ParseMix(R"({"method":"points_table","points":[12,10,8],"missing":"next_rank"})")->Missing == MissingPolicy::NextRank);
    CHECK(ParseMix(R"({"method":"borda"})")->Missing == MissingPolicy::NextRank);
    CHECK(ParseMix(R"({})")->Missing == MissingPolicy::NextRank);
    CHECK(DefaultMissing(Method::PointsTable) == MissingPolicy::Zero);
}

TEST_CASE("serialization is canonical and round-trip stable") {
    const char* texts[] = {
        R"({"weights":{"b":2,"a":0.1},"method":"weighted_sum"})",
        R"({"method":"points_table","points":[12,10,8,7,6,5,4,3,2,1],"weights":{"*":1}})",
        R"({"method":"points_table","points":[{"first":11,"last":20,"points":25},{"first":1,"last":10,"points":50}]})",
        R"({"method":"rrf","rrf_k":60,"missing":"ignore","filter":{"sources":["qq","kugou*"],"regions":["CN"]}})",
        R"({"method":"schulze","candidates":12,"window":{"kind":"cumulative"}})",
        R"({"weights":{"x":0.30000000000000004,"y":1e-7}})",
    };
    for (const char* t : texts) {
        CAPTURE(t);
        Result<Mix> a = ParseMix(t);
        REQUIRE(a.Ok());
        std::string once = SerializeMix(*a);
        Result<Mix> b = ParseMix(once);
        REQUIRE(b.Ok());
        CHECK(SerializeMix(*b) == once);
    }
    SUBCASE("keys are sorted and numbers exact") {
        Result<Mix> a = ParseMix(R"({"weights":{"b":2,"a":0.30000000000000004}})");
        CHECK(SerializeMix(*a) == R"({"version":1,"method":"weighted_sum","normalization":"share","weights":{"a":0.30000000000000004,"b":2},"missing":"next_rank","window":{"kind":"period"},"tie_break":"best_rank"})");
    }
    SUBCASE("bands are sorted") {
        Result<Mix> a = ParseMix(R"({"method":"points_table","points":[{"first":11,"last":20,"points":25},{"first":1,"last":10,"points":50}]})");
        REQUIRE(a.Ok());
        CHECK(a->Points[0].FirstRank == 1);
        CHECK(PointsForRank(a->Points, 10) == 50);
        CHECK(PointsForRank(a->Points, 11) == 25);
        CHECK(PointsForRank(a->Points, 21) == 0);
    }
}

TEST_CASE("bad mixes are refused with the field named") {
    struct Case { const char* Text; const char* Field; };
    const Case cases[] = {
        { R"({"weights":{"melon":-1}})", "weights.melon" },
        { R"({"weights":{"melon":"6"}})", "weights.melon" },
        { R"({"weights":{"melon":0,"genie":0}})", "weights" },
        { R"({"ratios":{"spotify":0}})", "ratios.spotify" },
        // A setting named twice would merge both objects, and the serialized mix would then name a
        // ratio twice and fail to read back (found by fuzz_mix).
        { R"({"ratios":{"spotify":2},"ratios":{"spotify":3}})", "ratios" },
        { R"({"method":"borda","method":"rrf"})", "method" },
        { R"({"method":"plurality"})", "method" },
        { R"({"normalization":"log"})", "normalization" },
        { R"({"missing":"drop"})", "missing" },
        { R"({"window":{"kind":"rolling"}})", "window.periods" },
        { R"({"window":{"kind":"rolling","periods":0}})", "window.periods" },
        { R"({"cutoff":-3})", "cutoff" },
        { R"({"cutoff":2.5})", "cutoff" },
        { R"({"method":"points_table"})", "points" },
        { R"({"method":"points_table","points":[{"first":1,"last":10,"points":5},{"first":5,"last":12,"points":1}]})", "points[1]" },
        { R"({"weights":{"kind:radio":1}})", "weights.kind:radio" },
        { R"({"colour":"red"})", "colour" },
        { R"({"filter":{"sources":["a/b"]}})", "filter.sources[0]" },
        { R"({"tie_break":"coin"})", "tie_break" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.Text);
        Result<Mix> m = ParseMix(c.Text);
        REQUIRE_FALSE(m.Ok());
        CHECK(m.Err().Field == c.Field);
        CHECK_FALSE(m.Err().Message.empty());
    }
    SUBCASE("the message for a negative weight reads as documented") {
        Result<Mix> m = ParseMix(R"({"weights":{"melon":-1}})");
        CHECK(m.Err().Field + ": " + m.Err().Message == "weights.melon: must be a finite number \xE2\x89\xA5 0");
    }
    SUBCASE("invalid JSON reports line and column") {
        Result<Mix> m = ParseMix("{\n\"weights\": {,}}", "mix.json");
        REQUIRE_FALSE(m.Ok());
        CHECK(m.Err().Line == 2);
    }
}

TEST_CASE("selectors resolve by key, pattern, kind and region") {
    Dataset d = test::SmallMarket();
    d.Sources.push_back(test::MakeSource("official", "KR", SourceKind::OfficialComposite, 10, true));
    SUBCASE("most specific selector wins, official charts only by key") {
        Mix m = *ParseMix(R"({"weights":{"*":1,"region:KR":2,"mel*":3,"qq":5}})");
        Result<ResolvedMix> r = ResolveMix(m, d);
        REQUIRE(r.Ok());
        CHECK(r->Weight[0] == 3);
        CHECK(r->Weight[1] == 2);
        CHECK(r->Weight[2] == 5);
        CHECK(r->Included[3] == 0);
    }
    SUBCASE("an exact key the dataset lacks is an error; a pattern is optional") {
        Result<ResolvedMix> r = ResolveMix(*ParseMix(R"({"weights":{"flo":1,"melon":1}})"), d);
        REQUIRE_FALSE(r.Ok());
        CHECK(r.Err().Field == "weights.flo");
        CHECK(ResolveMix(*ParseMix(R"({"weights":{"flo*":1,"melon":1}})"), d).Ok());
    }
    SUBCASE("all matched weights zero is an error") {
        Result<ResolvedMix> r = ResolveMix(*ParseMix(R"({"weights":{"melon":1,"genie":0,"qq":0},"filter":{"regions":["CN"]}})"), d);
        REQUIRE_FALSE(r.Ok());
        CHECK(r.Err().Field == "weights");
    }
    SUBCASE("a region filter keeps only that region") {
        Result<ResolvedMix> r = ResolveMix(WithRegion(Mix{}, "CN"), d);
        REQUIRE(r.Ok());
        CHECK(r->Included == std::vector<uint8_t>{ 0, 0, 1, 0 });
    }
}

}
