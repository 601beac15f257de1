#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <set>

#include "core/data/encoding.h"
#include "core/data/importer.h"
#include "core/data/manifest.h"
#include "core/data/text_normalize.h"
#include "test_support.h"

using namespace chartmix;

namespace {

std::string ManifestDir() { return std::string(CHARTMIX_TESTS_DIR) + "/manifests"; }

Result<LoadedDataset> LoadManifest(const std::string& name, LoadOptions options = {})
{
    std::vector<InputFile> files = { { name, test::ReadFile(ManifestDir() + "/" + name) } };
    Result<std::vector<std::string>> paths = ManifestFilePaths(files[0].Bytes, name);
    REQUIRE_MESSAGE(paths.Ok(), (paths.Ok() ? "" : paths.Err().ToString()));
    for (const std::string& p : *paths) {
        bool ok = false;
        files.push_back({ p, test::ReadFile(ManifestDir() + "/" + p, &ok) });
        REQUIRE_MESSAGE(ok, p);
    }
    return LoadDataset(files, options);
}

size_t EntriesOf(const Dataset& d, const std::string& source, const std::string& period)
{
    int s = d.FindSource(source), p = d.FindPeriod(period);
    if (s < 0 || p < 0) return 0;
    for (uint32_t g = d.PeriodGroupBegin[p]; g < d.PeriodGroupBegin[p + 1]; g++)
        if ((int)d.Groups[g].Source == s) return d.Groups[g].End - d.Groups[g].Begin;
    return 0;
}

uint32_t NumberOne(const Dataset& d, const std::string& source, const std::string& period)
{
    int s = d.FindSource(source), p = d.FindPeriod(period);
    REQUIRE(s >= 0);
    REQUIRE(p >= 0);
    for (uint32_t g = d.PeriodGroupBegin[p]; g < d.PeriodGroupBegin[p + 1]; g++)
        if ((int)d.Groups[g].Source == s) {
            REQUIRE(d.EntryRank[d.Groups[g].Begin] == 1);
            return d.EntrySong[d.Groups[g].Begin];
        }
    FAIL("no chart for that source and period");
    return 0;
}

} // namespace

