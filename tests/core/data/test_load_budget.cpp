#include <doctest/doctest.h>

#include <string>

#include "core/data/load_budget.h"

using namespace chartmix;

TEST_SUITE("load_budget") {

TEST_CASE("a CSV costs its rows; a file that is not UTF-8 also its decoded copy") {
    const std::string rows = "source,period,rank,title,artist\nmelon,2023-03-23,1,Flower,JISOO\nmelon,2023-03-23,2,Ditto,NewJeans\n";
    CHECK(EstimateLoadGrowth("week.csv", rows) == 4 * kLoadBytesPerRow);  // three line ends and a possible last line
    SUBCASE("no line end at the end") {
        CHECK(EstimateLoadGrowth("week.csv", rows.substr(0, rows.size() - 1)) == 3 * kLoadBytesPerRow);
    }
    SUBCASE("CP949 bytes add one and a half times their size") {
        const std::string cp949 = "title\n\xB1\xE8\n";  // 김 in CP949: not UTF-8
        CHECK(EstimateLoadGrowth("k.csv", cp949) == cp949.size() * 3 / 2 + 3 * kLoadBytesPerRow);
    }
}

TEST_CASE("a JSON file's rows are guessed from its size") {
    const std::string json(kJsonBytesPerRow * 10, ' ');
    CHECK(EstimateLoadGrowth("week.JSON", json) == 10 * kLoadBytesPerRow);
    CHECK(EstimateLoadGrowth("", "") == kLoadBytesPerRow);
}

}
