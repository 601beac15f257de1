#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <string>

#include "core/rank/engine.h"
#include "core/rank/mix_json.h"
#include "core/rank/presets.h"
#include "test_ranking_fixtures.h"

using namespace chartmix;

namespace {

// One period; one song "X" with the given units on each named source (kind from the name).
struct UnitsCase {
    const char* Key;
    SourceKind Kind;
    double Units;
};

double ScoreOf(const char* preset, std::initializer_list<UnitsCase> rows, const char* region = "US")
{
    DatasetBuilder b;
    uint32_t p = b.AddPeriod(0, 6, "w");
    uint32_t x = b.AddSong("X", "a");
    uint32_t filler = b.AddSong("filler", "b");
    for (const UnitsCase& r : rows) {
        uint32_t s = b.AddSource(test::MakeSource(r.Key, region, r.Kind, 2));
        b.AddEntry(p, s, x, 1, r.Units);
        b.AddEntry(p, s, filler, 2, 0.0);
    }
    Dataset d = b.Finish();
    Engine e(d);
    Status st = e.SetMix(FindPreset(preset)->Mix_);
    REQUIRE(st.Ok());
    Ranking r;
    REQUIRE(e.Rank(0, 1, &r).Ok());
    REQUIRE(r.Songs[0] == x);
    return r.Scores[0];
}

} // namespace

TEST_SUITE("presets") {

TEST_CASE("every preset parses, round-trips and labels every number") {
    REQUIRE(Presets().size() >= 14);
    for (const Preset& p : Presets()) {
        CAPTURE(p.Name);
        std::string once = SerializeMix(p.Mix_);
        CHECK(SerializeMix(*ParseMix(once)) == once);
        // Each weight and ratio of the mix appears among the labelled numbers with the same value.
        auto labelled = [&](const std::string& field, double value) {
            for (const PresetNumber& n : p.Numbers)
                if (n.Field == field) return n.Value == value && !n.Citation.empty();
            return false;
        };
        for (const SourceSetting& s : p.Mix_.Ratios) CHECK(labelled("ratios." + s.Selector, s.Value));
        bool units = p.Mix_.Norm == Normalization::Units;
        if (!units)
            for (const SourceSetting& s : p.Mix_.Weights) CHECK(labelled("weights." + s.Selector, s.Value));
        if (!p.WeightsPublished) {
            bool any_estimate = false;
            for (const PresetNumber& n : p.Numbers) any_estimate |= n.Label != Honesty::Official;
            CHECK(any_estimate);
        }
    }
    CHECK(PresetsToJson().find("\"label\":\"estimate\"") != std::string::npos);
}

TEST_CASE("presets reproduce the worked examples of their sources") {
    SUBCASE("Billboard 2014: 1 album + 10 tracks + 1,500 streams = 3 units") {
        CHECK(ScoreOf("billboard-200-2014", { { "album-sales", SourceKind::PhysicalSales, 1 },
                                              { "track-sales", SourceKind::Download, 10 },
                                              { "streams-spotify", SourceKind::AudioStreams, 1500 } }) == doctest::Approx(3.0));
    }
    SUBCASE("Billboard 2018: 1,250 paid or 3,750 ad-supported streams = 1 unit each") {
        CHECK(ScoreOf("billboard-200-2018", { { "streams-paid", SourceKind::AudioStreams, 1250 },
                                              { "streams-ad", SourceKind::AudioStreams, 3750 } }) == doctest::Approx(2.0));
    }
    SUBCASE("Billboard 2026: 1,000 paid and 2,500 ad-supported streams") {
        CHECK(ScoreOf("billboard-200-2026", { { "streams-paid", SourceKind::AudioStreams, 5000 },
                                              { "streams-ad", SourceKind::AudioStreams, 5000 } }) == doctest::Approx(7.0));
    }
    SUBCASE("UK: 100 premium / 600 ad-funded streams = one sale; accelerated halves them") {
        auto rows = { UnitsCase{ "track-sales", SourceKind::Download, 1 }, UnitsCase{ "streams-paid", SourceKind::AudioStreams, 1200 },
                      UnitsCase{ "streams-ad", SourceKind::AudioStreams, 1200 } };
        CHECK(ScoreOf("uk-singles", rows) == doctest::Approx(1 + 12 + 2));
        CHECK(ScoreOf("uk-singles-accelerated", rows) == doctest::Approx(1 + 6 + 1));
    }
    SUBCASE("iChart: #1 on Melon outweighs #1 on Bugs six to one") {
        double melon = ScoreOf("ichart", { { "melon", SourceKind::AudioStreams, NAN } }, "KR");
        double bugs = ScoreOf("ichart", { { "bugs", SourceKind::AudioStreams, NAN } }, "KR");
        CHECK(melon == doctest::Approx(6 * bugs));
    }
    SUBCASE("Music Bank: all the digital total and nothing else = 65 points") {
        CHECK(ScoreOf("music-bank", { { "melon", SourceKind::AudioStreams, 100 } }, "KR") == doctest::Approx(65.0));
    }
    SUBCASE("CSPC: 1,500 audio streams = one album") {
        CHECK(ScoreOf("cspc", { { "spotify", SourceKind::AudioStreams, 3000 } }) == doctest::Approx(2.0));
    }
}

TEST_CASE("mix text or preset name") {
    CHECK(MixFromTextOrPreset("ichart").Ok());
    CHECK(MixFromTextOrPreset(" {\"method\":\"borda\"}").Ok());
    Result<Mix> bad = MixFromTextOrPreset("gaon-2009");
    REQUIRE_FALSE(bad.Ok());
    CHECK(bad.Err().Field == "mix");
    CHECK(bad.Err().Message.find("ichart") != std::string::npos);
}

}