TEST_SUITE("shared_datasets") {

TEST_CASE("every shared dataset loads through its manifest within the memory budget" * doctest::skip(!test::HaveSharedDatasets())) {
    const char* manifests[] = {
        "billboard-hot100-mhollingshead.json", "billboard-hot100-2023-json.json", "billboard-200-utdata.json", "spotify-weekly-2023.json",
        "spotify-raw-regional-samples.json", "circle-digital-monthly-tidy.json", "circle-digital-monthly-raw.json", "circle-genre-scores.json",
        "kpop-blackpink-weekly.json", "kpop-blackpink-monthly.json", "kpop-blackpink-raw-json.json", "qqmusic-flat.json", "qqmusic-json.json",
        "qqmusic-json-data.json", "demo-multisource-week.json", "demo-pink-venom-daily.json",
    };
    size_t total_bytes = 0;
    auto start = std::chrono::steady_clock::now();
    for (const char* name : manifests) {
        CAPTURE(name);
        if (!CanDecodeCp949() && std::string(name) == "circle-genre-scores.json") {
            MESSAGE("skipped circle-genre-scores (CP949): this JS engine's TextDecoder lacks windows-949; the browser test decodes CP949");
            continue;
        }
        Result<LoadedDataset> loaded = LoadManifest(name);
        REQUIRE_MESSAGE(loaded.Ok(), (loaded.Ok() ? "" : loaded.Err().ToString()));
        CHECK(loaded->Data.EntryCount() > 0);
        CHECK(loaded->Data.MemoryBytes() <= 3 * loaded->Report.InputBytes);
        CHECK(loaded->Report.RowsRead == loaded->Report.RowsLoaded + loaded->Report.RowsFiltered + loaded->Report.Rejected.size());
        total_bytes += loaded->Report.InputBytes;
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("note: loaded %zu manifests, %.1f MB, in %.2f s\n", sizeof(manifests) / sizeof(manifests[0]), total_bytes / 1e6, seconds);
}

TEST_CASE("rows per source and period match the published files" * doctest::skip(!test::HaveSharedDatasets())) {
    Result<LoadedDataset> spotify = LoadManifest("spotify-weekly-2023.json");
    REQUIRE(spotify.Ok());
    const Dataset& d = spotify->Data;
    CHECK(spotify->Report.Rejected.empty());
    CHECK(EntriesOf(d, "spotify-us", "2023-01-05") == 200);
    CHECK(EntriesOf(d, "spotify-global", "2023-01-05") == 199);  // rank 142 is missing from the processed file
    CHECK(d.Periods.size() == 53);
    CHECK(d.Periods.front().Label == "2023-01-05");

    Result<LoadedDataset> hot100 = LoadManifest("billboard-hot100-mhollingshead.json");
    REQUIRE(hot100.Ok());
    CHECK(hot100->Data.EntryCount() == 34500);
    for (const EntryGroup& g : hot100->Data.Groups) CHECK(g.End - g.Begin == 100);

    Result<LoadedDataset> circle = LoadManifest("circle-digital-monthly-tidy.json");
    REQUIRE(circle.Ok());
    CHECK(EntriesOf(circle->Data, "circle-digital-monthly", "2018-01") == 100);
    CHECK(EntriesOf(circle->Data, "circle-digital-monthly", "2019-01") == 200);
    CHECK(circle->Data.Periods.size() == 66);
}

TEST_CASE("the #1 of known weeks" * doctest::skip(!test::HaveSharedDatasets())) {
    Result<LoadedDataset> hot100 = LoadManifest("billboard-hot100-mhollingshead.json");
    REQUIRE(hot100.Ok());
    // The chart dated 2020-01-04 tracks the week ending Thursday 2019-12-26.
    uint32_t song = NumberOne(hot100->Data, "billboard-hot100", "2019-12-26");
    CHECK(hot100->Data.SongTitle(song) == "All I Want For Christmas Is You");

    Result<LoadedDataset> spotify = LoadManifest("spotify-weekly-2023.json");
    REQUIRE(spotify.Ok());
    song = NumberOne(spotify->Data, "spotify-us", "2023-01-05");
    CHECK(spotify->Data.SongTitle(song) == "Kill Bill");

    Result<LoadedDataset> raw = LoadManifest("circle-digital-monthly-raw.json");
    REQUIRE(raw.Ok());
    CHECK(raw->Report.Rejected.empty());
    // October 2022 is dated "2022.1.30" in the original file; the manifest's date fix puts it back.
    song = NumberOne(raw->Data, "circle-digital-monthly", "2022-10");
    CHECK(raw->Data.SongTitle(song) == "새삥 (Prod. ZICO) (Feat. 호미들)");
    song = NumberOne(raw->Data, "circle-digital-monthly", "2022-01");
    CHECK(raw->Data.SongTitle(song) != "새삥 (Prod. ZICO) (Feat. 호미들)");
}

TEST_CASE("the original Circle files and the tidy file agree" * doctest::skip(!test::HaveSharedDatasets())) {
    Result<LoadedDataset> raw = LoadManifest("circle-digital-monthly-raw.json");
    Result<LoadedDataset> tidy = LoadManifest("circle-digital-monthly-tidy.json");
    REQUIRE(raw.Ok());
    REQUIRE(tidy.Ok());
    CHECK(raw->Data.EntryCount() == tidy->Data.EntryCount());
    CHECK(raw->Data.Periods.size() == tidy->Data.Periods.size());
    for (const char* month : { "2018-01", "2019-07", "2022-10", "2023-06" }) {
        CAPTURE(month);
        CHECK(raw->Data.SongTitle(NumberOne(raw->Data, "circle-digital-monthly", month)) ==
              tidy->Data.SongTitle(NumberOne(tidy->Data, "circle-digital-monthly", month)));
    }
}

// Under node, whose TextDecoder lacks windows-949 (its ICU build), tests/e2e/data.test.mjs decodes CP949 in Chromium instead.
TEST_CASE("CP949 genre files decode to the same Korean names as their UTF-8 sibling" * doctest::skip(!test::HaveSharedDatasets() || !CanDecodeCp949())) {
    Result<LoadedDataset> genres = LoadManifest("circle-genre-scores.json");
    REQUIRE(genres.Ok());
    const Dataset& d = genres->Data;
    std::set<std::string> by_source[8];
    for (size_t e = 0; e < d.EntryCount(); e++) by_source[d.EntrySource[e]].insert(std::string(d.SongTitle(d.EntrySong[e])));
    int cp949 = d.FindSource("genre-2018"), utf8 = d.FindSource("genre-2022");
    REQUIRE(cp949 >= 0);
    REQUIRE(utf8 >= 0);
    CHECK(genres->Report.Files[0].Encoding == TextEncoding::Cp949);
    CHECK(by_source[utf8].count("발라드") == 1);
    CHECK(by_source[cp949].count("발라드") == 1);
    size_t shared = 0;
    for (const std::string& g : by_source[utf8]) shared += by_source[cp949].count(g);
    CHECK(shared >= 10);
    for (const std::string& g : by_source[cp949]) CHECK(FindInvalidUtf8(g) == std::string_view::npos);
}

TEST_CASE("2023 Billboard Hot 100 shares about 70 songs a week with Spotify US once weeks are aligned" * doctest::skip(!test::HaveSharedDatasets())) {
    // Both charts loaded into one dataset through a manifest built here from the two test manifests.
    std::string dir = ManifestDir() + "/";
    std::string manifest = R"({"name":"hot100 + spotify us","aliases":[["방탄소년단","BTS"]],
      "sources":[{"key":"hot100","kind":"official_composite","granularity":"weekly","depth":100,"publication_offset_days":9},
                 {"key":"spotify-us","kind":"audio_streams","granularity":"weekly","depth":200,"units":"streams"}],
      "files":[{"path":"../../../shared/datasets/billboard-hot100-mhollingshead/hot100_2020_2026.csv","source":"hot100",
                "columns":{"period":"date","rank":"this_week","title":"song","artist":"artist"}},
               {"path":"../../../shared/datasets/spotify-weekly-2023-seanscofield/usa_charts_2023.csv","source":"spotify-us",
                "columns":{"period":"week","rank":"rank","title":"track_name","artist":"artist_names","units":"streams"}}]})";
    std::vector<InputFile> files = { { "both.json", manifest } };
    Result<std::vector<std::string>> paths = ManifestFilePaths(manifest, "both.json");
    REQUIRE(paths.Ok());
    for (const std::string& p : *paths) files.push_back({ p, test::ReadFile(dir + p) });
    Result<LoadedDataset> loaded = LoadDataset(files, LoadOptions{});
    REQUIRE(loaded.Ok());
    const Dataset& d = loaded->Data;
    int hot = d.FindSource("hot100"), us = d.FindSource("spotify-us");
    size_t weeks = 0, shared_total = 0, min_shared = 1000;
    for (size_t p = 0; p < d.Periods.size(); p++) {
        std::set<uint32_t> a, b;
        for (uint32_t g = d.PeriodGroupBegin[p]; g < d.PeriodGroupBegin[p + 1]; g++)
            for (uint32_t e = d.Groups[g].Begin; e < d.Groups[g].End; e++)
                ((int)d.Groups[g].Source == hot ? a : (int)d.Groups[g].Source == us ? b : a).insert(d.EntrySong[e]);
        if (a.empty() || b.empty()) continue;
        size_t shared = 0;
        for (uint32_t s : a) shared += b.count(s);
        weeks++;
        shared_total += shared;
        min_shared = std::min(min_shared, shared);
    }
    // Spotify's 53 weeks all meet a Hot 100 week: with offset 9 every Billboard date lands on a Spotify Thursday.
    CHECK(weeks == 53);
    double mean = weeks ? (double)shared_total / weeks : 0;
    std::printf("note: Hot 100 and Spotify US share %.1f songs a week on average (minimum %zu)\n", mean, min_shared);
    CHECK(mean > 60);
    CHECK(mean < 85);
}

