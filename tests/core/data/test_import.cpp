#include <doctest/doctest.h>

#include <cmath>

#include "core/data/encoding.h"
#include "core/data/importer.h"
#include "core/data/load_checks.h"
#include "test_support.h"

using namespace chartmix;

namespace {

std::vector<InputFile> Fixture(const std::string& name) { return { { name, test::ReadFile(test::FixturePath(name)) } }; }

} // namespace

TEST_SUITE("import") {

TEST_CASE("a canonical CSV loads with no manifest") {
    Result<LoadedDataset> loaded = LoadDataset(Fixture("canonical_small.csv"), LoadOptions{});
    REQUIRE_MESSAGE(loaded.Ok(), (loaded.Ok() ? "" : loaded.Err().ToString()));
    const Dataset& d = loaded->Data;
    CHECK(d.Sources.size() == 2);
    CHECK(d.Periods.size() == 2);
    CHECK(d.Periods[0].Label == "2023-03-23");
    CHECK(d.EntryCount() == 5);
    int spotify = d.FindSource("spotify-kr");
    REQUIRE(spotify >= 0);
    CHECK(d.Sources[spotify].UnitName == "streams");
    // The off-chart row (units, no rank) is kept with kNoRank and sorts last in its chart.
    bool off_chart = false;
    for (size_t e = 0; e < d.EntryCount(); e++)
        if ((int)d.EntrySource[e] == spotify && d.EntryRank[e] == kNoRank) off_chart = d.EntryUnits[e] == 40000.0;
    CHECK(off_chart);
    CHECK(loaded->Report.RowsLoaded == 5);
    CHECK(loaded->Report.Rejected.empty());
}

TEST_CASE("lenient loading lists each unreadable row with its place and reason") {
    Result<LoadedDataset> loaded = LoadDataset(Fixture("bad_rows.csv"), LoadOptions{});
    REQUIRE(loaded.Ok());
    const LoadReport& r = loaded->Report;
    CHECK(r.RowsRead == 6);
    CHECK(r.RowsLoaded == 2);
    REQUIRE(r.Rejected.size() == 4);
    CHECK(r.Rejected[0].Line == 3);
    CHECK(r.Rejected[0].Column == 18);  // the rank "seven"
    CHECK(r.Rejected[1].Line == 4);
    CHECK(r.Rejected[1].Message.find("not-a-date") != std::string::npos);
    CHECK(r.Rejected[2].Message.find("title is empty") != std::string::npos);
    CHECK(r.Rejected[3].Message.find("12x") != std::string::npos);
    for (const Error& e : r.Rejected) CHECK(e.File == "bad_rows.csv");
}

TEST_CASE("a rank or an off-chart song taken twice in one chart is rejected at the later row, citing the first") {
    // Charts interleaved: the repeat of rank 1 on melon comes after rows of another chart.
    std::string csv = "source,period,rank,title,artist,units\n"
                      "melon,2023-03-23,1,Song A,Artist,\n"                  // line 2
                      "melon,2023-03-23,2,Song B,Artist,\n"
                      "genie,2023-03-23,1,Song B,Artist,\n"
                      "melon,2023-03-23,1,Song C,Artist,\n"                  // line 5: rank 1 again
                      "melon,2023-03-23,,Song D,Artist,500\n"                // line 6: off-chart
                      "melon,2023-03-23,,Song D,Artist,700\n"                // line 7: the same song off-chart again
                      "melon,2023-03-30,1,Song C,Artist,\n";                 // another week: rank 1 is free
    SUBCASE("a file named by a path is named by its own name where the first holder is") {
        Result<LoadedDataset> loaded = LoadDataset({ { "../../shared/charts/dup.csv", csv } }, LoadOptions{});
        REQUIRE(loaded.Ok());
        REQUIRE(loaded->Report.Rejected.size() == 2);
        CHECK(loaded->Report.Rejected[0].Message.find("at dup.csv:2") != std::string::npos);
        CHECK(loaded->Report.Rejected[0].Message.find("../") == std::string::npos);
        CHECK(loaded->Report.Rejected[1].Message.find("../") == std::string::npos);
    }
    SUBCASE("lenient: both repeats listed, the rest kept") {
        Result<LoadedDataset> loaded = LoadDataset({ { "dup.csv", csv } }, LoadOptions{});
        REQUIRE(loaded.Ok());
        const LoadReport& r = loaded->Report;
        CHECK(r.RowsRead == 7);
        CHECK(r.RowsLoaded == 5);
        CHECK(r.RowsRejected == 2);
        CHECK(r.Files[0].RowsLoaded == 5);
        CHECK(r.Files[0].RowsRejected == 2);
        REQUIRE(r.Rejected.size() == 2);
        CHECK(r.Rejected[0].File == "dup.csv");
        CHECK(r.Rejected[0].Line == 5);
        CHECK(r.Rejected[0].Column == 18);  // the rank
        CHECK(r.Rejected[0].Message.find("rank 1 on melon") != std::string::npos);
        CHECK(r.Rejected[0].Message.find("at dup.csv:2") != std::string::npos);
        CHECK(r.Rejected[1].Line == 7);
        CHECK(r.Rejected[1].Column == 19);  // the title
        CHECK(r.Rejected[1].Message.find("\"Song D\" appears twice off-chart") != std::string::npos);
        CHECK(r.Rejected[1].Message.find("at dup.csv:6") != std::string::npos);
        const Dataset& d = loaded->Data;
        CHECK(d.EntryCount() == 5);
        // The first holder keeps the place: rank 1 on melon in the first week is Song A, Song D has 500 units.
        int melon = d.FindSource("melon");
        for (size_t e = 0; e < d.EntryCount(); e++) {
            if ((int)d.EntrySource[e] != melon || d.EntryPeriod[e] != 0) continue;
            if (d.EntryRank[e] == 1) CHECK(d.SongTitle(d.EntrySong[e]) == "Song A");
            if (d.EntryRank[e] == kNoRank) CHECK(d.EntryUnits[e] == 500.0);
        }
    }
    SUBCASE("strict: the load fails with the first repeat") {
        LoadOptions strict;
        strict.Strict = true;
        Result<LoadedDataset> loaded = LoadDataset({ { "dup.csv", csv } }, strict);
        REQUIRE(!loaded.Ok());
        CHECK(loaded.Err().Line == 5);
        CHECK(loaded.Err().Message.find("already taken") != std::string::npos);
    }
}

TEST_CASE("units beyond any chart are refused at their place, each with its own reason") {
    const std::string huge = "1" + std::string(300, '0'), endless = std::string(400, '9');
    std::string csv = "source,period,rank,title,artist,units\n"
                      "melon,2023-03-23,1,Song A,Artist,500\n"
                      "melon,2023-03-23,2,Song B,Artist," + huge + "\n"     // line 3
                      "melon,2023-03-23,seven,Song C,Artist,300\n"          // line 4: a bad rank, then
                      "melon,2023-03-23,4,Song D,Artist," + endless + "\n"  // line 5: beyond a double
                      "melon,2023-03-23,5,Song E,Artist,100\n";
    Result<LoadedDataset> loaded = LoadDataset({ { "big.csv", csv } }, LoadOptions{});
    REQUIRE(loaded.Ok());
    const LoadReport& r = loaded->Report;
    CHECK(r.RowsLoaded == 2);
    REQUIRE(r.Rejected.size() == 3);
    for (int i : { 0, 2 }) {
        CAPTURE(i);
        CHECK(r.Rejected[i].File == "big.csv");
        CHECK(r.Rejected[i].Line == (i == 0 ? 3 : 5));
        CHECK(r.Rejected[i].Column == 34);  // the units
        CHECK(r.Rejected[i].Message.find("10^15") != std::string::npos);
        CHECK(r.Rejected[i].Message.find("seven") == std::string::npos);
    }
    for (size_t e = 0; e < loaded->Data.EntryCount(); e++) CHECK(std::isfinite(loaded->Data.EntryUnits[e]));
}

TEST_CASE("a row wider or narrower than the header is noted with its place, and refused when strict") {
    std::string csv = "source,period,rank,title,artist\n"
                      "melon,2024-01-04,1,Song1,Artist1\n"
                      "melon,2024-01-04,2,Song2\n"                      // line 3: no artist
                      "melon,2024-01-04,3,Song3,Artist3,extra\n"         // line 4: one field too many
                      "melon,2024-01-04,4,Song4,Artist4\n";
    SUBCASE("lenient: the rows load and a note names the first place and the count") {
        Result<LoadedDataset> loaded = LoadDataset({ { "w.csv", csv } }, LoadOptions{});
        REQUIRE(loaded.Ok());
        CHECK(loaded->Report.RowsLoaded == 4);
        bool noted = false;
        for (const std::string& n : loaded->Report.Notes)
            noted |= n.find("w.csv: 2 rows have a different number of fields than the header (first at w.csv:3, 4 fields where the header has 5)") == 0;
        CHECK(noted);
    }
    SUBCASE("strict: the load fails at the first such row") {
        LoadOptions strict;
        strict.Strict = true;
        Result<LoadedDataset> loaded = LoadDataset({ { "w.csv", csv } }, strict);
        REQUIRE_FALSE(loaded.Ok());
        CHECK(loaded.Err().Line == 3);
        CHECK(loaded.Err().Message.find("4 fields where the header has 5") != std::string::npos);
    }
    SUBCASE("rows as wide as the header leave no note") {
        Result<LoadedDataset> loaded = LoadDataset({ { "ok.csv", "source,period,rank,title,artist\nmelon,2024-01-04,1,Song1,Artist1\n" } }, LoadOptions{});
        REQUIRE(loaded.Ok());
        for (const std::string& n : loaded->Report.Notes) CHECK(n.find("number of fields") == std::string::npos);
    }
}

TEST_CASE("a lone CR inside a CRLF file never loses a row silently") {
    // Line 3 ends with CR alone: the reader joins line 4 to it. The joined row is refused at the CR.
    std::string csv = "source,period,rank,title,artist\r\n"
                      "melon,2024-01-04,1,Song1,Artist1\r\n"
                      "melon,2024-01-04,2,Song2,Artist2\r"
                      "melon,2024-01-04,3,Song3,Artist3\r\n"
                      "melon,2024-01-04,4,Song4,Artist4\r\n";
    for (bool strict : { false, true }) {
        CAPTURE(strict);
        LoadOptions options;
        options.Strict = strict;
        Result<LoadedDataset> loaded = LoadDataset({ { "cr.csv", csv } }, options);
        const Error* e = nullptr;
        if (strict) {
            REQUIRE_FALSE(loaded.Ok());
            e = &loaded.Err();
        } else {
            REQUIRE(loaded.Ok());
            CHECK(loaded->Report.RowsLoaded == 2);
            REQUIRE(loaded->Report.Rejected.size() == 1);
            e = &loaded->Report.Rejected[0];
            for (size_t s = 0; s < loaded->Data.Songs.size(); s++) CHECK(std::string(loaded->Data.SongArtist((uint32_t)s)).find('\r') == std::string::npos);
        }
        CHECK(e->File == "cr.csv");
        CHECK(e->Line == 3);
        CHECK(e->Column == 33);
        CHECK(e->Message.find("carriage return") != std::string::npos);
    }
}

TEST_CASE("one song twice on one chart in one period: the better rank counts, the other is left out and noted") {
    // "Song B" at #2 and #4 (two release ids of one title): its points must count once, from #2.
    std::string csv = "source,period,rank,title,artist\n"
                      "melon,2024-01-04,1,Song A,X\n"
                      "melon,2024-01-04,2,Song B,Y\n"
                      "melon,2024-01-04,3,Song C,Z\n"
                      "melon,2024-01-04,4,Song B,Y\n"
                      "genie,2024-01-04,1,Song B,Y\n";
    Result<LoadedDataset> loaded = LoadDataset({ { "twice.csv", csv } }, LoadOptions{});
    REQUIRE(loaded.Ok());
    const Dataset& d = loaded->Data;
    CHECK(d.EntryCount() == 4);
    CHECK(loaded->Report.RepeatsLeftOut == 1);
    int melon = d.FindSource("melon");
    for (size_t e = 0; e < d.EntryCount(); e++)
        if ((int)d.EntrySource[e] == melon && d.SongTitle(d.EntrySong[e]) == "Song B") CHECK(d.EntryRank[e] == 2);
    for (const EntryGroup& g : d.Groups) CHECK(g.End > g.Begin);
    CHECK(d.Groups.back().End == d.EntryCount());
    bool noted = false;
    for (const std::string& n : loaded->Report.Notes) noted |= n.find("melon 2024-01-04: \"Song B\" by Y is listed at #2 and #4") == 0;
    CHECK(noted);
    CHECK(LoadNotice(loaded->Report).find("the better rank counts") != std::string::npos);
}

TEST_CASE("ranks a chart skips are noted per chart; a clean load has no notice") {
    std::string csv = "source,period,rank,title,artist\n"
                      "melon,2024-01-04,1,A,X\nmelon,2024-01-04,3,B,X\nmelon,2024-01-04,6,C,X\n"
                      "melon,2024-01-11,1,A,X\nmelon,2024-01-11,2,B,X\n"
                      "melon,2024-01-18,2,A,X\n"
                      "genie,2024-01-04,1,A,X\ngenie,2024-01-04,2,B,X\n";
    Result<LoadedDataset> loaded = LoadDataset({ { "gaps.csv", csv } }, LoadOptions{});
    REQUIRE(loaded.Ok());
    const std::vector<std::string>& notes = loaded->Report.Notes;
    REQUIRE(notes.size() == 1);
    CHECK(notes[0] == "melon: 2 periods skip ranks (first 2024-01-04: no #2, #4, #5); the listed songs keep their published ranks.");
    CHECK(LoadNotice(loaded->Report) == notes[0]);
    Result<LoadedDataset> clean = LoadDataset(Fixture("canonical_small.csv"), LoadOptions{});
    REQUIRE(clean.Ok());
    CHECK(LoadNotice(clean->Report).empty());
}

TEST_CASE("a song whose only row repeats a taken rank is not a song of the data") {
    std::string csv = "source,period,rank,title,artist\nmelon,2024-01-04,1,Song A,X\nmelon,2024-01-04,1,Song B,Y\n";
    Result<LoadedDataset> loaded = LoadDataset({ { "dup.csv", csv } }, LoadOptions{});
    REQUIRE(loaded.Ok());
    CHECK(loaded->Data.Songs.size() == 1);
    CHECK(loaded->Report.Matching.Songs == 1);
    CHECK(loaded->Data.SongTitle(loaded->Data.EntrySong[0]) == "Song A");
    CHECK(LoadNotice(loaded->Report).find("1 row could be not read") == std::string::npos);
    CHECK(LoadNotice(loaded->Report).find("1 row could not be read (first: dup.csv:3:") == 0);
    CHECK(LoadNotice(loaded->Report).find(".).") == std::string::npos);
}

TEST_CASE("strict loading fails on the first unreadable row") {
    LoadOptions strict;
    strict.Strict = true;
    Result<LoadedDataset> loaded = LoadDataset(Fixture("bad_rows.csv"), strict);
    REQUIRE(!loaded.Ok());
    CHECK(loaded.Err().Line == 3);
    CHECK(loaded.Err().Message.find("strict") != std::string::npos);
    CHECK(LoadDataset(Fixture("canonical_small.csv"), strict).Ok());
}

TEST_CASE("input that is no chart gets one clear sentence") {
    LoadOptions options;
    SUBCASE("empty") {
        Result<LoadedDataset> r = LoadDataset({ { "e.csv", "" } }, options);
        REQUIRE(!r.Ok());
        CHECK(r.Err().Message.find("empty") != std::string::npos);
    }
    SUBCASE("binary") {
        Result<LoadedDataset> r = LoadDataset({ { "img.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) } }, options);
        REQUIRE(!r.Ok());
        CHECK(r.Err().Message.find("binary") != std::string::npos);
    }
    SUBCASE("gzip") {
        Result<LoadedDataset> r = LoadDataset({ { "x.csv.gz", std::string("\x1f\x8b\x08\0\0\0", 6) } }, options);
        REQUIRE(!r.Ok());
        CHECK(r.Err().Message.find("gzip") != std::string::npos);
    }
    SUBCASE("huge") {
        options.MaxFileBytes = 16;
        Result<LoadedDataset> r = LoadDataset(Fixture("canonical_small.csv"), options);
        REQUIRE(!r.Ok());
        CHECK(r.Err().Message.find("more than") != std::string::npos);
    }
    SUBCASE("truncated inside a quote") {
        Result<LoadedDataset> r = LoadDataset(Fixture("truncated_quote.csv"), options);
        REQUIRE(!r.Ok());
        CHECK(r.Err().Message.find("truncated") != std::string::npos);
    }
    SUBCASE("a CSV of another layout") {
        Result<LoadedDataset> r = LoadDataset(Fixture("circle_date_defect.csv"), options);
        REQUIRE(!r.Ok());
        CHECK(r.Err().Message.find("manifest") != std::string::npos);
    }
    SUBCASE("a JSON file that is no manifest") {
        Result<LoadedDataset> r = LoadDataset({ { "x.json", "{\"a\":1}" } }, options);
        REQUIRE(!r.Ok());
        CHECK(r.Err().Message.find("manifest") != std::string::npos);
    }
}

TEST_CASE("a manifest maps another layout; its date fix is applied and noted") {
    std::string manifest = R"({"sources":[{"key":"circle","kind":"official_composite","granularity":"monthly","depth":200}],
        "files":[{"path":"circle_date_defect.csv","source":"circle","date_format":"YYYY.MM.DD",
                  "columns":{"period":"date","rank":"rank","title":"title","artist":"artist","units":"score"}}]})";
    std::vector<InputFile> files = { { "m.json", manifest }, Fixture("circle_date_defect.csv")[0] };
    SUBCASE("without the fix the damaged row is reported") {
        Result<LoadedDataset> loaded = LoadDataset(files, LoadOptions{});
        REQUIRE(loaded.Ok());
        REQUIRE(loaded->Report.Rejected.size() == 1);
        CHECK(loaded->Report.Rejected[0].Line == 3);
        CHECK(loaded->Data.FindPeriod("2022-01") < 0);  // never guessed into January
    }
    SUBCASE("with the fix it lands in October") {
        size_t at = files[0].Bytes.find("\"date_format\"");
        files[0].Bytes.insert(at, "\"date_fixes\":{\"2022.1.30\":\"2022.10.31\"},");
        Result<LoadedDataset> loaded = LoadDataset(files, LoadOptions{});
        REQUIRE_MESSAGE(loaded.Ok(), (loaded.Ok() ? "" : loaded.Err().ToString()));
        CHECK(loaded->Report.Rejected.empty());
        int october = loaded->Data.FindPeriod("2022-10");
        REQUIRE(october >= 0);
        CHECK(loaded->Data.EntryUnits[loaded->Data.Groups[loaded->Data.PeriodGroupBegin[october]].Begin] == 110739309.0);
        CHECK(!loaded->Report.Notes.empty());
    }
}

// Skipped under node, whose TextDecoder lacks windows-949; tests/e2e/data.test.mjs loads CP949 in Chromium.
TEST_CASE("CP949 and UTF-8 files load to the same titles through a manifest" * doctest::skip(!CanDecodeCp949())) {
    std::string manifest = R"({"sources":[{"key":"a","granularity":"monthly"},{"key":"b","granularity":"monthly"}],
        "files":[{"path":"korean_cp949.csv","source":"a","encoding":"cp949","columns":{"period":"날짜","title":"장르","units":"score"}},
                 {"path":"korean_utf8_bom.csv","source":"b","columns":{"period":"날짜","title":"장르","units":"score"}}]})";
    std::vector<InputFile> files = { { "m.json", manifest }, Fixture("korean_cp949.csv")[0], Fixture("korean_utf8_bom.csv")[0] };
    LoadOptions options;
    options.Match = false;
    Result<LoadedDataset> loaded = LoadDataset(files, options);
    REQUIRE_MESSAGE(loaded.Ok(), (loaded.Ok() ? "" : loaded.Err().ToString()));
    const Dataset& d = loaded->Data;
    CHECK(d.Songs.size() == 3);  // both files spell the same three titles
    CHECK(d.EntryCount() == 6);
    CHECK(loaded->Report.Files[0].Encoding == TextEncoding::Cp949);
    CHECK(loaded->Report.Files[1].HadBom);
}

