#pragma once
// Cross-source song matching: one song id per song, whatever its spelling on each chart. Two
// spellings merge when their title keys agree and their credits agree (match_rules.h: a shared act
// after the alias table, and no act added on one side only). Two spellings that one chart lists side by side in the same period never merge ("Calm
// Down" and "Calm Down (with Selena Gomez)" on Spotify): a candidate that would need that is
// reported as ambiguous and left alone, for a manifest override to settle.
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/manifest.h"

namespace chartmix {

struct MatchReport {
    size_t Spellings = 0;             // distinct (title, artist) spellings before matching
    size_t Songs = 0;                 // songs after matching
    size_t MatchedAcrossSources = 0;  // songs found on two or more sources
    size_t SingleSource = 0;          // songs found on one source only (unmatched)
    size_t OverridesApplied = 0;
    std::vector<std::string> Ambiguous;  // one sentence each: what could not be merged and why
    std::vector<std::string> Problems;   // overrides naming songs that are not in the data
    std::vector<std::string> UnusedAliases;  // alias names that no credit in the data names
    std::vector<std::string> Merges;     // one line per merged spelling: "Kill Bill / SZA <- KILL BILL / SZA"
};

// Merges song spellings across sources in place and returns what it did. Entry songs are remapped;
// each merged song keeps the spelling seen first as its display title and artist.
MatchReport MatchSongs(Dataset& data, const std::vector<std::vector<std::string>>& aliases, const std::vector<MatchOverride>& overrides);

} // namespace chartmix
