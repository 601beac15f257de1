#pragma once
// Measuring song matching on spelling pairs labelled by hand (tests/fixtures/matching/labelled_pairs.tsv,
// docs/matching.md): each pair is scored by the rule MatchSongs applies (SpellingsMatch), and the
// report gives precision, recall and every pair the rule gets wrong.
//
//   Result<LabelledPairs> pairs = ParseLabelledPairs(text, "labelled_pairs.tsv");
//   MatchEvaluation e = EvaluatePairs(*pairs);  // e.Precision(), e.Recall(), e.Errors
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace chartmix {

struct LabelledPair {
    bool Same = false;
    std::string Group;
    std::string SourceA, TitleA, ArtistA;
    std::string SourceB, TitleB, ArtistB;
    int Line = 0;
};

struct LabelledPairs {
    std::vector<LabelledPair> Pairs;
    std::vector<std::vector<std::string>> Aliases;  // "alias" rows: names of one act
};

// Reads the tab-separated labels: "#" comment lines, an optional header line starting "label", rows
// "same|different, group, source_a, title_a, artist_a, source_b, title_b, artist_b", and rows
// "alias, name, name, ..." that give an alias group. Errors name the line.
Result<LabelledPairs> ParseLabelledPairs(std::string_view text, std::string_view file_name);

struct MatchEvaluation {
    size_t TruePositives = 0, FalsePositives = 0, FalseNegatives = 0, TrueNegatives = 0;
    std::vector<const LabelledPair*> Missed;      // labelled same, kept apart
    std::vector<const LabelledPair*> WrongMerges; // labelled different, merged
    std::vector<std::string> UnusedAliases;       // alias names no pair's credit names
    // Merged pairs that are right, of all merged pairs (1 when nothing merged).
    double Precision() const { return TruePositives + FalsePositives ? (double)TruePositives / (double)(TruePositives + FalsePositives) : 1.0; }
    // Same pairs merged, of all same pairs (1 when none is labelled same).
    double Recall() const { return TruePositives + FalseNegatives ? (double)TruePositives / (double)(TruePositives + FalseNegatives) : 1.0; }
};

// Scores every pair; the evaluation points into pairs, which must outlive it.
MatchEvaluation EvaluatePairs(const LabelledPairs& pairs);

} // namespace chartmix
