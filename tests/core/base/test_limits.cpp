#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/base/json.h"
#include "core/base/limits.h"
#include "core/data/importer.h"
#include "core/data/manifest.h"
#include "core/rank/engine.h"
#include "core/rank/mix_json.h"
#include "core/session/session.h"

using namespace chartmix;

namespace {

const char kHeader[] = "source,period,rank,title,artist,units\n";

Result<LoadedDataset> LoadCsv(std::string text, LoadOptions options = {}) { return LoadDataset({ { "t.csv", std::move(text) } }, options); }

std::string ErrorText(const Result<LoadedDataset>& r) { return r.Ok() ? std::string("(loaded)") : r.Err().ToString(); }

bool Contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

// A manifest with n sources ("s0".."s<n-1>") and one canonical-looking CSV file mapped to s0.
std::string ManifestWithSources(size_t n)
{
    std::string m = "{\"name\":\"many\",\"sources\":[";
    for (size_t i = 0; i < n; i++) m += (i ? ",{\"key\":\"s" : "{\"key\":\"s") + std::to_string(i) + "\"}";
    m += "],\"files\":[{\"path\":\"d.csv\",\"source\":\"s0\",\"columns\":{\"period\":\"period\",\"rank\":\"rank\",\"title\":\"title\",\"artist\":\"artist\"}}]}";
    return m;
}

std::string Nested(size_t depth, const char* open, const char* close)
{
    std::string s;
    for (size_t i = 0; i < depth; i++) s += open;
    for (size_t i = 0; i < depth; i++) s += close;
    return s;
}

} // namespace

