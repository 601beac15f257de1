#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "core/base/hash.h"
#include "core/base/random.h"
#include "core/data/importer.h"
#include "core/data/matching.h"
#include "core/data/text_normalize.h"
#include "test_support.h"

using namespace chartmix;

namespace {

// One source per spelling list; every song charts in period 0 of its source.
Dataset Build(const std::vector<std::vector<std::pair<std::string, std::string>>>& charts)
{
    DatasetBuilder b;
    uint32_t p = b.AddPeriod(0, 6, "w");
    for (size_t s = 0; s < charts.size(); s++) {
        uint32_t source = b.AddSource(Source{ "s" + std::to_string(s), "S" });
        for (size_t i = 0; i < charts[s].size(); i++)
            b.AddEntry(p, source, b.AddSong(charts[s][i].first, charts[s][i].second), (uint16_t)(i + 1), NAN);
    }
    return b.Finish();
}

// Up to max_pieces - 1 pieces picked at random, joined.
std::string JoinRandomPieces(Random& rng, const std::vector<std::string>& pieces, size_t max_pieces)
{
    std::string text;
    const size_t count = rng.NextBelow(max_pieces);
    for (size_t k = 0; k < count; k++) text += pieces[rng.NextBelow(pieces.size())];
    return text;
}

// A key without its spaces, as base title keys are; a key of spaces alone stays as it is.
std::string Spaceless(std::string text)
{
    std::string out = text;
    out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
    return out.empty() ? text : out;
}

} // namespace

