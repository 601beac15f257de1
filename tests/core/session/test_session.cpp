#include <doctest/doctest.h>

#include "core/rank/mix_json.h"
#include "core/session/session.h"

using namespace chartmix;

TEST_SUITE("session") {

TEST_CASE("a session starts on the simulated market with a ranking") {
    Session session;
    CHECK(session.Data().Simulated);
    CHECK(session.DatasetRef() == "demo");
    REQUIRE(session.Demo() != nullptr);
    const Ranking& r = session.CurrentRanking();
    CHECK(r.Songs.size() > 10);
    CHECK(session.Period() == session.Data().Periods.size() - 1);
}

TEST_CASE("moving one weight changes the ranking and bumps the revision") {
    Session session;
    std::vector<uint32_t> before = session.CurrentRanking().Songs;
    uint64_t rev = session.Revision();
    // Put all weight on one platform: the composite must become that platform's own order.
    for (uint32_t s = 0; s < session.Data().Sources.size(); s++) REQUIRE(session.SetSourceWeight(s, s == 0 ? 1.0 : 0.0).Ok());
    CHECK(session.Revision() > rev);
    const Ranking& after = session.CurrentRanking();
    REQUIRE(!after.Songs.empty());
    // The #1 must be source 0's #1 in this period.
    const Dataset& d = session.Data();
    uint32_t top_of_source0 = UINT32_MAX;
    for (uint32_t g = d.PeriodGroupBegin[session.Period()]; g < d.PeriodGroupBegin[session.Period() + 1]; g++)
        if (d.Groups[g].Source == 0) top_of_source0 = d.EntrySong[d.Groups[g].Begin];
    CHECK(after.Songs[0] == top_of_source0);
    CHECK(after.Songs != before);
}

TEST_CASE("bad weights and bad mixes leave the current mix in place") {
    Session session;
    std::string before = SerializeMix(session.CurrentMix());
    CHECK_FALSE(session.SetSourceWeight(0, -1.0).Ok());
    CHECK_FALSE(session.SetSourceWeight(9999, 1.0).Ok());
    CHECK_FALSE(session.SetMixJson("{\"method\":\"nonsense\"}").Ok());
    CHECK_FALSE(session.SetMixJson("{not json").Ok());
    CHECK(SerializeMix(session.CurrentMix()) == before);
}

TEST_CASE("the data generation moves on every load and only then") {
    Session session;
    const uint64_t first = session.DataGeneration();
    REQUIRE(session.SetSourceWeight(1, 3.5).Ok());
    REQUIRE(session.SetPeriod(0).Ok());
    CHECK(session.DataGeneration() == first);
    CHECK_FALSE(session.LoadFiles({ InputFile{ "broken.csv", std::string("\x00\x01", 2) } }, LoadOptions{}, "file:broken.csv").Ok());
    CHECK(session.DataGeneration() == first);
    // The same demo again: equal data, maybe at the same address, but a new load.
    REQUIRE(session.LoadDemo(1).Ok());
    const uint64_t second = session.DataGeneration();
    CHECK(second != first);
    REQUIRE(session.LoadDemo(1).Ok());
    CHECK(session.DataGeneration() != second);
}

TEST_CASE("a failed load keeps the dataset and the user's weights") {
    Session session;
    REQUIRE(session.SetSourceWeight(1, 3.5).Ok());
    std::string mix_before = SerializeMix(session.CurrentMix());
    size_t entries_before = session.Data().EntryCount();
    Status st = session.LoadFiles({ InputFile{ "broken.csv", std::string("\x00\x01\x02garbage", 10) } }, LoadOptions{}, "file:broken.csv");
    CHECK_FALSE(st.Ok());
    CHECK_FALSE(st.Err().Message.empty());
    CHECK(session.Data().EntryCount() == entries_before);
    CHECK(SerializeMix(session.CurrentMix()) == mix_before);
    CHECK(session.DatasetRef() == "demo");
}

TEST_CASE("the shared view round-trips through a fresh session") {
    Session a;
    REQUIRE(a.SetSourceWeight(2, 0.25).Ok());
    REQUIRE(a.SetPeriod(3).Ok());
    a.Selected() = { 5, 7 };
    a.Panel = "history";
    std::string fragment = EncodeViewState(a.CurrentView());

    Session b;
    auto view = DecodeViewState(fragment);
    REQUIRE(view.Ok());
    std::string notice;
    b.ApplyView(*view, &notice);
    CHECK(notice.empty());
    CHECK(b.Period() == 3);
    CHECK(b.Selected() == std::vector<uint32_t>{ 5, 7 });
    CHECK(b.Panel == "history");
    CHECK(SerializeMix(b.CurrentMix()) == SerializeMix(a.CurrentMix()));
    CHECK(b.CurrentRanking().Songs == a.CurrentRanking().Songs);
}

TEST_CASE("stepping through periods reuses the history; a weight change recomputes it") {
    Session session;
    History first = session.CurrentHistory(20);
    const uint64_t passes = session.HistoryPasses();
    REQUIRE(session.SetPeriod(0).Ok());
    session.Selected() = { 3 };
    session.Touch();
    const History& same = session.CurrentHistory(20);
    CHECK(session.HistoryPasses() == passes);
    CHECK(same.Songs == first.Songs);
    CHECK(session.CurrentRanking().Period == 0);  // the period view itself did follow

    REQUIRE(session.SetSourceWeight(0, 0.0).Ok());
    const History& changed = session.CurrentHistory(20);
    CHECK(session.HistoryPasses() == passes + 1);
    CHECK(changed.Songs != first.Songs);
}

}