TEST_CASE("a manifest file that was not given is named") {
    std::string manifest = R"({"sources":[{"key":"a"}],"files":[{"path":"missing.csv","source":"a","columns":{"period":"p","title":"t","rank":"r"}}]})";
    Result<LoadedDataset> loaded = LoadDataset({ { "m.json", manifest } }, LoadOptions{});
    REQUIRE(!loaded.Ok());
    CHECK(loaded.Err().Message.find("missing.csv") != std::string::npos);
}

TEST_CASE("a column the manifest names but the file lacks is a file-level error") {
    std::string manifest = R"({"sources":[{"key":"a"}],"files":[{"path":"canonical_small.csv","source":"a","columns":{"period":"week","title":"title","rank":"rank"}}]})";
    LoadOptions strict;
    strict.Strict = true;
    Result<LoadedDataset> loaded = LoadDataset({ { "m.json", manifest }, Fixture("canonical_small.csv")[0] }, strict);
    REQUIRE(!loaded.Ok());
    CHECK(loaded.Err().Message.find("\"week\"") != std::string::npos);
}

}

TEST_SUITE("import") {

TEST_CASE("a column index past a short header reads as empty fields, never out of bounds") {
    std::string manifest = R"({"sources":[{"key":"a"}],"files":[{"path":"canonical_small.csv","source":"a","columns":{"period":9,"title":10,"rank":11}}]})";
    Result<LoadedDataset> loaded = LoadDataset({ { "m.json", manifest }, Fixture("canonical_small.csv")[0] }, LoadOptions{});
    REQUIRE(!loaded.Ok());
    CHECK(loaded.Err().Message.find("no row could be read") != std::string::npos);
}

}
