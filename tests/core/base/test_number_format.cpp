#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/base/json.h"
#include "core/base/number_format.h"

using namespace chartmix;

TEST_SUITE("number_format") {

TEST_CASE("numbers print the same way everywhere") {
    auto num = [](double v, NumberDigits digits) { std::string s; AppendNumber(s, v, digits); return s; };
    for (NumberDigits digits : { NumberDigits::Shortest, NumberDigits::Ten }) {
        CHECK(num(12503929.0, digits) == "12503929");
        CHECK(num(-3.0, digits) == "-3");
        CHECK(num(-0.0, digits) == "0");
        CHECK(num(0.5, digits) == "0.5");
        CHECK(num(0.1, digits) == "0.1");
        CHECK(num(1e300, digits) == "1e+300");
        CHECK(num(NAN, digits).empty());
        CHECK(num(INFINITY, digits).empty());
    }
    SUBCASE("files read back: the shortest text that reads back as the same double") {
        CHECK(num(0.1 + 0.2, NumberDigits::Shortest) == "0.30000000000000004");
        CHECK(num(2.0 / 3.0, NumberDigits::Shortest) == "0.6666666666666666");
    }
    SUBCASE("reports: ten significant digits") {
        CHECK(num(0.1 + 0.2, NumberDigits::Ten) == "0.3");
        CHECK(num(2.0 / 3.0, NumberDigits::Ten) == "0.6666666667");
    }
}

TEST_CASE("the JSON writer: rapidjson's structure and escapes, the house numbers, null for NaN") {
    std::string out;
    JsonWriter w(&out);
    w.StartObject();
    w.String("title", "Say \"Hi\"\n");
    w.Number("score", 2.0 / 3.0);
    w.Number("missing", NAN);
    w.Bool("simulated", false);
    w.Key("mix");
    w.Raw(R"({"version":1})");
    w.Key("ranks");
    w.StartArray();
    w.Number(1);
    w.Number(-0.0);
    w.EndArray();
    w.EndObject();
    CHECK(out == R"({"title":"Say \"Hi\"\n","score":0.6666666667,"missing":null,"simulated":false,"mix":{"version":1},"ranks":[1,0]})");
}

}
