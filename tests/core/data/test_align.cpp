#include <doctest/doctest.h>

#include <cmath>

#include "core/data/importer.h"
#include "core/data/period.h"
#include "test_support.h"

using namespace chartmix;

namespace {

ParsedDate Day(int y, int m, int d) { return ParsedDate{ DaysFromCivil(y, m, d), DatePrecision::Day }; }

std::string Slot(ParsedDate date, Granularity g, int offset, PeriodRules rules = {})
{
    PeriodSlot slot;
    if (!AssignPeriod(date, g, offset, rules, &slot)) return "(none)";
    return PeriodSlotLabel(slot);
}

Result<LoadedDataset> LoadFixtureManifest(const std::string& folder)
{
    std::string dir = test::FixturePath(folder);
    std::vector<InputFile> files = { { "manifest.json", test::ReadFile(dir + "/manifest.json") } };
    Result<std::vector<std::string>> paths = ManifestFilePaths(files[0].Bytes, "manifest.json");
    REQUIRE(paths.Ok());
    for (const std::string& p : *paths) files.push_back({ p, test::ReadFile(dir + "/" + p) });
    return LoadDataset(files, LoadOptions{});
}

} // namespace

TEST_SUITE("align") {

TEST_CASE("Spotify T, UK T+1 and Billboard T+9 land in the same tracking week") {
    CHECK(Slot(Day(2023, 3, 23), Granularity::Weekly, 0) == "2023-03-23");
    CHECK(Slot(Day(2023, 3, 24), Granularity::Weekly, 1) == "2023-03-23");
    CHECK(Slot(Day(2023, 4, 1), Granularity::Weekly, 9) == "2023-03-23");
    // Without the offset Billboard's date would fall a week later: the offset is what aligns it.
    CHECK(Slot(Day(2023, 4, 1), Granularity::Weekly, 0) == "2023-03-30");
}

TEST_CASE("a week with other ends goes to the dataset week holding its middle day") {
    // Circle dates its Sun..Sat week by the Sunday (offset -6): 19..25 March shares 5 days with Fri 17..Thu 23.
    CHECK(Slot(Day(2023, 3, 19), Granularity::Weekly, -6) == "2023-03-23");
    // Melon's Mon..Sun week dated by its Monday.
    CHECK(Slot(Day(2023, 3, 20), Granularity::Weekly, -6) == "2023-03-23");
    PeriodRules sunday_weeks;
    sunday_weeks.WeekEndsOn = 6;
    CHECK(Slot(Day(2023, 3, 23), Granularity::Weekly, 0, sunday_weeks) == "2023-03-26");  // Fri..Thu's middle is Monday
}

TEST_CASE("daily and monthly charts") {
    PeriodRules weekly;
    CHECK(Slot(Day(2023, 3, 17), Granularity::Daily, 0, weekly) == "2023-03-23");  // Friday opens the week
    CHECK(Slot(Day(2023, 3, 16), Granularity::Daily, 0, weekly) == "2023-03-16");
    PeriodRules monthly;
    monthly.Target = Granularity::Monthly;
    CHECK(Slot(Day(2023, 3, 31), Granularity::Daily, 0, monthly) == "2023-03");
    CHECK(Slot(Day(2018, 1, 31), Granularity::Monthly, 0, monthly) == "2018-01");
    CHECK(Slot(ParsedDate{ DaysFromCivil(2023, 6, 1), DatePrecision::Month }, Granularity::Monthly, 0, monthly) == "2023-06");
    // A monthly chart cannot be split into weeks.
    CHECK(Slot(Day(2018, 1, 31), Granularity::Monthly, 0, weekly) == "(none)");
}

TEST_CASE("five charts published on different days load into one period") {
    Result<LoadedDataset> loaded = LoadFixtureManifest("align");
    REQUIRE_MESSAGE(loaded.Ok(), (loaded.Ok() ? "" : loaded.Err().ToString()));
    const Dataset& d = loaded->Data;
    CHECK(loaded->Report.Rejected.empty());
    int week = d.FindPeriod("2023-03-23");
    REQUIRE(week >= 0);
    // Spotify, UK, Billboard, Melon (rolled up) and Circle all have a group in that week.
    CHECK(d.PeriodGroupBegin[week + 1] - d.PeriodGroupBegin[week] == 5);
    CHECK(d.FindPeriod("2023-03-30") >= 0);  // Spotify's next week and Melon's 24 March
    CHECK(d.FindPeriod("2023-04-01") < 0);   // no period carries Billboard's publication date
}

TEST_CASE("daily rows roll up: mean of the ranks on charted days, sum of units") {
    Result<LoadedDataset> loaded = LoadFixtureManifest("align");
    REQUIRE(loaded.Ok());
    const Dataset& d = loaded->Data;
    int melon = d.FindSource("melon");
    int week = d.FindPeriod("2023-03-23");
    bool found = false;
    for (uint32_t g = d.PeriodGroupBegin[week]; g < d.PeriodGroupBegin[week + 1]; g++) {
        if ((int)d.Groups[g].Source != melon) continue;
        REQUIRE(d.Groups[g].End - d.Groups[g].Begin == 1);
        uint32_t e = d.Groups[g].Begin;
        CHECK(d.EntryRank[e] == 2);       // days ranked 1, 3 and 2; the off-chart day does not count
        CHECK(d.EntryUnits[e] == 350.0);  // 100 + 100 + 50 + 100
        found = true;
    }
    CHECK(found);
}

}
