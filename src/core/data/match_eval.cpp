#include "core/data/match_eval.h"

#include "core/base/string_pool.h"
#include "core/data/match_rules.h"

namespace chartmix {

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line)
{
    std::vector<std::string_view> fields;
    for (size_t begin = 0;;) {
        const size_t tab = line.find('\t', begin);
        fields.push_back(line.substr(begin, tab == std::string_view::npos ? std::string_view::npos : tab - begin));
        if (tab == std::string_view::npos) return fields;
        begin = tab + 1;
    }
}

} // namespace

Result<LabelledPairs> ParseLabelledPairs(std::string_view text, std::string_view file_name)
{
    LabelledPairs out;
    int line_number = 0;
    for (size_t begin = 0; begin < text.size();) {
        size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(begin, end - begin);
        begin = end + 1;
        line_number++;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#' || line.substr(0, 6) == "label\t") continue;
        const std::vector<std::string_view> f = SplitTabs(line);
        if (f[0] == "alias") {
            if (f.size() < 3) return MakeErrorAt(std::string(file_name), line_number, 1, "an alias row names two or more spellings of one act.");
            out.Aliases.emplace_back(f.begin() + 1, f.end());
            continue;
        }
        if (f[0] != "same" && f[0] != "different")
            return MakeErrorAt(std::string(file_name), line_number, 1, "a row starts with \"same\", \"different\" or \"alias\", not \"" + std::string(f[0]) + "\".");
        if (f.size() != 8)
            return MakeErrorAt(std::string(file_name), line_number, 1, "a pair row has 8 tab-separated fields (label, group, source, title and artist of each spelling); this one has " + std::to_string(f.size()) + ".");
        LabelledPair p;
        p.Same = f[0] == "same";
        p.Group = f[1];
        p.SourceA = f[2], p.TitleA = f[3], p.ArtistA = f[4];
        p.SourceB = f[5], p.TitleB = f[6], p.ArtistB = f[7];
        p.Line = line_number;
        out.Pairs.push_back(std::move(p));
    }
    return out;
}

MatchEvaluation EvaluatePairs(const LabelledPairs& pairs)
{
    MatchEvaluation e;
    StringPool keys;
    AliasTable aliases(keys, pairs.Aliases);
    for (const LabelledPair& p : pairs.Pairs) {
        const bool merged = SpellingsMatch(p.TitleA, p.ArtistA, p.TitleB, p.ArtistB, aliases);
        if (merged && p.Same) e.TruePositives++;
        else if (merged) { e.FalsePositives++; e.WrongMerges.push_back(&p); }
        else if (p.Same) { e.FalseNegatives++; e.Missed.push_back(&p); }
        else e.TrueNegatives++;
    }
    e.UnusedAliases = aliases.Unused();
    return e;
}

} // namespace chartmix