TEST_SUITE("limits") {

TEST_CASE("the loader's defaults are the limits of limits.h") {
    LoadOptions options;
    CHECK(options.MaxFileBytes == kMaxLoadBytes);
    CHECK(options.MaxRows == kMaxRows);
    CHECK(kMaxRank == 65535);
}

TEST_CASE("a file above the byte limit is refused with a sentence, before it is decoded") {
    LoadOptions options;
    options.MaxFileBytes = 4096;
    std::string big = kHeader;
    while (big.size() <= 4096) big += "a,2023-03-23,1,Song,Artist,1\n";
    SUBCASE("one file") {
        Result<LoadedDataset> r = LoadCsv(big, options);
        REQUIRE_FALSE(r.Ok());
        CHECK(Contains(r.Err().Message, "more than the 4096 bytes one load may hold"));
    }
    SUBCASE("files that are too big together") {
        std::string half = big.substr(0, 2100);
        half = half.substr(0, half.rfind('\n') + 1);
        Result<LoadedDataset> r = LoadDataset({ { "a.csv", half }, { "b.csv", half } }, options);
        REQUIRE_FALSE(r.Ok());
        CHECK(Contains(r.Err().Message, "together, more than"));
    }
    SUBCASE("exactly at the limit loads") {
        std::string fits = big.substr(0, 4096);
        fits = fits.substr(0, fits.rfind('\n') + 1);
        CHECK_MESSAGE(LoadCsv(fits, options).Ok(), ErrorText(LoadCsv(fits, options)));
    }
}

TEST_CASE("more rows than the row limit stop the load with a sentence") {
    LoadOptions options;
    options.MaxRows = 100;
    auto rows = [](int n, bool bad) {
        std::string t = kHeader;
        for (int i = 1; i <= n; i++) t += "a,2023-03-23," + std::string(bad ? "x" : std::to_string(i)) + ",Song " + std::to_string(i) + ",Artist,\n";
        return t;
    };
    CHECK(LoadCsv(rows(100, false), options).Ok());
    SUBCASE("rows that load") {
        Result<LoadedDataset> r = LoadCsv(rows(101, false), options);
        REQUIRE_FALSE(r.Ok());
        CHECK(Contains(r.Err().Message, "more than 100 rows"));
    }
    SUBCASE("rows that are all rejected still count") {
        Result<LoadedDataset> r = LoadCsv(rows(150, true), options);
        REQUIRE_FALSE(r.Ok());
        CHECK(Contains(r.Err().Message, "more than 100 rows"));
    }
    SUBCASE("strict loading says the same") {
        options.Strict = true;
        Result<LoadedDataset> r = LoadCsv(rows(101, false), options);
        REQUIRE_FALSE(r.Ok());
        CHECK(Contains(r.Err().Message, "more than 100 rows"));
    }
}

TEST_CASE("only the first rejected rows are listed, every one is counted") {
    std::string t = kHeader;
    t += "a,2023-03-23,1,Good,Artist,\n";
    const size_t bad = kMaxListedRejections + 500;
    for (size_t i = 0; i < bad; i++) t += "a,2023-03-23,zero,Bad,Artist,\n";
    Result<LoadedDataset> r = LoadCsv(t);
    REQUIRE_MESSAGE(r.Ok(), ErrorText(r));
    CHECK(r->Report.Rejected.size() == kMaxListedRejections);
    CHECK(r->Report.RowsRejected == bad);
    CHECK(r->Report.Files[0].RowsRejected == bad);
    bool noted = false;
    for (const std::string& n : r->Report.Notes) noted |= Contains(n, "the first 1000 are listed");
    CHECK(noted);
}

TEST_CASE("deeply nested JSON is refused on every JSON path") {
    const std::string deep = Nested(100000, "[", "]");
    const std::string deep_objects = Nested(100000, "{\"a\":", "}");
    SUBCASE("a manifest") {
        Result<Manifest> m = ParseManifest("{\"sources\":" + deep + ",\"files\":[]}", "m.json");
        REQUIRE_FALSE(m.Ok());
        CHECK(Contains(m.Err().Message, "nested more than 64 levels"));
        Result<LoadedDataset> r = LoadDataset({ { "m.json", "{\"sources\":[],\"files\":[]," + deep_objects.substr(1) } }, LoadOptions{});
        REQUIRE_FALSE(r.Ok());
    }
    SUBCASE("a mix") {
        Result<Mix> mix = ParseMix(deep_objects, "mix");
        REQUIRE_FALSE(mix.Ok());
        CHECK(Contains(mix.Err().Message, "nested more than 64 levels"));
        Session session;
        uint64_t before = session.Revision();
        CHECK_FALSE(session.SetMixJson(deep).Ok());
        CHECK(session.Revision() == before);
    }
    SUBCASE("a JSON chart layout") {
        std::string manifest = "{\"sources\":[{\"key\":\"a\"}],\"files\":[{\"path\":\"rows.json\",\"format\":\"json\",\"source\":\"a\","
                               "\"columns\":{\"period\":\"p\",\"rank\":\"r\",\"title\":\"t\",\"artist\":\"a\"}}]}";
        Result<LoadedDataset> r = LoadDataset({ { "m.json", manifest }, { "rows.json", deep } }, LoadOptions{});
        REQUIRE_FALSE(r.Ok());
        CHECK(Contains(r.Err().Message, "nested more than 64 levels"));
    }
    SUBCASE("exactly at the limit parses") {
        CHECK(ParseJson(Nested(kMaxJsonDepth, "[", "]"), "x").Ok());
        CHECK_FALSE(ParseJson(Nested(kMaxJsonDepth + 1, "[", "]"), "x").Ok());
    }
}

TEST_CASE("a value of a million characters is refused with a sentence, the rest of the file loads") {
    const std::string huge(1000000, 'x');
    SUBCASE("a CSV title") {
        Result<LoadedDataset> r = LoadCsv(std::string(kHeader) + "a,2023-03-23,1,\"" + huge + "\",Artist,\na,2023-03-23,2,Song,Artist,\n");
        REQUIRE_MESSAGE(r.Ok(), ErrorText(r));
        CHECK(r->Data.EntryCount() == 1);
        REQUIRE(r->Report.Rejected.size() == 1);
        const Error& e = r->Report.Rejected[0];
        CHECK(Contains(e.Message, "the title is 1000000 bytes long"));
        CHECK(e.Message.size() < 300);  // the message never quotes the value
        CHECK(e.Line == 2);
    }
    SUBCASE("a CSV source, period and units") {
        for (int column = 0; column < 6; column++) {
            if (column == 3) continue;
            std::string row[6] = { "a", "2023-03-23", "1", "Song", "Artist", "5" };
            row[column] = huge;
            std::string t = std::string(kHeader) + row[0] + "," + row[1] + "," + row[2] + "," + row[3] + "," + row[4] + "," + row[5] + "\n" +
                            "a,2023-03-23,2,Other,Artist,\n";
            Result<LoadedDataset> r = LoadCsv(t);
            REQUIRE_MESSAGE(r.Ok(), ErrorText(r));
            REQUIRE(r->Report.Rejected.size() == 1);
            CHECK(Contains(r->Report.Rejected[0].Message, "bytes long; values longer than 1024 bytes are refused"));
        }
    }
    SUBCASE("a JSON string in a chart layout") {
        std::string manifest = "{\"sources\":[{\"key\":\"a\"}],\"files\":[{\"path\":\"rows.json\",\"format\":\"json\",\"source\":\"a\","
                               "\"columns\":{\"period\":\"p\",\"rank\":\"r\",\"title\":\"t\",\"artist\":\"a\"}}]}";
        std::string rows = "[{\"p\":\"2023-03-23\",\"r\":1,\"t\":\"" + huge + "\",\"a\":\"X\"},{\"p\":\"2023-03-23\",\"r\":2,\"t\":\"Song\",\"a\":\"X\"}]";
        Result<LoadedDataset> r = LoadDataset({ { "m.json", manifest }, { "rows.json", rows } }, LoadOptions{});
        REQUIRE_MESSAGE(r.Ok(), ErrorText(r));
        CHECK(r->Data.EntryCount() == 1);
        REQUIRE(r->Report.Rejected.size() == 1);
        CHECK(Contains(r->Report.Rejected[0].Message, "the title is 1000000 bytes long"));
        CHECK(r->Report.Rejected[0].Field == "rows[0].t");
    }
    SUBCASE("a manifest string") {
        Result<Manifest> m = ParseManifest("{\"name\":\"" + huge + "\",\"sources\":[{\"key\":\"a\"}],\"files\":[{\"path\":\"d.csv\",\"source\":\"a\"}]}", "m.json");
        REQUIRE_FALSE(m.Ok());
        CHECK(m.Err().Field.find("name") != std::string::npos);
        CHECK(Contains(m.Err().Message, "manifest values are at most 1024 bytes"));
    }
    SUBCASE("a title of exactly the limit loads") {
        Result<LoadedDataset> r = LoadCsv(std::string(kHeader) + "a,2023-03-23,1," + std::string(kMaxFieldBytes, 't') + ",Artist,\n");
        REQUIRE_MESSAGE(r.Ok(), ErrorText(r));
        CHECK(r->Data.SongTitle(0).size() == kMaxFieldBytes);
    }
}

TEST_CASE("10,000 sources are refused with a sentence; 1,000 load and re-mix") {
    SUBCASE("a manifest with 10,000 sources") {
        Result<Manifest> m = ParseManifest(ManifestWithSources(10000), "m.json");
        REQUIRE_FALSE(m.Ok());
        CHECK(m.Err().Field == "sources");
        CHECK(Contains(m.Err().Message, "lists 10000 sources; a dataset has at most 1000"));
        CHECK(ParseManifest(ManifestWithSources(kMaxSources), "m.json").Ok());
    }
    SUBCASE("a canonical CSV with 10,000 distinct sources") {
        std::string t = kHeader;
        for (int s = 0; s < 10000; s++) t += "src" + std::to_string(s) + ",2023-03-23,1,Song,Artist,\n";
        Result<LoadedDataset> r = LoadCsv(t);
        REQUIRE_FALSE(r.Ok());
        CHECK(Contains(r.Err().Message, "more than 1000 sources"));
    }
    SUBCASE("a canonical CSV with 1,000 sources loads, and the session re-mixes it") {
        std::string t = kHeader;
        for (int week = 0; week < 2; week++)
            for (int s = 0; s < (int)kMaxSources; s++)
                for (int rank = 1; rank <= 3; rank++)
                    t += "src" + std::to_string(s) + (week ? ",2023-03-30," : ",2023-03-23,") + std::to_string(rank) + ",Song " + std::to_string((s + rank) % 50) + ",Artist,\n";
        Result<LoadedDataset> r = LoadCsv(t);
        REQUIRE_MESSAGE(r.Ok(), ErrorText(r));
        CHECK(r->Data.Sources.size() == kMaxSources);
        Session session;
        REQUIRE(session.LoadFiles({ { "t.csv", t } }, LoadOptions{}, "file:t.csv").Ok());
        CHECK(session.CurrentRanking().Ranked == 50);
        // Slider drags on a thousand-source mix.
        for (uint32_t s = 0; s < 20; s++) REQUIRE(session.SetSourceWeight(s * 37, s == 0 ? 1000.0 : 0.5).Ok());
        const Ranking& ranking = session.CurrentRanking();
        REQUIRE_FALSE(ranking.Songs.empty());
        // src0 ranks Song 1, 2, 3 with weight 1000: Song 1 leads.
        CHECK(session.Data().SongTitle(ranking.Songs[0]) == "Song 1");
    }
}

TEST_CASE("a period whose songs times sources exceed the breakdown limit is refused") {
    // One week on 1,000 charts, each listing its own songs: 16 each is 16,000 songs x 1,000 sources
    // (16 million contribution cells) and loads; 20 each is 20 million and is refused.
    auto week = [](int per_source) {
        std::string t = kHeader;
        for (int s = 0; s < 1000; s++)
            for (int r = 1; r <= per_source; r++) t += "s" + std::to_string(s) + ",2023-03-23," + std::to_string(r) + ",Song " + std::to_string(s * 100 + r) + ",A,\n";
        return t;
    };
    Result<LoadedDataset> ok = LoadCsv(week(16));
    CHECK_MESSAGE(ok.Ok(), ErrorText(ok));
    Result<LoadedDataset> refused = LoadCsv(week(20));
    REQUIRE_FALSE(refused.Ok());
    CHECK(Contains(refused.Err().Message, "the period 2023-03-23 has 20000 songs on 1000 charts"));
}

TEST_CASE("one period with a million entries ranks; ranks above 65,535 are refused") {
    SUBCASE("rank 65,536 is refused with a sentence, 65,535 loads") {
        Result<LoadedDataset> r = LoadCsv(std::string(kHeader) + "a,2023-03-23,65536,Song,Artist,\na,2023-03-23,65535,Other,Artist,\n");
        REQUIRE_MESSAGE(r.Ok(), ErrorText(r));
        REQUIRE(r->Report.Rejected.size() == 1);
        CHECK(Contains(r->Report.Rejected[0].Message, "larger than 65535"));
        CHECK(r->Data.EntryRank[0] == 65535);
    }
    SUBCASE("a million entries in one period: 65,535 ranked and the rest off-chart") {
        DatasetBuilder b;
        Source src;
        src.Key = "a";
        src.UnitName = "streams";
        uint32_t s = b.AddSource(src);
        uint32_t p = b.AddPeriod(19439, 19445, "2023-03-23");
        const uint32_t n = 1000000;
        b.Reserve(n);
        for (uint32_t i = 0; i < n; i++) {
            uint32_t song = b.AddSong("Song " + std::to_string(i), "Artist");
            b.AddEntry(p, s, song, i < 65535 ? (uint16_t)(i + 1) : kNoRank, double(n - i));
        }
        Dataset d = b.Finish();
        REQUIRE(d.EntryCount() == n);
        Engine engine(d);
        Mix mix;
        mix.Norm = Normalization::RankPoints;
        REQUIRE(engine.SetMix(mix).Ok());
        Ranking ranking;
        REQUIRE(engine.Rank(0, 100, &ranking).Ok());
        CHECK(ranking.Songs.size() == 100);
        CHECK(d.SongTitle(ranking.Songs[0]) == "Song 0");
        mix.Norm = Normalization::Share;
        REQUIRE(engine.SetMix(mix).Ok());
        REQUIRE(engine.Rank(0, 0, &ranking).Ok());
        CHECK(ranking.Songs.size() == n);  // units rank every entry, off-chart ones too
        CHECK(d.SongTitle(ranking.Songs[0]) == "Song 0");
    }
}

TEST_CASE("pathological files end in a sentence, never a crash or a hang") {
    auto refused = [](std::string bytes, const char* says) {
        Result<LoadedDataset> r = LoadCsv(std::move(bytes));
        REQUIRE_FALSE(r.Ok());
        CHECK_MESSAGE(Contains(r.Err().Message, says), r.Err().ToString());
    };
    SUBCASE("an empty file") { refused("", "the file is empty"); }
    SUBCASE("only a header") { refused(kHeader, "there are no chart rows in it"); }
    SUBCASE("binary garbage") {
        std::string garbage;
        uint32_t x = 12345;
        for (int i = 0; i < 5000; i++) { x = x * 1103515245u + 12345u; garbage += (char)(x >> 24); }
        garbage[100] = 0;
        refused(garbage, "binary data");
        garbage[100] = 1;
        for (char& c : garbage) if (c == 0) c = 1;
        Result<LoadedDataset> r = LoadCsv(garbage);
        CHECK_FALSE(r.Ok());
    }
    SUBCASE("a truncated UTF-8 sequence at the end") {
        std::string t = std::string(kHeader) + "a,2023-03-23,1,Song,\xEC\x9D";
        refused(t, "neither UTF-8 nor CP949");
    }
    SUBCASE("an unterminated quote spanning the whole file") {
        std::string t = std::string(kHeader) + "a,2023-03-23,1,\"Song";
        for (int i = 0; i < 10000; i++) t += ",Artist,\na,2023-03-23," + std::to_string(i + 2) + ",Song";
        Result<LoadedDataset> r = LoadCsv(t);
        REQUIRE_FALSE(r.Ok());
        CHECK(Contains(r.Err().Message, "ends inside a quoted field"));
        CHECK(r.Err().Line == 2);
    }
    SUBCASE("CRLF and CR-only line endings load like LF") {
        std::string lf = std::string(kHeader) + "a,2023-03-23,1,Song,Artist,\na,2023-03-23,2,Other,Artist,5\n";
        for (const char* eol : { "\r\n", "\r" }) {
            std::string t;
            for (char c : lf) { if (c == '\n') t += eol; else t += c; }
            Result<LoadedDataset> r = LoadCsv(t);
            REQUIRE_MESSAGE(r.Ok(), ErrorText(r));
            CHECK(r->Data.EntryCount() == 2);
            CHECK(r->Data.SongArtist(0) == "Artist");
            CHECK(r->Report.Rejected.empty());
        }
    }
    SUBCASE("a 2 GB file is refused from its size alone") {
        // The loader is handed bytes; the page refuses a bigger file before reading it
        // (chartmix_max_load_bytes). Here the limit is lowered to meet a file we can afford.
        LoadOptions options;
        options.MaxFileBytes = 1000;
        Result<LoadedDataset> r = LoadCsv(std::string(2000, 'x'), options);
        REQUIRE_FALSE(r.Ok());
        CHECK(Contains(r.Err().Message, "2000 bytes, more than the 1000 bytes"));
    }
}

} // TEST_SUITE
