// How the importer reads the period column: months without a year, date ranges, and the grid a
// canonical CSV takes from its data.
#include <doctest/doctest.h>

#include "core/data/importer.h"
#include "core/data/manifest.h"
#include "test_support.h"

using namespace chartmix;

namespace {

InputFile Fixture(const std::string& name) { return { name, test::ReadFile(test::FixturePath(name)) }; }

Result<LoadedDataset> LoadWith(const std::string& manifest, const std::string& fixture)
{
    LoadOptions options;
    options.Match = false;
    return LoadDataset({ { "m.json", manifest }, Fixture(fixture) }, options);
}

} // namespace

TEST_SUITE("import dates") {

TEST_CASE("a month column without a year takes the year the manifest gives") {
    const std::string head = R"({"sources":[{"key":"m","granularity":"monthly"}],"files":[{"path":"month_without_year.csv","source":"m",)";
    const std::string columns = R"("columns":{"period":"month","rank":"rank","title":"title","artist":"artist"}}]})";
    SUBCASE("the file's year field") {
        Result<LoadedDataset> loaded = LoadWith(head + R"("year":2023,)" + columns, "month_without_year.csv");
        REQUIRE_MESSAGE(loaded.Ok(), (loaded.Ok() ? "" : loaded.Err().ToString()));
        CHECK(loaded->Report.Rejected.empty());
        CHECK(loaded->Data.Periods.size() == 2);
        CHECK(loaded->Data.FindPeriod("2023-01") >= 0);
        CHECK(loaded->Data.FindPeriod("2023-02") >= 0);
    }
    SUBCASE("a pattern without YYYY takes the year too") {
        Result<LoadedDataset> loaded = LoadWith(head + R"("year":2019,"date_format":"M",)" + columns, "month_without_year.csv");
        REQUIRE_MESSAGE(loaded.Ok(), (loaded.Ok() ? "" : loaded.Err().ToString()));
        CHECK(loaded->Data.FindPeriod("2019-02") >= 0);
    }
    SUBCASE("without a year every row is refused at its month, saying how to give the year") {
        Result<LoadedDataset> loaded = LoadWith(head + columns, "month_without_year.csv");
        REQUIRE(!loaded.Ok());
        CHECK(loaded.Err().Line == 2);
        CHECK(loaded.Err().Column == 1);
        CHECK(loaded.Err().Message.find("a month without a year") != std::string::npos);
        CHECK(loaded.Err().Message.find("\"year\"") != std::string::npos);
    }
}

TEST_CASE("a year column dates each row's month; an unreadable year is refused at its place") {
    std::string manifest = R"({"sources":[{"key":"m","granularity":"monthly"}],"files":[{"path":"month_and_year_columns.csv","source":"m",
        "columns":{"period":"month","year":"year","rank":"rank","title":"title","artist":"artist"}}]})";
    Result<LoadedDataset> loaded = LoadWith(manifest, "month_and_year_columns.csv");
    REQUIRE_MESSAGE(loaded.Ok(), (loaded.Ok() ? "" : loaded.Err().ToString()));
    CHECK(loaded->Data.FindPeriod("2022-12") >= 0);
    CHECK(loaded->Data.FindPeriod("2023-01") >= 0);
    CHECK(loaded->Data.Periods.size() == 2);
    REQUIRE(loaded->Report.Rejected.size() == 1);
    CHECK(loaded->Report.Rejected[0].Line == 5);
    CHECK(loaded->Report.Rejected[0].Column == 1);
    CHECK(loaded->Report.Rejected[0].Message.find("\"20x3\"") != std::string::npos);
}

TEST_CASE("a year given twice or out of range is a manifest error naming the field") {
    const std::string head = R"({"sources":[{"key":"m","granularity":"monthly"}],"files":[{"path":"x.csv","source":"m",)";
    Result<Manifest> twice = ParseManifest(head + R"("year":2023,"columns":{"period":"month","year":"y","title":"t","rank":"r"}}]})", "m.json");
    REQUIRE(!twice.Ok());
    CHECK(twice.Err().Field == "files[0].columns.year");
    Result<Manifest> bad = ParseManifest(head + R"("year":23,"columns":{"period":"month","title":"t","rank":"r"}}]})", "m.json");
    REQUIRE(!bad.Ok());
    CHECK(bad.Err().Field == "files[0].year");
}

