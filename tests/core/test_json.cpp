#include <doctest/doctest.h>

#include "core/json.h"
#include "core/mix_json.h"

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

TEST_CASE("nesting beyond the limit is refused with its place") {
    std::string deep(kMaxJsonDepth + 1, '[');
    Result<rapidjson::Document> doc = ParseJson(deep, "deep.json");
    REQUIRE_FALSE(doc.Ok());
    CHECK(doc.Err().File == "deep.json");
    CHECK(doc.Err().Column == kMaxJsonDepth + 1);
}

}