// [SECTION] What a new dataset opens to

static InputFile OfficialOnlyManifest()
{
    return InputFile{ "official.json", R"({
  "name": "An official chart alone",
  "period": { "granularity": "weekly", "week_ends_on": "thursday" },
  "sources": [ { "key": "hot", "name": "Hot chart", "region": "US", "kind": "official_composite", "depth": 3, "units": "", "official": true } ],
  "files": [ { "path": "hot.csv", "source": "hot", "columns": { "period": "date", "rank": "rank", "title": "title", "artist": "artist" } } ]
})" };
}

TEST_CASE("a dataset whose only chart is official opens on that chart") {
    Session session;
    std::vector<InputFile> files = { OfficialOnlyManifest(),
                                     InputFile{ "hot.csv", "date,rank,title,artist\n2023-03-23,1,A,X\n2023-03-23,2,B,Y\n2023-03-23,3,C,Z\n" } };
    REQUIRE(session.LoadFiles(files, LoadOptions{}, "file:official.json").Ok());
    const Ranking& r = session.CurrentRanking();
    REQUIRE(r.Songs.size() == 3);
    CHECK(session.Data().SongTitle(r.Songs[0]) == "A");
    CHECK(session.Data().SongTitle(r.Songs[2]) == "C");
    CHECK(session.SourceWeights()[0] == 1.0);
}

TEST_CASE("units-only data opens on shares of units even after a rank-points mix") {
    Session session;
    REQUIRE(session.CurrentMix().Norm == Normalization::RankPoints);
    std::string csv = "source,period,rank,title,artist,units,unit_type,ids\n"
                      "qq,2023-03-23,,A,X,300,listens,\nqq,2023-03-23,,B,Y,500,listens,\nqq,2023-03-23,,C,Z,100,listens,\n";
    REQUIRE(session.LoadFiles({ InputFile{ "qq.csv", csv } }, LoadOptions{}, "file:qq.csv").Ok());
    CHECK(session.CurrentMix().Norm == Normalization::Share);
    const Ranking& r = session.CurrentRanking();
    REQUIRE(r.Songs.size() == 3);
    CHECK(session.Data().SongTitle(r.Songs[0]) == "B");
    CHECK(session.Data().SongTitle(r.Songs[1]) == "A");
}

TEST_CASE("the user's method and weights carry over to data where they rank something") {
    Session session;
    REQUIRE(session.SetMixJson(R"({"method":"borda","weights":{"*":1}})").Ok());
    std::string csv = "source,period,rank,title,artist,units,unit_type,ids\n"
                      "melon,2023-03-23,1,A,X,,,\nmelon,2023-03-23,2,B,Y,,,\ngenie,2023-03-23,1,B,Y,,,\ngenie,2023-03-23,2,A,X,,,\n";
    REQUIRE(session.LoadFiles({ InputFile{ "k.csv", csv } }, LoadOptions{}, "file:k.csv").Ok());
    CHECK(session.CurrentMix().RankMethod == Method::Borda);
    CHECK(session.CurrentRanking().Songs.size() == 2);
}

TEST_CASE("a new dataset opens on its latest well-covered period, not a sparse tail") {
    Session session;
    std::string csv = "source,period,rank,title,artist,units,unit_type,ids\n";
    // Weeks 1-3 list four songs on two charts; week 4 lists one song on one chart.
    for (const char* week : { "2023-03-02", "2023-03-09", "2023-03-16" })
        for (const char* src : { "melon", "genie" })
            for (int r = 1; r <= 4; r++) csv += std::string(src) + "," + week + "," + std::to_string(r) + ",S" + std::to_string(r) + ",A,,,\n";
    csv += "melon,2023-03-23,1,S1,A,,,\n";
    const uint64_t generation = session.DataGeneration();
    REQUIRE(session.LoadFiles({ InputFile{ "tail.csv", csv } }, LoadOptions{}, "file:tail.csv").Ok());
    CHECK(session.DataGeneration() == generation + 1);
    REQUIRE(session.Data().Periods.size() == 4);
    CHECK(session.Data().Periods[session.Period()].Label == "2023-03-16");
    CHECK(session.CurrentRanking().Songs.size() == 4);
}
