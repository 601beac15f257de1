#include <doctest/doctest.h>

#include "core/data/period.h"

using namespace chartmix;

TEST_SUITE("period") {

TEST_CASE("civil dates round-trip and weekdays are right") {
    CHECK(DaysFromCivil(1970, 1, 1) == 0);
    CHECK(FormatDay(DaysFromCivil(2024, 2, 29)) == "2024-02-29");
    CHECK(Weekday(DaysFromCivil(2023, 3, 23)) == 3);  // a Thursday
    CHECK(Weekday(DaysFromCivil(1969, 12, 31)) == 2);
    for (DayNumber d = -800; d < 30000; d += 37) {
        int y, m, day;
        CivilFromDays(d, &y, &m, &day);
        CHECK(DaysFromCivil(y, m, day) == d);
    }
    CHECK(ParseWeekday("thu") == 3);
    CHECK(ParseWeekday("Sunday") == -1);  // names are lower case in manifests
}

TEST_CASE("the date forms found in real charts") {
    ParsedDate d;
    std::string why;
    REQUIRE(ParseDate("2023-03-31T00:00:00", DateFormat{}, &d, &why));
    CHECK(FormatDay(d.Day) == "2023-03-31");
    REQUIRE(ParseDate("2018-01-31 23:59", DateFormat{}, &d, &why));
    CHECK(FormatDay(d.Day) == "2018-01-31");
    REQUIRE(ParseDate("2022.02.28", DateFormat{}, &d, &why));
    CHECK(FormatDay(d.Day) == "2022-02-28");
    REQUIRE(ParseDate("2021-01-19T13:55:07+08:00", DateFormat{}, &d, &why));
    CHECK(FormatDay(d.Day) == "2021-01-19");
    REQUIRE(ParseDate("2023-03", DateFormat{}, &d, &why));
    CHECK(d.Precision == DatePrecision::Month);
    REQUIRE(ParseDate("24/03/2023", DateFormat{ "DD/MM/YYYY" }, &d, &why));
    CHECK(FormatDay(d.Day) == "2023-03-24");
    REQUIRE(ParseDate("2023.3.5", DateFormat{ "YYYY.M.D" }, &d, &why));
    CHECK(FormatDay(d.Day) == "2023-03-05");
}

TEST_CASE("\"2022.1.30\" (October 2022 in one Circle file) is refused, never read as January") {
    ParsedDate d;
    std::string why;
    CHECK(!ParseDate("2022.1.30", DateFormat{}, &d, &why));
    CHECK(why.find("date_fixes") != std::string::npos);
    CHECK(!ParseDate("2022.1.30", DateFormat{ "YYYY.MM.DD" }, &d, &why));
    CHECK(!ParseDate("2023-02-30", DateFormat{}, &d, &why));
    CHECK(why.find("does not exist") != std::string::npos);
    CHECK(!ParseDate("23-03-24", DateFormat{}, &d, &why));
    CHECK(!ParseDate("", DateFormat{}, &d, &why));
}

}
