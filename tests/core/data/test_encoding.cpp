#include <doctest/doctest.h>

#include "core/data/encoding.h"
#include "test_support.h"

using namespace chartmix;

TEST_SUITE("encoding") {

// The cases that need a CP949 decoder are reported as skipped under node, whose TextDecoder lacks
// windows-949 (its ICU build); tests/e2e/data.test.mjs loads CP949 in Chromium.

TEST_CASE("CP949 decodes to the same UTF-8 as its UTF-8 sibling, extension syllables included" * doctest::skip(!CanDecodeCp949())) {
    bool ok1 = false, ok2 = false;
    std::string cp949 = test::ReadFile(test::FixturePath("korean_cp949.csv"), &ok1);
    std::string utf8 = test::ReadFile(test::FixturePath("korean_utf8.csv"), &ok2);
    REQUIRE(ok1);
    REQUIRE(ok2);
    REQUIRE(cp949 != utf8);
    SUBCASE("declared") {
        Result<DecodedText> d = DecodeToUtf8(cp949, TextEncoding::Cp949, "k.csv");
        REQUIRE(d.Ok());
        CHECK(d->Text == utf8);
        CHECK(d->Text.find("똠방각하") != std::string::npos);  // U+B620 is outside EUC-KR's KS X 1001 set
    }
    SUBCASE("detected") {
        Result<DecodedText> d = DecodeToUtf8(cp949, TextEncoding::Auto, "k.csv");
        REQUIRE(d.Ok());
        CHECK(d->Found == TextEncoding::Cp949);
        CHECK(d->Text == utf8);
    }
}

TEST_CASE("a UTF-8 byte-order mark is removed and noted") {
    bool ok = false;
    std::string bom = test::ReadFile(test::FixturePath("korean_utf8_bom.csv"), &ok);
    REQUIRE(ok);
    Result<DecodedText> d = DecodeToUtf8(bom, TextEncoding::Auto, "b.csv");
    REQUIRE(d.Ok());
    CHECK(d->HadBom);
    CHECK(d->Found == TextEncoding::Utf8);
    CHECK(d->Text == test::ReadFile(test::FixturePath("korean_utf8.csv")));
}

TEST_CASE("without a CP949 decoder a Korean file fails with a sentence, not with lost letters") {
    bool ok = false;
    std::string cp949 = test::ReadFile(test::FixturePath("korean_cp949.csv"), &ok);
    REQUIRE(ok);
    Cp949Decoder previous = SetCp949Decoder(nullptr);
    Result<DecodedText> d = DecodeToUtf8(cp949, TextEncoding::Auto, "k.csv");
    SetCp949Decoder(previous);
    REQUIRE(!d.Ok());
    CHECK(d.Err().File == "k.csv");
    CHECK(d.Err().Message.find("UTF-8") != std::string::npos);
}

TEST_CASE("invalid UTF-8 in a file declared UTF-8 is located, not replaced") {
    Result<DecodedText> d = DecodeToUtf8("ok\nab\xC3(\n", TextEncoding::Utf8, "bad.csv");
    REQUIRE(!d.Ok());
    CHECK(d.Err().Line == 2);
    CHECK(d.Err().Column == 3);
    CHECK(d.Err().Message.find("cp949") != std::string::npos);
}

TEST_CASE("bytes that are neither UTF-8 nor CP949 fail with a position" * doctest::skip(!CanDecodeCp949())) {
    Result<DecodedText> d = DecodeToUtf8("abc\n\xFF\xFF", TextEncoding::Auto, "x.csv");
    REQUIRE(!d.Ok());
    CHECK(d.Err().Line == 2);
}

TEST_CASE("UTF-8 validation rejects overlong forms and surrogates") {
    CHECK(FindInvalidUtf8("plain ascii text, longer than eight bytes") == std::string_view::npos);
    CHECK(FindInvalidUtf8("로제 ROSÉ") == std::string_view::npos);
    CHECK(FindInvalidUtf8("\xC0\xAF") == 0);
    CHECK(FindInvalidUtf8("ab\xED\xA0\x80") == 2);
    CHECK(FindInvalidUtf8("abcdefgh\xE4\xB8") == 8);
}

TEST_CASE("binary data is recognised") {
    CHECK(LooksBinary(std::string("PK\x03\x04\0\0", 6)));
    CHECK(!LooksBinary("rank,title\n1,a\n"));
    TextEncoding e;
    CHECK(ParseTextEncoding("EUC-KR", &e));
    CHECK(e == TextEncoding::Cp949);
    CHECK(!ParseTextEncoding("latin-9", &e));
}

}
