#include <doctest/doctest.h>

#include <cmath>

#include "core/csv_writer.h"
#include "core/dataset.h"

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

TEST_CASE("numbers print the same way everywhere") {
    auto num = [](double v) { std::string s; AppendCsvNumber(s, v); return s; };
    CHECK(num(12503929.0) == "12503929");
    CHECK(num(-3.0) == "-3");
    CHECK(num(-0.0) == "0");
    CHECK(num(0.5) == "0.5");
    CHECK(num(0.1) == "0.1");
    CHECK(num(0.1 + 0.2) == "0.30000000000000004");
    CHECK(num(1e300) == "1e+300");
    CHECK(num(2.0 / 3.0) == "0.6666666666666666");
    CHECK(num(NAN).empty());
    CHECK(num(INFINITY).empty());
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

TEST_CASE("FNV-1a 64 matches the published test vectors") {
    CHECK(Fnv1a64("") == 0xcbf29ce484222325ull);
    CHECK(Fnv1a64("a") == 0xaf63dc4c8601ec8cull);
    CHECK(Fnv1a64("foobar") == 0x85944171f73967e8ull);
}

}
