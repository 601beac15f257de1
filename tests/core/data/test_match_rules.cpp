#include <doctest/doctest.h>

#include "core/base/string_pool.h"
#include "core/data/match_eval.h"
#include "core/data/match_rules.h"
#include "core/data/matching.h"

using namespace chartmix;

namespace {

bool Same(std::string_view title_a, std::string_view artist_a, std::string_view title_b, std::string_view artist_b,
          const std::vector<std::vector<std::string>>& alias_groups = {})
{
    StringPool keys;
    AliasTable aliases(keys, alias_groups);
    return SpellingsMatch(title_a, artist_a, title_b, artist_b, aliases);
}

} // namespace

TEST_SUITE("match_rules") {

TEST_CASE("artist spellings, film, soundtrack, year and credit-list notes are not another song") {
    struct Pair {
        const char *TitleA, *ArtistA, *TitleB, *ArtistB;
    };
    const Pair kSame[] = {
        { "See You Again", "Tyler, The Creator", "SEE YOU AGAIN", "TYLER THE CREATOR" },
        { "Dog Days Are Over", "Florence + The Machine", "DOG DAYS ARE OVER", "FLORENCE AND THE MACHINE" },
        { "TRUSTFALL", "P!nk", "TRUSTFALL", "PINK" },
        { "Quema", "Ryan Castro x Pe$o Pluma", "QUEMA", "Ryan Castro, Peso Pluma, SOG" },
        { "Creepin'", "Metro Boomin, The Weeknd & 21 Savage", "CREEPIN'", "METRO BOOMIN/THE WEEKND/21 SAVAGE" },
        { "Mona Lisa (Spider-Man: Across the Spider-Verse)", "Dominic Fike", "Mona Lisa", "Dominic Fike" },
        { "Annihilate (Spider-Man: Across the Spider-Verse) (Metro Boomin & Swae Lee, Lil Wayne, Offset)", "Metro Boomin, Swae Lee, Lil Wayne, Offset",
          "Annihilate", "Metro Boomin, Swae Lee, Lil Wayne & Offset" },
        { "Wonderful Christmastime - Edited Version / Remastered 2011", "Paul McCartney", "Wonderful Christmastime", "Paul McCartney" },
        { "Here Comes Santa Claus - 1947 Version", "Gene Autry", "Here Comes Santa Claus", "Gene Autry" },
        { "Shakira: Bzrp Music Sessions, Vol. 53", "Bizarrap, Shakira", "BZRP MUSIC SESSIONS VOL 53", "BIZARRAP & SHAKIRA" },
        { "Christmastime Is Here", "Vince Guaraldi Trio", "Christmas Time Is Here", "Vince Guaraldi Trio" },
    };
    for (const Pair& p : kSame) {
        CAPTURE(p.TitleA);
        CHECK(Same(p.TitleA, p.ArtistA, p.TitleB, p.ArtistB));
    }
    SUBCASE("but versions, other years and other numbers are") {
        CHECK_FALSE(Same("Home For The Holidays (1954)", "Perry Como", "Home for the Holidays - 1959 Version", "Perry Como"));
        CHECK_FALSE(Same("Escapism.", "RAYE, 070 Shake", "Escapism. - Sped Up", "RAYE, 070 Shake"));
        CHECK_FALSE(Same("Like Crazy", "Jimin", "Like Crazy (English Version)", "Jimin"));
        CHECK_FALSE(Same("Shakira: Bzrp Music Sessions, Vol. 53", "Bizarrap, Shakira", "Quevedo: Bzrp Music Sessions, Vol. 52", "Bizarrap, Quevedo"));
    }
}

TEST_CASE("an added act, a different lead's song or other guests keep spellings apart") {
    CHECK_FALSE(Same("Calm Down", "Rema", "Calm Down (with Selena Gomez)", "Rema, Selena Gomez"));  // duet against solo
    CHECK_FALSE(Same("Special", "Lizzo Featuring SZA", "Special", "SZA"));                        // X & Y against Y
    CHECK_FALSE(Same("On The Radar Freestyle", "Drake & Central Cee", "On The Radar Freestyle", "Central Cee"));
    CHECK_FALSE(Same("Forever", "Lil Baby Featuring Fridayy", "Forever", "Lil Baby Featuring Lil Wayne"));  // other guests
    CHECK_FALSE(Same("Snow On The Beach (feat. Lana Del Rey)", "Taylor Swift, Lana Del Rey", "Snow On The Beach (feat. More Lana Del Rey)",
                     "Taylor Swift, Lana Del Rey"));
    SUBCASE("an orchestra beside a singer, or co-credits listed without a mark, add no act") {
        CHECK(Same("Jingle Bells", "Frank Sinatra With Orchestra Conducted By Gordon Jenkins", "Jingle Bells - Remastered 1999", "Frank Sinatra"));
        CHECK(Same("I'm Not Here To Make Friends", "Sam Smith", "I'm Not Here To Make Friends", "Sam Smith, Calvin Harris, Jessie Reyez"));
        CHECK(Same("AMG", "Gabito Ballesteros, Peso Pluma & Natanael Cano", "AMG", "Natanael Cano, Peso Pluma, Gabito Ballesteros"));
    }
}

TEST_CASE("aliases apply to each credited act, and unused ones are reported") {
    CHECK_FALSE(Same("Flowers", "マイリー・サイラス", "Flowers", "Miley Cyrus"));
    CHECK(Same("Flowers", "マイリー・サイラス", "Flowers", "Miley Cyrus", { { "Miley Cyrus", "マイリー・サイラス" } }));
    // The alias names a parenthesised pair: each name of it is an act's key.
    CHECK(Same("Bazooka!", "공원소녀(Girls in the Park)", "BAZOOKA!", "GWSN", { { "GWSN", "공원소녀(Girls in the Park)" } }));
    CHECK(Same("Dynamite", "방탄소년단 & Halsey", "DYNAMITE", "BTS & HALSEY", { { "BTS", "방탄소년단" } }));
    StringPool keys;
    AliasTable aliases(keys, { { "BTS", "방탄소년단" }, { "OMEGA X (오메가엑스)", "OMEGA X" } });
    aliases.Id("bts");
    // Every name no credit named: the other spelling of BTS, and the whole OMEGA X group.
    CHECK(aliases.Unused() == std::vector<std::string>{ "방탄소년단", "OMEGA X (오메가엑스)", "OMEGA X" });
}

TEST_CASE("the evaluation counts, by hand") {
    // Four pairs and an alias: (1) same and merged, (2) same but kept apart (no alias names Kaliii),
    // (3) different and kept apart, (4) different but merged (a guest listed without a mark, as a
    // co-credit, reads as the same recording).
    const char* text =
        "# comment\n"
        "label\tgroup\tsource_a\ttitle_a\tartist_a\tsource_b\ttitle_b\tartist_b\n"
        "same\tg\ta\tCuff It\tBeyonce\tb\tCUFF IT\tBeyoncé\n"
        "same\tg\ta\tArea Codes\tKali\tb\tArea Codes\tKaliii\n"
        "different\tg\ta\tKarma\tTaylor Swift\tb\tKarma (feat. Ice Spice)\tTaylor Swift, Ice Spice\n"
        "different\tg\ta\tGo Away\tWeezer\tb\tGo Away\tWeezer, Best Coast\n"
        "alias\tNobody\tNo One\n";
    Result<LabelledPairs> pairs = ParseLabelledPairs(text, "t.tsv");
    REQUIRE(pairs.Ok());
    CHECK(pairs->Pairs.size() == 4);
    CHECK(pairs->Aliases.size() == 1);
    MatchEvaluation e = EvaluatePairs(*pairs);
    CHECK(e.TruePositives == 1);
    CHECK(e.FalseNegatives == 1);
    CHECK(e.TrueNegatives == 1);
    CHECK(e.FalsePositives == 1);
    CHECK(e.Precision() == doctest::Approx(0.5));  // 1 right of 2 merged
    CHECK(e.Recall() == doctest::Approx(0.5));     // 1 merged of 2 same
    REQUIRE(e.Missed.size() == 1);
    CHECK(e.Missed[0]->Line == 4);
    REQUIRE(e.WrongMerges.size() == 1);
    CHECK(e.WrongMerges[0]->Line == 6);
    CHECK(e.UnusedAliases == std::vector<std::string>{ "Nobody", "No One" });
    SUBCASE("a malformed row names its line") {
        Result<LabelledPairs> bad = ParseLabelledPairs("same\tg\ta\tx\n", "t.tsv");
        REQUIRE(!bad.Ok());
        CHECK(bad.Err().Line == 1);
    }
}

TEST_CASE("a load reports the aliases no credit names") {
    DatasetBuilder b;
    const uint32_t p = b.AddPeriod(0, 6, "w");
    const uint32_t s = b.AddSource(Source{ "s", "S" });
    b.AddEntry(p, s, b.AddSong("Dynamite", "방탄소년단"), 1, 0);
    Dataset d = b.Finish();
    MatchReport r = MatchSongs(d, { { "BTS", "방탄소년단" }, { "OMEGA X", "오메가엑스" } }, {});
    CHECK(r.UnusedAliases == std::vector<std::string>{ "BTS", "OMEGA X", "오메가엑스" });
}

}