TEST_CASE("the demo week lines up the same song on four charts" * doctest::skip(!test::HaveSharedDatasets())) {
    Result<LoadedDataset> loaded = LoadManifest("demo-multisource-week.json");
    REQUIRE(loaded.Ok());
    const Dataset& d = loaded->Data;
    CHECK(d.Periods.size() == 1);
    CHECK(d.Periods[0].Label == "2023-03-23");
    // Flowers is #1 on Billboard and on the UK chart; it is one song on all four charts.
    uint32_t flowers = NumberOne(d, "billboard-hot100", "2023-03-23");
    CHECK(d.SongTitle(flowers) == "Flowers");
    CHECK(NumberOne(d, "uk-singles", "2023-03-23") == flowers);
    size_t charts = 0;
    for (size_t e = 0; e < d.EntryCount(); e++) charts += d.EntrySong[e] == flowers;
    CHECK(charts == 4);
    // "Calm Down" and "Calm Down (with Selena Gomez)" both chart on Spotify Global that week: still two
    // songs. Billboard's duet credit ("Rema & Selena Gomez") is the Selena Gomez version, the UK's "REMA" the solo original.
    std::set<uint32_t> calm;
    uint32_t billboard_calm = UINT32_MAX, uk_calm = UINT32_MAX;
    for (size_t e = 0; e < d.EntryCount(); e++) {
        if (MakeTitleKeys(d.SongTitle(d.EntrySong[e])).Base() != "calmdown") continue;
        if (d.EntrySource[e] == (uint32_t)d.FindSource("spotify-global")) calm.insert(d.EntrySong[e]);
        if (d.EntrySource[e] == (uint32_t)d.FindSource("billboard-hot100")) billboard_calm = d.EntrySong[e];
        if (d.EntrySource[e] == (uint32_t)d.FindSource("uk-singles")) uk_calm = d.EntrySong[e];
    }
    CHECK(calm.size() == 2);
    CHECK(calm.count(billboard_calm) == 1);
    CHECK(calm.count(uk_calm) == 1);
    CHECK(billboard_calm != uk_calm);
}

}