TEST_SUITE("matching") {

TEST_CASE("case and width folding with own tables") {
    CHECK(FoldCase("ROSÉ") == "rose");
    CHECK(FoldCase("Straße ÆON Œuvre") == "strasse aeon oeuvre");
    CHECK(FoldCase("ＢＴＳ　Ｄｙｎａｍｉｔｅ") == "bts dynamite");
    CHECK(FoldCase("ΆΛΦΑ Σοφός") == "αλφα σοφοσ");
    CHECK(FoldCase("ЁЛКА Москва") == "елка москва");
    CHECK(FoldCase("Łódź Čeština") == "lodz cestina");
    CHECK(FoldCase("방탄소년단 ロゼ 周深") == "방탄소년단 ロゼ 周深");  // scripts without case are kept
}

TEST_CASE("match keys drop punctuation, apostrophes and a leading THE") {
    CHECK(MatchKey("I Ain`t Worried") == MatchKey("I Ain't Worried"));
    CHECK(MatchKey("Don’t Start Now") == "dont start now");
    CHECK(MatchKey("THE LONELIEST TIME") == "loneliest time");
    CHECK(MatchKey("Me & You") == "me and you");
    CHECK(MatchKey("=") == "=");  // a title of punctuation keeps a key of its own
    CHECK(MatchKey("-") != MatchKey("="));
}

TEST_CASE("the ASCII shortcut of match keys gives the general path's keys") {
    // Every printable ASCII byte, in random strings and at the edges (leading "The ", only punctuation).
    Random rng(5);
    std::vector<std::string> texts = { "", "The ", "the the", "THE Weeknd", "=", "- -", "&", "a&b", "Don`t", "It's", "  x  ", "!!!a" };
    for (int i = 0; i < 3000; i++) {
        std::string t;
        size_t length = rng.NextBelow(24);
        for (size_t k = 0; k < length; k++) t += (char)(' ' + rng.NextBelow(95));
        texts.push_back(t);
    }
    for (const std::string& t : texts) {
        CAPTURE(t);
        CHECK(MatchKey(t) == detail::MatchKeyGeneral(t));
    }
}

TEST_CASE("the base title key's shortcut for titles without credits gives the general path's keys") {
    // Words and marks StripCreditsAndEditions looks for, in every case, among ordinary words.
    const std::vector<std::string> kPieces = { " feat", " FEAT.", " Feat ", " ft", " Ft.", " FT ", " featuring ", " fast", " Ft", " - ", "-", " (", ")", "[", "]",
                                               "remaster", " 2011", "with", " From", "Love", " f", " F", "a", " " };
    Random rng(8);
    TitleKeys reused;  // as matching reuses one from title to title: nothing of the title before may stay
    for (int i = 0; i < 3000; i++) {
        const std::string t = JoinRandomPieces(rng, kPieces, 7);
        CAPTURE(t);
        std::string general = detail::BaseTitleKeyGeneral(t);
        const TitleKeys keys = MakeTitleKeys(t);
        CHECK(keys.Base() == (general.empty() ? Spaceless(keys.Full) : general));
        MakeTitleKeysTo(t, &reused);
        CHECK(reused.Full == keys.Full);
        CHECK(reused.Base() == keys.Base());
    }
}

TEST_CASE("title keys and their hashes agree with the general path, on every path") {
    // ASCII and not, punctuation alone (whose key is the folded text), credits that leave nothing,
    // titles past the length kept on the stack, and plain words (letters, digits, single spaces)
    // around the 16- and 32-byte steps of the vector path, with words after a space that start with
    // an f as credits do. The reference is the string-by-string general path (MatchKeyGeneral,
    // BaseTitleKeyGeneral), which no shortcut uses.
    const std::vector<std::string> kPieces = { " feat. X", " (with Y)", " - Remastered 2011", "(Deluxe)", "=", "-", "&", "!!", "The ", "THE", "ROSÉ", "Ｂ",
                                               " ", " ", " ", " featuring ", " Feat ", "Love", "Fun", "ft", "9", "Zz", "SONG", "don`t", "(feat. Z)", std::string(70, 'a'), "[", "]",
                                               "\x7f", "@", "`", "{", "Straße", "ΆΛΦΑ", "ЁЛКА", "周深", "\xff", "\xc3", "’", "＆" };
    Random rng(9);
    TitleKeys reused;
    for (int i = 0; i < 20000; i++) {
        const std::string t = JoinRandomPieces(rng, kPieces, 12);
        CAPTURE(t);
        const std::string full = detail::MatchKeyGeneral(t), stripped = detail::BaseTitleKeyGeneral(t);
        const std::string spaceless_full = Spaceless(full);
        const std::string_view base = stripped.empty() ? std::string_view(spaceless_full) : std::string_view(stripped);
        MakeTitleKeysTo(t, &reused);
        CHECK(reused.Full == full);
        CHECK(reused.Base() == base);
        uint64_t full_hash = 0, base_hash = 0;
        TitleKeyHashes(t, &full_hash, &base_hash);
        CHECK(full_hash == HashBytes(full));
        CHECK(base_hash == HashBytes(base));
    }
}

TEST_CASE("title keys strip credits and edition notes, not versions") {
    CHECK(MakeTitleKeys("Unholy (feat. Kim Petras)").Base() == "unholy");
    CHECK(MakeTitleKeys("Creepin' (with The Weeknd & 21 Savage)").Base() == "creepin");
    CHECK(MakeTitleKeys("Here Comes The Sun - Remastered 2019").Base() == "herecomesthesun");
    CHECK(MakeTitleKeys("Bohemian Rhapsody (2011 Remaster)").Base() == "bohemianrhapsody");
    CHECK(MakeTitleKeys("Besharam Rang (From \"Pathaan\")").Base() == "besharamrang");
    CHECK(MakeTitleKeys("Miss You - Bonus Track").Base() == "missyou");
    CHECK(MakeTitleKeys("Flowers (Demo)").Base() == "flowersdemo");
    CHECK(MakeTitleKeys("Anti-Hero (Remix)").Base() != MakeTitleKeys("Anti-Hero").Base());
}

TEST_CASE("the artist keys' shortcut for a one-artist credit gives the general path's keys") {
    const std::vector<std::string> kPieces = { "Taylor", " Swift", " x ", " X", " feat. ", " Ft", " with ", " With", ",", "&", " & ", "/", ";", "(IU)", " (", ")",
                                               "Weeknd", " The", " w", " f", "x", "-", "'", " ", "Beyonce" };
    Random rng(9);
    for (int i = 0; i < 3000; i++) {
        const std::string artist = JoinRandomPieces(rng, kPieces, 6);
        CAPTURE(artist);
        CHECK(MakeArtistKeys(artist) == detail::ArtistKeysGeneral(artist));
    }
}

TEST_CASE("artist keys split credits and keep parenthesised alternatives") {
    CHECK(MakeArtistKeys("Metro Boomin, The Weeknd & 21 Savage") == std::vector<std::string>{ "21 savage", "metro boomin", "weeknd" });
    CHECK(MakeArtistKeys("David Guetta x Bebe Rexha feat. Ava") == std::vector<std::string>{ "ava", "bebe rexha", "david guetta" });
    CHECK(MakeArtistKeys("아이유 (IU)") == std::vector<std::string>{ "iu", "아이유" });
    CHECK(MakeArtistKeys("장혜진, 윤민수") == std::vector<std::string>{ "윤민수", "장혜진" });
    SUBCASE("every separator splits, alone in a credit or among others") {
        // The splitter skips separators whose first bytes a credit lacks: each must still be found.
        const char* const kSeparators[] = { " Featuring ", " feat. ", " feat ", " ft. ", " Ft ", " with ", " x ", " & ", "&", ",", "/", "\xE3\x80\x81", ";" };
        std::string all = "Zed";
        char next_name = 'a';
        for (const char* separator : kSeparators) {
            CAPTURE(separator);
            CHECK(MakeArtistKeys(std::string("Ann") + separator + "Bo") == std::vector<std::string>{ "ann", "bo" });
            all += std::string(separator) + next_name++ + "name";  // a distinct name after each
        }
        CHECK(MakeArtistKeys(all).size() == 1 + sizeof(kSeparators) / sizeof(kSeparators[0]));
    }
}

TEST_CASE("spellings of one song on different charts merge") {
    Dataset d = Build({ { { "Creepin' (with The Weeknd & 21 Savage)", "Metro Boomin, The Weeknd, 21 Savage" }, { "Flowers", "Miley Cyrus" } },
                        { { "CREEPIN'", "METRO BOOMIN/THE WEEKND/21 SAVAGE" }, { "FLOWERS", "MILEY CYRUS" } },
                        { { "Creepin'", "Metro Boomin, The Weeknd & 21 Savage" }, { "Flowers", "Someone Else" } } });
    MatchReport r = MatchSongs(d, {}, {});
    CHECK(r.Spellings == 6);
    CHECK(r.Songs == 3);  // "Flowers" by another artist stays its own song
    CHECK(d.EntrySong[0] == d.EntrySong[2]);
    CHECK(d.EntrySong[0] == d.EntrySong[4]);
    CHECK(d.EntrySong[1] == d.EntrySong[3]);
    CHECK(d.EntrySong[5] != d.EntrySong[1]);
    CHECK(r.MatchedAcrossSources == 2);
    CHECK(r.SingleSource == 1);
    CHECK(d.SongTitle(d.EntrySong[0]) == "Creepin' (with The Weeknd & 21 Savage)");  // first spelling seen
}

TEST_CASE("songs are counted by the sources they are on, with or without merges") {
    SUBCASE("nothing merges: the ids stay, one spelling on two charts counts as matched") {
        Dataset d = Build({ { { "Flowers", "Miley Cyrus" }, { "Kill Bill", "SZA" } }, { { "Flowers", "Miley Cyrus" }, { "Anti-Hero", "Taylor Swift" } } });
        const std::vector<uint32_t> before = d.EntrySong;
        MatchReport r = MatchSongs(d, {}, {});
        CHECK(r.Songs == 3);
        CHECK(d.EntrySong == before);
        CHECK(r.MatchedAcrossSources == 1);
        CHECK(r.SingleSource == 2);
    }
    // Two periods: spellings of one chart in different weeks may merge; they are still one source.
    DatasetBuilder b;
    const uint32_t week1 = b.AddPeriod(0, 6, "w1"), week2 = b.AddPeriod(7, 13, "w2");
    const uint32_t melon = b.AddSource(Source{ "melon", "Melon" }), genie = b.AddSource(Source{ "genie", "Genie" });
    b.AddEntry(week1, melon, b.AddSong("Flowers", "Miley Cyrus"), 1, NAN);
    b.AddEntry(week2, melon, b.AddSong("FLOWERS", "MILEY CYRUS"), 1, NAN);
    b.AddEntry(week1, genie, b.AddSong("Ditto", "NewJeans"), 1, NAN);
    SUBCASE("merged spellings of one source stay single-source") {
        Dataset d = b.Finish();
        MatchReport r = MatchSongs(d, {}, {});
        CHECK(r.Spellings == 3);
        CHECK(r.Songs == 2);
        CHECK(r.MatchedAcrossSources == 0);
        CHECK(r.SingleSource == 2);
    }
    SUBCASE("a merge that brings two sources together counts as matched") {
        b.AddEntry(week2, genie, b.AddSong("flowers", "Miley Cyrus"), 2, NAN);
        Dataset d = b.Finish();
        MatchReport r = MatchSongs(d, {}, {});
        CHECK(r.Spellings == 4);
        CHECK(r.Songs == 2);
        CHECK(r.MatchedAcrossSources == 1);
        CHECK(r.SingleSource == 1);
        // Entries sort by (period, source, rank): [0] Flowers (w1 melon), [1] Ditto, [2] FLOWERS, [3] flowers.
        CHECK(d.EntrySong[2] == d.EntrySong[0]);
        CHECK(d.EntrySong[3] == d.EntrySong[0]);
        CHECK(d.EntrySong[1] != d.EntrySong[0]);
        CHECK(d.SongTitle(d.EntrySong[3]) == "Flowers");  // the spelling seen first
    }
}

TEST_CASE("no over-merging: two songs one chart lists side by side stay two") {
    Dataset d = Build({ { { "Calm Down", "Rema" }, { "Calm Down (with Selena Gomez)", "Rema, Selena Gomez" } },
                        { { "CALM DOWN", "REMA & SELENA GOMEZ" } } });
    MatchReport r = MatchSongs(d, {}, {});
    CHECK(d.EntrySong[0] != d.EntrySong[1]);
    // The duet credit settles which of the two the third spelling is: not Rema's solo original.
    CHECK(d.EntrySong[2] == d.EntrySong[1]);
    CHECK(r.Songs == 2);
    CHECK(r.Ambiguous.empty());
    SUBCASE("an override settles it") {
        Dataset d2 = Build({ { { "Calm Down", "Rema" }, { "Calm Down (with Selena Gomez)", "Rema, Selena Gomez" } },
                             { { "CALM DOWN", "REMA & SELENA GOMEZ" } } });
        MatchOverride o;
        o.Title = "CALM DOWN";
        o.Artist = "REMA & SELENA GOMEZ";
        o.SameTitle = "Calm Down (with Selena Gomez)";
        o.SameArtist = "Rema, Selena Gomez";
        MatchReport r2 = MatchSongs(d2, {}, { o });
        CHECK(r2.OverridesApplied == 1);
        CHECK(d2.EntrySong[2] == d2.EntrySong[1]);
        CHECK(d2.EntrySong[0] != d2.EntrySong[1]);
    }
}

TEST_CASE("the alias table joins artist names across scripts") {
    auto chart = [] {
        return Build({ { { "Dynamite", "방탄소년단" }, { "On The Ground", "로제" } }, { { "Dynamite", "BTS" }, { "On The Ground", "ROSÉ" } } });
    };
    Dataset without = chart();
    MatchSongs(without, {}, {});
    CHECK(without.EntrySong[0] != without.EntrySong[2]);
    Dataset with = chart();
    MatchReport r = MatchSongs(with, { { "방탄소년단", "BTS" }, { "ロゼ", "ROSÉ", "로제" } }, {});
    CHECK(with.EntrySong[0] == with.EntrySong[2]);
    CHECK(with.EntrySong[1] == with.EntrySong[3]);
    CHECK(r.Songs == 2);
}

TEST_CASE("a distinct override keeps a spelling apart and a bad override is reported") {
    Dataset d = Build({ { { "Flowers", "Miley Cyrus" } }, { { "FLOWERS", "MILEY CYRUS" } } });
    MatchOverride keep;
    keep.Title = "FLOWERS";
    keep.Artist = "MILEY CYRUS";
    keep.Distinct = true;
    MatchOverride missing;
    missing.Title = "Nope";
    missing.Artist = "Nobody";
    missing.Distinct = true;
    MatchReport r = MatchSongs(d, {}, { keep, missing });
    CHECK(d.EntrySong[0] != d.EntrySong[1]);
    CHECK(r.Problems.size() == 1);
}

}
