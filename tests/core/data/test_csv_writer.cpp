#include <doctest/doctest.h>

#include <cmath>

#include "core/data/csv_writer.h"
#include "core/data/dataset.h"
#include "core/rank/engine.h"
#include "core/rank/mix_json.h"
#include "core/session/ranking_export.h"
#include "test_ranking_fixtures.h"

using namespace chartmix;

TEST_SUITE("csv_writer") {

TEST_CASE("fields are quoted only when RFC 4180 requires it") {
    std::string out;
    AppendCsvField(out, "Flowers");
    CHECK(out == "Flowers");
    SUBCASE("comma") {
        out.clear();
        AppendCsvField(out, "PinkPantheress, Ice Spice");
        CHECK(out == "\"PinkPantheress, Ice Spice\"");
    }
    SUBCASE("quotes are doubled") {
        out.clear();
        AppendCsvField(out, "Say \"Yes\"");
        CHECK(out == "\"Say \"\"Yes\"\"\"");
    }
    SUBCASE("line breaks") {
        out.clear();
        AppendCsvField(out, "a\nb");
        CHECK(out == "\"a\nb\"");
        out.clear();
        AppendCsvField(out, "a\rb");
        CHECK(out == "\"a\rb\"");
    }
    SUBCASE("non-ASCII text is left as UTF-8") {
        out.clear();
        AppendCsvField(out, "방탄소년단");
        CHECK(out == "방탄소년단");
    }
}

TEST_CASE("canonical CSV of a small dataset") {
    DatasetBuilder b;
    Source spotify{ "spotify-us", "Spotify US" };
    spotify.UnitName = "streams";
    uint32_t s0 = b.AddSource(spotify);
    uint32_t s1 = b.AddSource(Source{ "melon", "Melon" });
    uint32_t w1 = b.AddPeriod(19434, 19440, "2023-03-23");
    uint32_t x = b.AddSong("Boy's a liar Pt. 2", "PinkPantheress, Ice Spice");
    uint32_t y = b.AddSong("Say \"Yes\"", "Artist");
    b.AddEntry(w1, s1, x, 1, NAN);
    b.AddEntry(w1, s0, y, kNoRank, 900.0);
    b.AddEntry(w1, s0, x, 1, 12503929.0);
    Dataset d = b.Finish();
    std::string csv = WriteCanonicalCsv(d);
    CHECK(csv ==
          "source,period,rank,title,artist,units,unit_type\n"
          "spotify-us,2023-03-23,1,Boy's a liar Pt. 2,\"PinkPantheress, Ice Spice\",12503929,streams\n"
          "spotify-us,2023-03-23,,\"Say \"\"Yes\"\"\",Artist,900,streams\n"
          "melon,2023-03-23,1,Boy's a liar Pt. 2,\"PinkPantheress, Ice Spice\",,\n");
    SUBCASE("an empty dataset is the header alone") {
        CHECK(WriteCanonicalCsv(Dataset()) == std::string(kCanonicalCsvHeader) + "\n");
    }
}

TEST_CASE("text cells a spreadsheet would run as formulas are neutralised") {
    auto cell = [](std::string_view text) { std::string s; AppendCsvTextCell(s, text); return s; };
    SUBCASE("each formula trigger gets an apostrophe inside quotes") {
        CHECK(cell("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        CHECK(cell("@SUM(1+1)") == "\"'@SUM(1+1)\"");
        CHECK(cell("+cmd|' /C calc'!A0") == "\"'+cmd|' /C calc'!A0\"");
        CHECK(cell("-2+3") == "\"'-2+3\"");
        CHECK(cell("\t=1") == "\"'\t=1\"");
        CHECK(cell("\r=1") == "\"'\r=1\"");
    }
    SUBCASE("other text is written as AppendCsvField writes it") {
        CHECK(cell("Flowers") == "Flowers");
        CHECK(cell("Say \"Yes\", =1") == "\"Say \"\"Yes\"\", =1\"");
        CHECK(cell("") == "");
        CHECK(cell("a=b") == "a=b");
    }
}

TEST_CASE("the ranking export neutralises titles and artists, and keeps numbers as numbers") {
    DatasetBuilder b;
    uint32_t s0 = b.AddSource(test::MakeSource("melon", "KR", SourceKind::AudioStreams, 100));
    uint32_t w1 = b.AddPeriod(19434, 19440, "2023-03-23");
    b.AddEntry(w1, s0, b.AddSong("=HYPERLINK(\"http://evil\",\"Play\")", "@SUM(A1)"), 1, NAN);
    b.AddEntry(w1, s0, b.AddSong("-1", "+44"), 2, NAN);
    b.AddEntry(w1, s0, b.AddSong("Plain", "Artist"), 3, NAN);
    Dataset d = b.Finish();
    Engine e(d);
    Status st = e.SetMix(*ParseMix(R"({"normalization":"rank_points","weights":{"*":1}})"));
    REQUIRE_MESSAGE(st.Ok(), (st ? "" : st.Err().ToString()));
    Ranking r;
    REQUIRE(e.Rank(0, 10, &r).Ok());
    std::string csv = RankingToCsv(e, r);
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://evil\"\",\"\"Play\"\")\",\"'@SUM(A1)\"") != std::string::npos);
    CHECK(csv.find(",\"'-1\",\"'+44\",") != std::string::npos);
    CHECK(csv.find(",Plain,Artist,") != std::string::npos);
    // Each line starts with its rank, a bare number; no unquoted cell starts with a trigger.
    size_t line = 0;
    for (size_t at = csv.find('\n') + 1; at < csv.size(); at = csv.find('\n', at) + 1) {
        line++;
        CHECK(csv[at] == char('0' + line));
        for (size_t c = csv.find(',', at); c < csv.find('\n', at); c = csv.find(',', c + 1))
            CHECK(std::string_view("=+@").find(csv[c + 1]) == std::string_view::npos);
    }
    CHECK(line == 3);
}

TEST_CASE("FNV-1a 64 matches the published test vectors") {
    CHECK(Fnv1a64("") == 0xcbf29ce484222325ull);
    CHECK(Fnv1a64("a") == 0xaf63dc4c8601ec8cull);
    CHECK(Fnv1a64("foobar") == 0x85944171f73967e8ull);
}

}
