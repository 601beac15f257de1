#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/data/units.h"

using namespace chartmix;

TEST_SUITE("units") {

TEST_CASE("unit strings as charts print them") {
    double v = 0;
    std::string why;
    struct Case { const char* Text; double Value; };
    const Case cases[] = {
        { "215,957,136", 215957136 }, { "93845744.0", 93845744 }, { "100w+", 1000000 }, { "1.2万", 12000 },
        { "3亿", 300000000 }, { "2.5億", 250000000 }, { " 40 ", 40 }, { "12.5K", 12500 }, { "60w", 600000 },
    };
    for (const Case& c : cases) {
        CAPTURE(c.Text);
        REQUIRE(ParseUnits(c.Text, &v, &why));
        CHECK(v == doctest::Approx(c.Value));
    }
}

TEST_CASE("text that is not a number is refused with a reason") {
    double v = 0;
    std::string why;
    for (const char* bad : { "", "abc", "12x", "1,23", "1,2345", "-5", "1.", "万" }) {
        CAPTURE(bad);
        CHECK(!ParseUnits(bad, &v, &why));
        CHECK(!why.empty());
    }
}

TEST_CASE("ranks are positive whole numbers") {
    int r = 0;
    std::string why;
    CHECK(ParseRank("7", &r, &why));
    CHECK(r == 7);
    CHECK(ParseRank("12.0", &r, &why));
    CHECK(r == 12);
    CHECK(!ParseRank("0", &r, &why));
    CHECK(!ParseRank("12.5", &r, &why));
    CHECK(!ParseRank("seven", &r, &why));
    CHECK(!ParseRank("70000", &r, &why));
    CHECK(!ParseRank("", &r, &why));
}

TEST_CASE("the inline rank and units shortcuts agree with the general readers, and trimming with its definition, on every short text") {
    // Every text of up to five bytes over digits, space, tab, '.', '-' and a letter.
    const char kAlphabet[] = { '0', '1', '7', '9', ' ', '\t', '.', '-', 'x' };
    std::vector<std::string> texts = { "" };
    for (size_t begin = 0, length = 1; length <= 5; length++) {
        const size_t end = texts.size();
        for (size_t i = begin; i < end; i++)
            for (char c : kAlphabet) texts.push_back(texts[i] + c);
        begin = end;
    }
    for (const std::string& text : texts) {
        CAPTURE(text);
        int fast = -1, general = -1;
        std::string why_fast, why_general;
        REQUIRE(ParseRank(text, &fast, &why_fast) == ParseRankText(text, &general, &why_general));
        CHECK(fast == general);
        CHECK(why_fast == why_general);
        double units_fast = -1, units_general = -1;
        std::string units_why_fast, units_why_general;
        REQUIRE(ParseUnits(text, &units_fast, &units_why_fast) == ParseUnitsText(text, &units_general, &units_why_general));
        CHECK(units_fast == units_general);
        CHECK(units_why_fast == units_why_general);
        // Trimming by its definition: the text between the first and the last byte that is neither space nor tab.
        const size_t first = text.find_first_not_of(" \t");
        const std::string expected = first == std::string::npos ? std::string() : text.substr(first, text.find_last_not_of(" \t") - first + 1);
        CHECK(TrimSpaces(text) == expected);
    }
    // The inline units path stops at 15 digits (exact in a double); longer ones take the general path.
    for (const std::string text : { "999999999999999", "1000000000000000", "0000123456789012345", "007" }) {
        CAPTURE(text);
        double fast = -1, general = -1;
        std::string why;
        REQUIRE(ParseUnits(text, &fast, &why));
        REQUIRE(ParseUnitsText(text, &general, &why));
        CHECK(fast == general);
        if (text.size() <= 15) CHECK(fast == std::stod(text));
    }
}

TEST_CASE("units beyond 10^15 are refused with a reason of their own") {
    double v = -1;
    std::string why;
    CHECK(ParseUnits("1000000000000000", &v, &why));  // the bound itself loads
    CHECK(v == 1e15);
    const std::string huge = "1" + std::string(300, '0'), endless = std::string(400, '9');
    for (const std::string& text : { std::string("1000000000000001"), std::string("10000001\xE4\xBA\xBF"), huge, endless }) {
        CAPTURE(text);
        why = "a reason left from an earlier value";
        CHECK_FALSE(ParseUnits(text, &v, &why));
        CHECK(why.find("10^15") != std::string::npos);
    }
    SUBCASE("every refusal says why, whatever was in the reason before") {
        for (const char* text : { "", "abc", "1,00", "1.", "-5", "1..2" }) {
            CAPTURE(text);
            why = "a reason left from an earlier value";
            CHECK_FALSE(ParseUnits(text, &v, &why));
            CHECK(why != "a reason left from an earlier value");
            CHECK_FALSE(why.empty());
        }
    }
}

}