TEST_CASE("a date range is read as the tracking period and must be a period of the grid") {
    auto manifest = [](const std::string& week_end) {
        return R"({"period":{"week_ends_on":")" + week_end + R"("},"sources":[{"key":"w","granularity":"weekly","publication_offset_days":9}],
            "files":[{"path":"week_ranges.csv","source":"w","date_range":"_to_","columns":{"period":"week","rank":"rank","title":"title","artist":"artist"}}]})";
    };
    SUBCASE("weeks ending on the range's last weekday load; off-grid and eight-day ranges are refused at their place") {
        Result<LoadedDataset> loaded = LoadWith(manifest("wednesday"), "week_ranges.csv");
        REQUIRE_MESSAGE(loaded.Ok(), (loaded.Ok() ? "" : loaded.Err().ToString()));
        CHECK(loaded->Data.Periods.size() == 2);
        CHECK(loaded->Data.FindPeriod("2025-01-08") >= 0);  // the range's own last day: no publication offset
        CHECK(loaded->Data.FindPeriod("2025-01-15") >= 0);
        CHECK(loaded->Report.RowsLoaded == 3);
        REQUIRE(loaded->Report.Rejected.size() == 2);
        const Error& off_grid = loaded->Report.Rejected[0];
        CHECK(off_grid.File == "week_ranges.csv");
        CHECK(off_grid.Line == 5);
        CHECK(off_grid.Column == 1);
        CHECK(off_grid.Message.find("runs Friday to Thursday, but this dataset's weeks run Thursday to Wednesday") != std::string::npos);
        CHECK(loaded->Report.Rejected[1].Line == 6);
        CHECK(loaded->Report.Rejected[1].Message.find("spans 8 days") != std::string::npos);
    }
    SUBCASE("the default Friday-to-Thursday grid refuses Thursday-to-Wednesday ranges instead of moving them") {
        Result<LoadedDataset> loaded = LoadWith(manifest("thursday"), "week_ranges.csv");
        REQUIRE_MESSAGE(loaded.Ok(), (loaded.Ok() ? "" : loaded.Err().ToString()));
        CHECK(loaded->Data.FindPeriod("2025-01-16") >= 0);  // only the one Friday-to-Thursday range
        CHECK(loaded->Report.RowsLoaded == 1);
        CHECK(loaded->Report.Rejected[0].Line == 2);
        CHECK(loaded->Report.Rejected[0].Message.find("period.week_ends_on") != std::string::npos);
    }
    SUBCASE("a range without the separator is refused saying what was expected") {
        std::string text = manifest("wednesday");
        text.replace(text.find("\"_to_\""), 6, "\"--\"");
        Result<LoadedDataset> loaded = LoadWith(text, "week_ranges.csv");
        REQUIRE(!loaded.Ok());
        CHECK(loaded.Err().Message.find("joined by \"--\"") != std::string::npos);
    }
}

TEST_CASE("a date format that writes the year twice is refused, pointing to date_range") {
    Result<Manifest> m = ParseManifest(R"({"sources":[{"key":"w"}],"files":[{"path":"x.csv","source":"w","date_format":"YYYY-MM-DD_to_YYYY-MM-DD",
        "columns":{"period":"week","title":"t","rank":"r"}}]})", "m.json");
    REQUIRE(!m.Ok());
    CHECK(m.Err().Field == "files[0].date_format");
    CHECK(m.Err().Message.find("date_range") != std::string::npos);
}

TEST_CASE("a canonical CSV takes its grid from its first readable date, however late the data starts") {
    // Regression: the grid was guessed from the first record after the header within the first 64 KiB,
    // so a monthly file whose data starts later got Friday-to-Thursday weeks and every row failed.
    std::string text = test::ReadFile(test::FixturePath("monthly_late_start.csv"));
    const size_t header_end = text.find('\n') + 1;
    std::string preamble;
    const std::string header = text.substr(0, header_end);
    while (preamble.size() <= 80 * 1024) preamble += header;  // a concatenated export repeats its header
    preamble += "circle,to be announced,3,Draft,Nobody,1\n";     // and one row whose date does not read
    text.insert(header_end, preamble);
    REQUIRE(text.find("2023-01") > (size_t(1) << 16));
    LoadOptions options;
    options.Match = false;
    Result<LoadedDataset> loaded = LoadDataset({ { "monthly_late_start.csv", text } }, options);
    REQUIRE_MESSAGE(loaded.Ok(), (loaded.Ok() ? "" : loaded.Err().ToString()));
    CHECK(loaded->Report.RowsLoaded == 3);
    CHECK(loaded->Report.Rejected.size() == 1);
    CHECK(loaded->Data.Periods.size() == 2);
    CHECK(loaded->Data.FindPeriod("2023-01") >= 0);
    CHECK(loaded->Data.FindPeriod("2023-02") >= 0);
}

}
