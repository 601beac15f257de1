#include <doctest/doctest.h>

#include <climits>
#include <cmath>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/session/chart_rows.h"

using namespace chartmix;

namespace {

// Four songs ranked in the order added: "Blue" by Zed, "apple" by Ann, "Cherry" by Bo, "Date" by Cy.
struct Fixture {
    Dataset Data;
    Ranking Rank;
    Fixture()
    {
        DatasetBuilder b;
        Source s;
        s.Key = "s";
        b.AddSource(s);
        const uint32_t p = b.AddPeriod(0, 6, "w1");
        const char* songs[][2] = { { "Blue", "Zed" }, { "apple", "Ann" }, { "Cherry", "Bo" }, { "Date", "Cy" } };
        for (int i = 0; i < 4; i++) {
            const uint32_t song = b.AddSong(songs[i][0], songs[i][1]);
            b.AddEntry(p, 0, song, (uint16_t)(i + 1), NAN);
            Rank.Songs.push_back(song);
        }
        Data = b.Finish();
    }
};

std::vector<std::string> Titles(const Fixture& f, const std::vector<uint32_t>& rows)
{
    std::vector<std::string> out;
    for (uint32_t r : rows) out.emplace_back(f.Data.SongTitle(f.Rank.Songs[r]));
    return out;
}

} // namespace

TEST_SUITE("chart_rows") {

TEST_CASE("rows keep rank order unless a column is chosen; descending rank reverses them") {
    Fixture f;
    std::vector<uint32_t> rows;
    OrderChartRows(f.Data, f.Rank, "", ChartRowKey::Rank, false, {}, {}, &rows);
    CHECK(rows == std::vector<uint32_t>{ 0, 1, 2, 3 });
    OrderChartRows(f.Data, f.Rank, "", ChartRowKey::Rank, true, {}, {}, &rows);
    CHECK(rows == std::vector<uint32_t>{ 3, 2, 1, 0 });
}

TEST_CASE("title and artist sort by their bytes, both ways") {
    Fixture f;
    std::vector<uint32_t> rows;
    OrderChartRows(f.Data, f.Rank, "", ChartRowKey::Title, false, {}, {}, &rows);
    CHECK(Titles(f, rows) == std::vector<std::string>{ "Blue", "Cherry", "Date", "apple" });
    OrderChartRows(f.Data, f.Rank, "", ChartRowKey::Artist, true, {}, {}, &rows);
    CHECK(Titles(f, rows) == std::vector<std::string>{ "Blue", "Date", "Cherry", "apple" });
}

TEST_CASE("movement sorts up-movers first when descending, and a row with no movement goes last either way") {
    Fixture f;
    const std::vector<int> move = { 2, INT_MIN, -1, 5 };
    std::vector<uint32_t> rows;
    OrderChartRows(f.Data, f.Rank, "", ChartRowKey::MovePrevious, true, {}, move, &rows);
    CHECK(rows == std::vector<uint32_t>{ 3, 0, 2, 1 });
    OrderChartRows(f.Data, f.Rank, "", ChartRowKey::MovePrevious, false, {}, move, &rows);
    CHECK(rows == std::vector<uint32_t>{ 2, 0, 3, 1 });
}

TEST_CASE("the search keeps rows whose title or artist holds the text, in any case") {
    Fixture f;
    std::vector<uint32_t> rows;
    OrderChartRows(f.Data, f.Rank, "APP", ChartRowKey::Rank, false, {}, {}, &rows);
    CHECK(rows == std::vector<uint32_t>{ 1 });
    OrderChartRows(f.Data, f.Rank, "c", ChartRowKey::Title, false, {}, {}, &rows);  // "Cherry", and "Cy"'s "Date"
    CHECK(Titles(f, rows) == std::vector<std::string>{ "Cherry", "Date" });
    OrderChartRows(f.Data, f.Rank, "nobody", ChartRowKey::Rank, false, {}, {}, &rows);
    CHECK(rows.empty());
    CHECK(ContainsText("Love Dive", "dive"));
    CHECK_FALSE(ContainsText("Dive", "Love Dive"));
}

} // TEST_SUITE
