#include <doctest/doctest.h>

#include "core/data/manifest.h"

using namespace chartmix;

TEST_SUITE("manifest") {

TEST_CASE("a full manifest parses") {
    const char* text = R"({
        "name": "demo",
        "period": {"granularity": "weekly", "week_ends_on": "friday"},
        "sources": [{"key": "bb", "name": "Billboard Hot 100", "region": "US", "kind": "official_composite", "granularity": "weekly",
                     "depth": 100, "units": "", "publication_offset_days": 9, "citation": "billboard.com", "official": true}],
        "files": [{"path": "../data/hot100.tsv", "delimiter": "\t", "encoding": "utf-8", "header": true, "source": "bb",
                   "columns": {"period": "date", "rank": 1, "title": ["song", "title"], "artist": {"value": "x"}},
                   "date_format": "DD/MM/YYYY", "date_fixes": {"1/1/2022": "01/10/2022"}, "units_scale": 10000}],
        "aliases": [["방탄소년단", "BTS"]],
        "overrides": [{"title": "A", "artist": "B", "same_as": {"title": "C", "artist": "D"}}, {"title": "E", "artist": "F", "distinct": true}]
    })";
    Result<Manifest> m = ParseManifest(text, "m.json");
    REQUIRE_MESSAGE(m.Ok(), (m.Ok() ? "" : m.Err().ToString()));
    CHECK(m->Name == "demo");
    CHECK(m->Periods.WeekEndsOn == 4);
    REQUIRE(m->Sources.size() == 1);
    CHECK(m->Sources[0].PublicationOffsetDays == 9);
    CHECK(m->Sources[0].IsOfficial);
    CHECK(m->Sources[0].Kind == SourceKind::OfficialComposite);
    const FileMapping& f = m->Files[0];
    CHECK(f.Delimiter == '\t');
    CHECK(f.Rank.How == ColumnRef::Kind::Index);
    CHECK(f.Rank.Index == 1);
    CHECK(f.Title.Names.size() == 2);
    CHECK(f.Artist.How == ColumnRef::Kind::Constant);
    CHECK(f.DateFixes.at("1/1/2022") == "01/10/2022");
    CHECK(f.UnitsScale == 10000);
    CHECK(m->Aliases.size() == 1);
    REQUIRE(m->Overrides.size() == 2);
    CHECK(m->Overrides[1].Distinct);
    CHECK(ManifestFilePaths(text, "m.json")->at(0) == "../data/hot100.tsv");
    CHECK(LooksLikeManifest(text));
}

TEST_CASE("mistakes name the field at fault") {
    struct Case { const char* Text; const char* Field; };
    const Case cases[] = {
        { R"({"sources":[],"files":[]})", "sources" },
        { R"({"sources":[{"key":"a","kind":"radio"}],"files":[]})", "sources[0].kind" },
        { R"({"sources":[{"key":"a"},{"key":"a"}],"files":[]})", "sources[1].key" },
        { R"({"sources":[{"key":"a","granularity":"hourly"}],"files":[]})", "sources[0].granularity" },
        { R"({"sources":[{"key":"a"}],"files":[{"path":"x.csv","source":"b","columns":{"period":"p","title":"t","rank":"r"}}]})", "files[0].source" },
        { R"({"sources":[{"key":"a"}],"files":[{"path":"x.csv","source":"a","columns":{"title":"t","rank":"r"}}]})", "files[0].columns.period" },
        { R"({"sources":[{"key":"a"}],"files":[{"path":"x.csv","source":"a","columns":{"period":"p","title":"t","score":"s"}}]})", "files[0].columns.score" },
        { R"({"sources":[{"key":"a"}],"files":[{"path":"x.csv","source":"a","encoding":"latin1","columns":{"period":"p","title":"t","rank":"r"}}]})", "files[0].encoding" },
        { R"({"sources":[{"key":"a"}],"files":[{"path":"x.csv","source":"a","columns":{"period":"p","title":"t","rank":"r"}}],"aliases":[["solo"]]})", "aliases[0]" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.Text);
        Result<Manifest> m = ParseManifest(c.Text, "m.json");
        REQUIRE(!m.Ok());
        CHECK(m.Err().Field == c.Field);
        CHECK(m.Err().File == "m.json");
    }
}

TEST_CASE("broken JSON reports line and column") {
    Result<Manifest> m = ParseManifest("{\n  \"sources\": [\n    {\"key\": }\n", "m.json");
    REQUIRE(!m.Ok());
    CHECK(m.Err().Line == 3);
    CHECK(!LooksLikeManifest("rank,title\n"));
}

}
