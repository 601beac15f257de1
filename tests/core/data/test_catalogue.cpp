#include <doctest/doctest.h>

#include "core/data/catalogue.h"

using namespace chartmix;

TEST_SUITE("catalogue") {

TEST_CASE("entries keep what the Open dialog shows") {
    Result<std::vector<CatalogueEntry>> parsed = ParseCatalogue(R"({"datasets":[
        {"id":"hot100","title":"Billboard Hot 100","description":"Weekly","sources":["Billboard Hot 100"],
         "periods":["2023-01-07","2023-12-30"],"sizeBytes":2600000,"citation":"github.com/x","licence":"Billboard's data","group":"US"},
        {"id":"","title":"no id"},
        {"title":"no id either"},
        {"id":"bare","title":"Only a title"}]})");
    REQUIRE(parsed.Ok());
    const std::vector<CatalogueEntry>& entries = *parsed;
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].Id == "hot100");
    CHECK(entries[0].Sources == std::vector<std::string>{ "Billboard Hot 100" });
    CHECK(entries[0].FirstPeriod == "2023-01-07");
    CHECK(entries[0].LastPeriod == "2023-12-30");
    CHECK(entries[0].SizeBytes == 2600000);
    CHECK(entries[0].Licence == "Billboard's data");
    CHECK(entries[0].Group == "US");
    CHECK(entries[1].Id == "bare");
    CHECK(entries[1].SizeBytes == 0);
    CHECK(entries[1].FirstPeriod.empty());
}

TEST_CASE("a broken catalogue is refused with its position") {
    Result<std::vector<CatalogueEntry>> parsed = ParseCatalogue("{\"datasets\": [ {\"id\": }");
    REQUIRE_FALSE(parsed.Ok());
    CHECK(parsed.Err().Line == 1);
    CHECK_FALSE(ParseCatalogue("{\"other\": 1}").Ok());
}

TEST_CASE("download sizes read as people write them") {
    CHECK(FormatByteSize(2600000) == "2.6 MB");
    CHECK(FormatByteSize(870400) == "870 kB");
    CHECK(FormatByteSize(512) == "512 bytes");
}

TEST_CASE("the credit joins where the files come from and what their owners allow") {
    CatalogueEntry e;
    CHECK(CatalogueCredit(e).empty());
    e.Citation = "Circle Chart (circlechart.kr)";
    CHECK(CatalogueCredit(e) == "Circle Chart (circlechart.kr)");
    e.Licence = "Ranks are facts; titles quoted for reference";
    CHECK(CatalogueCredit(e) == "Circle Chart (circlechart.kr). Ranks are facts; titles quoted for reference");
    e.Citation.clear();
    CHECK(CatalogueCredit(e) == "Ranks are facts; titles quoted for reference");
}

} // TEST_SUITE
