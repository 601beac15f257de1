#include <doctest/doctest.h>

#include "core/session/view_state.h"

using namespace chartmix;

TEST_SUITE("view_state") {

TEST_CASE("base64url round-trips every byte value and length") {
    std::string all;
    for (int i = 0; i < 256; i++) all.push_back((char)i);
    for (size_t len = 0; len <= all.size(); len += 37) {
        std::string in = all.substr(0, len), out;
        std::string enc = Base64UrlEncode(in);
        CHECK(enc.find_first_of("+/=") == std::string::npos);
        REQUIRE(Base64UrlDecode(enc, &out));
        CHECK(out == in);
    }
    std::string out;
    CHECK(Base64UrlEncode("hello") == "aGVsbG8");
    CHECK_FALSE(Base64UrlDecode("a", &out));
    CHECK_FALSE(Base64UrlDecode("ab!d", &out));
}

TEST_CASE("a view survives encoding and decoding") {
    ViewState view;
    view.DatasetRef = "url:https://example.org/charts/hot 100.csv";
    view.PeriodLabel = "2023-03-03";
    view.MixJson = R"({"method":"borda","weights":{"melon":6,"genie":4}})";
    view.Selected = { 3, 141, 59 };
    view.Panel = "compare";
    std::string fragment = EncodeViewState(view);
    CHECK(fragment.rfind("v1&", 0) == 0);
    CHECK(fragment.find(' ') == std::string::npos);
    Result<ViewState> back = DecodeViewState("#" + fragment);
    REQUIRE(back.Ok());
    CHECK(back->DatasetRef == view.DatasetRef);
    CHECK(back->PeriodLabel == view.PeriodLabel);
    CHECK(back->MixJson == view.MixJson);
    CHECK(back->Selected == view.Selected);
    CHECK(back->Panel == view.Panel);
}

TEST_CASE("tampered fragments are refused with a reason, never trusted") {
    SUBCASE("wrong version") { CHECK_FALSE(DecodeViewState("v9&d=demo").Ok()); }
    SUBCASE("mix not base64url") {
        auto r = DecodeViewState("v1&m=%%%");
        REQUIRE_FALSE(r.Ok());
        CHECK(r.Err().Field == "m");
    }
    SUBCASE("bad percent escape") { CHECK_FALSE(DecodeViewState("v1&d=abc%4").Ok()); }
    SUBCASE("selected song not a number") { CHECK(DecodeViewState("v1&s=1.x.3").Err().Field == "s"); }
    SUBCASE("too many selected songs") {
        std::string s = "v1&s=1";
        for (int i = 0; i < 100; i++) s += ".1";
        CHECK_FALSE(DecodeViewState(s).Ok());
    }
    SUBCASE("oversized") { CHECK_FALSE(DecodeViewState("v1&d=" + std::string(kMaxFragmentBytes, 'a')).Ok()); }
    SUBCASE("unknown keys are ignored") {
        auto r = DecodeViewState("v1&zz=1&v=history");
        REQUIRE(r.Ok());
        CHECK(r->Panel == "history");
    }
    SUBCASE("empty fragment gives defaults") {
        auto r = DecodeViewState("");
        REQUIRE(r.Ok());
        CHECK(r->DatasetRef.empty());
    }
}

}

TEST_SUITE("view_state") {

TEST_CASE("every view that decodes encodes to a link that decodes to the same view (fuzz regressions)") {
    // Found by fuzz_view_state: a long panel value full of bytes that percent-encoding triples
    // encoded past the fragment limit, so the shared link could not be opened again.
    std::string long_panel = "v1&v=" + std::string(6000, '\xff');
    CHECK_FALSE(DecodeViewState(long_panel).Ok());
    std::string big;
    big = "v1&d=" + std::string(kMaxDatasetRefBytes, '\x01') + "&p=" + std::string(kMaxPeriodLabelBytes, '\x02') + "&m=" +
          Base64UrlEncode(std::string(kMaxMixJsonBytes, '{')) + "&v=" + std::string(kMaxPanelNameBytes, 'z');
    auto view = DecodeViewState(big);
    REQUIRE(view.Ok());
    std::string encoded = EncodeViewState(*view);
    CHECK(encoded.size() <= kMaxFragmentBytes);
    auto again = DecodeViewState(encoded);
    REQUIRE(again.Ok());
    CHECK(again->DatasetRef == view->DatasetRef);
    CHECK(again->MixJson == view->MixJson);
}

}
