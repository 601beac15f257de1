#pragma once
// The rules that decide whether two spellings whose title keys agree are one recording: who is
// credited and how. Titles agree by their keys (text_normalize.h); credits agree when they share an
// act, unless one adds an act the other lacks (a duet against the solo original, "X & Y" against
// "Y"), the two add different acts to one lead, or the titles state different recording years.
// docs/matching.md gives each rule with the pairs it was measured on.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/string_pool.h"

namespace chartmix {

// Artist names by id, each alias group's names mapped to one id. Names are split into credited acts
// first ("OMEGA X (오메가엑스)" gives two keys of one act), so an alias applies to each act of a credit.
class AliasTable {
public:
    AliasTable(StringPool& keys, const std::vector<std::vector<std::string>>& groups);
    // The id of an act's key, its alias group's when it has one; marks the alias as used.
    uint32_t Id(std::string_view key);
    // Alias names no credit named, as written in the manifest.
    std::vector<std::string> Unused() const;

private:
    StringPool& Keys_;
    std::vector<uint32_t> Canonical_;        // key id -> group id (ids past the end map to themselves)
    std::vector<int32_t> NameOfKey_;         // key id -> index into Names_ (-1: no alias)
    std::vector<std::string> Names_;         // every alias name
    std::vector<std::vector<uint32_t>> NameKeys_;
    std::vector<uint8_t> Used_;              // per name
};

struct SpellingTraits {
    std::vector<uint32_t> Names;   // sorted ids of every key the credited acts go by, title credits included
    uint32_t Lead = UINT32_MAX;    // the first credited act
    std::vector<uint32_t> Others;  // sorted: the other acts, accompanying orchestras and choirs left out
    bool AddsAct = false;          // the credit marks an added act: "feat.", "with", "&", " x ", "+", "and", or a credit in the title
    std::vector<uint32_t> Unlisted; // sorted: acts a title credit names that a full artist list leaves out (a version note)
    uint16_t Year = 0;             // a recording year the title states ("(1959)", "- 1959 Version"); 0 when none
};

// The keys each act of a credit goes by, in credit order, splitting at the separators MakeArtistKeys
// knows and at "+" and " and ", reading stylised letters ("P!nk", "Pe$o") and joining an inverted
// "The" ("Tyler, The Creator"). *adds_act tells whether a separator marks an added act.
std::vector<std::vector<std::string>> CreditedActs(std::string_view artist, bool* adds_act);

// What the rules compare of one spelling.
SpellingTraits MakeSpellingTraits(std::string_view title, std::string_view artist, AliasTable& aliases);

// True when two spellings whose title keys agree credit the same recording.
bool CreditsAgree(const SpellingTraits& a, const SpellingTraits& b);

// The whole rule for two spellings, as MatchSongs applies it to a pair that no chart lists side by
// side: a title key agrees (whole, or without notes) and the credits agree.
bool SpellingsMatch(std::string_view title_a, std::string_view artist_a, std::string_view title_b, std::string_view artist_b, AliasTable& aliases);

} // namespace chartmix
