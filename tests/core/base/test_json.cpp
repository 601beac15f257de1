#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>

#include "core/base/json.h"
#include "core/rank/mix_json.h"

using namespace chartmix;

TEST_SUITE("json") {

TEST_CASE("numbers written as shortest round-trip decimals read back exactly (fuzz_mix regression)") {
    // rapidjson's default number parser can land one ulp off on long decimals, so a mix written by
    // SerializeMix changed its bytes when read back. Found by fuzz_mix.
    const char* text = R"({"method":"weighted_sum","normalization":"share","weights":{"a":5.555555555555555e+82,"b":0.1,"c":1e-300}})";
    Result<Mix> mix = ParseMix(text, "t");
    REQUIRE(mix.Ok());
    std::string once = SerializeMix(*mix);
    Result<Mix> again = ParseMix(once, "t");
    REQUIRE(again.Ok());
    CHECK(SerializeMix(*again) == once);
    Result<rapidjson::Document> doc = ParseJson("[5.555555555555555e+82]", "t");
    REQUIRE(doc.Ok());
    CHECK((*doc)[0].GetDouble() == 5.555555555555555e+82);
}

TEST_CASE("zeros with an exponent or many decimals read as 0 (fuzz_mix regression)") {
    // rapidjson 1.1's full-precision reader took clz(0) of their zero significand (undefined;
    // UBSan in fuzz_mix). ParseJson now reads every number with strtod.
    Result<rapidjson::Document> doc = ParseJson("[0e-0090, -0.0E-400, 0.00000000000000000000000000000000, 0.25, true, 1e-300]", "t");
    REQUIRE(doc.Ok());
    for (int i = 0; i < 3; i++) CHECK((*doc)[i].GetDouble() == 0.0);
    CHECK((*doc)[3].GetDouble() == 0.25);
    CHECK((*doc)[5].GetDouble() > 0.0);
    Result<Mix> mix = ParseMix(R"({"method":"weighted_sum","weights":{"a":0e-90,"b":1}})", "t");
    REQUIRE(mix.Ok());
    CHECK(mix->Weights[0].Value == 0.0);
}

TEST_CASE("a number of more than 19 significant digits reads right (fuzz_mix regression)") {
    // Its first 20 digits are 2^64 - 1 and the 21st rounds up: rapidjson 1.1's full-precision reader
    // carried the 64-bit significand over to zero and took clz(0) (UBSan in fuzz_mix).
    for (const char* text : { "[0.000000184467440737095516159551615]", "[18446744073709551615.9, 0.5]" }) {
        CAPTURE(text);
        Result<rapidjson::Document> doc = ParseJson(text, "t");
        REQUIRE(doc.Ok());
        CHECK((*doc)[0].GetDouble() == std::strtod(text + 1, nullptr));
    }
}

TEST_CASE("a number with an exponent of 300 or more either way reads as strtod reads it (fuzz_mix regression)") {
    // rapidjson 1.1's full-precision reader checks for underflow without the zeros after the point
    // ("0.00000003…e-323"), then looks up a power of ten outside its table (UBSan in fuzz_mix: a
    // signed overflow in diyfp.h).
    for (const char* text : { "[0.00000003228988001956776543e-323]", "[0.0000003228988001956776543e-324]", "[43e-323]", "[0.0000000000001234567890123456789e-300]", "[1.5e300]", "[-2.5E+307]" }) {
        CAPTURE(text);
        Result<rapidjson::Document> doc = ParseJson(text, "t");
        REQUIRE(doc.Ok());
        CHECK((*doc)[0].GetDouble() == std::strtod(text + 1, nullptr));
    }
}

TEST_CASE("integers keep their integer types; a number beyond any double is refused at its place; a BOM is skipped") {
    Result<rapidjson::Document> doc = ParseJson("\xEF\xBB\xBF[1, -2, 4294967296, -2147483649, 18446744073709551615, 18446744073709551616, -0, 2.0]", "t");
    REQUIRE(doc.Ok());
    const rapidjson::Value& v = *doc;
    CHECK((v[0].IsInt() && v[0].GetInt() == 1));
    CHECK((v[1].IsInt() && v[1].GetInt() == -2));
    CHECK((v[2].IsUint64() && !v[2].IsUint() && v[2].GetUint64() == 4294967296ull));
    CHECK((v[3].IsInt64() && !v[3].IsInt() && v[3].GetInt64() == -2147483649ll));
    CHECK((v[4].IsUint64() && v[4].GetUint64() == 18446744073709551615ull));
    CHECK((v[5].IsDouble() && v[5].GetDouble() == 18446744073709551616.0));
    CHECK((v[6].IsInt() && v[6].GetInt() == 0));
    CHECK((v[7].IsDouble() && v[7].GetDouble() == 2.0));
    for (const char* text : { "{\"a\":\n  1e400}", "{\"a\":\n  1.8e308}" }) {  // refused by rapidjson's exponent check; by strtod
        CAPTURE(text);
        Result<rapidjson::Document> big = ParseJson(text, "m.json");
        REQUIRE_FALSE(big.Ok());
        CHECK(big.Err().Line == 2);
        CHECK(big.Err().ToString().find("larger than any") != std::string::npos);
    }
}

TEST_CASE("numbers beyond the length limit are refused with their place (fuzz_mix regression)") {
    // rapidjson's full-precision parser read out of bounds on this (found by fuzz_mix): hundreds of
    // zeros after the point, then the digits of 2^62 twice.
    const std::string huge = "0." + std::string(380, '0') + "46116860184273879" + std::string(70, '0') + "4611686018427387904";
    Result<rapidjson::Document> doc = ParseJson("{\n  \"weights\": {\"a\": " + huge + "}}", "mix.json");
    REQUIRE_FALSE(doc.Ok());
    CHECK(doc.Err().File == "mix.json");
    CHECK(doc.Err().Line == 2);
    CHECK(doc.Err().Column == 20);
    CHECK(doc.Err().Message.find("longer than") != std::string::npos);
    CHECK_FALSE(ParseMix("{\"weights\": {\"a\": " + huge + "}}", "m").Ok());
    // At the limit a number still reads; digits inside strings never count.
    const std::string longest = "1." + std::string(kMaxJsonNumberChars - 2, '5');
    Result<rapidjson::Document> ok = ParseJson("[" + longest + ", \"" + huge + "\"]", "t");
    REQUIRE(ok.Ok());
    CHECK((*ok)[0].GetDouble() == doctest::Approx(1.5555555555));
    CHECK_FALSE(ParseJson("[" + longest + "5]", "t").Ok());
}

TEST_CASE("nesting beyond the limit is refused with its place") {
    std::string deep(kMaxJsonDepth + 1, '[');
    Result<rapidjson::Document> doc = ParseJson(deep, "deep.json");
    REQUIRE_FALSE(doc.Ok());
    CHECK(doc.Err().File == "deep.json");
    CHECK(doc.Err().Column == kMaxJsonDepth + 1);
}

TEST_CASE("a mix that does not parse names the line and column and says what was expected") {
    SUBCASE("a trailing comma, typed inline with no file name") {
        Result<Mix> m = ParseMix(R"({"weights":{"a":1},})");
        REQUIRE(!m.Ok());
        CHECK(m.Err().Line == 1);
        CHECK(m.Err().Column == 20);
        CHECK(m.Err().ToString() == "line 1, column 20: this is not valid JSON: expected a \"quoted\" field name here (JSON allows no comma before }).");
    }
    SUBCASE("a word without quotes on the second line") {
        Result<Mix> m = ParseMix("{\"weights\":{\"a\":1},\n \"missing\": zero}", "mix.json");
        REQUIRE(!m.Ok());
        CHECK(m.Err().ToString().find("mix.json:2:13: this is not valid JSON: expected a value here") == 0);
        CHECK(m.Err().Message.find("need quotes") != std::string::npos);
    }
    SUBCASE("text cut short") {
        Result<Mix> m = ParseMix(R"({"weights":{"a":1})");
        REQUIRE(!m.Ok());
        CHECK(m.Err().Message.find("ends before the JSON does") != std::string::npos);
    }
}

}
