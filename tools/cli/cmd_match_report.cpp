// chartmix match-report: song matching measured on spelling pairs labelled by hand, with every
// pair it gets wrong, so a change to the rules shows what it wins and what it breaks.
#include <cstdio>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/data/match_eval.h"

namespace chartmix::cli {

static void PrintMatchReportUsage(FILE* out)
{
    std::fprintf(out,
                 "usage: chartmix match-report --labels FILE [--targets]\n"
                 "  Scores each labelled pair of spellings (tests/fixtures/matching/labelled_pairs.tsv) with the\n"
                 "  matching rules and prints precision, recall and every pair the rules get wrong.\n"
                 "  --targets  exit 1 when precision is below 99.5%% or recall below 98%% (docs/matching.md)\n");
}

static void PrintPair(const char* what, const LabelledPair& p)
{
    std::printf("%s line %d [%s]: \"%s\" by %s (%s)  |  \"%s\" by %s (%s)\n", what, p.Line, p.Group.c_str(), p.TitleA.c_str(), p.ArtistA.c_str(),
                p.SourceA.c_str(), p.TitleB.c_str(), p.ArtistB.c_str(), p.SourceB.c_str());
}

int RunMatchReport(int argc, char** argv)
{
    Options o = ParseOptions(argc, argv, { "labels" }, { "targets", "help" });
    if (o.Has("help")) { PrintMatchReportUsage(stdout); return 0; }
    if (!o.Unknown.empty() || !o.Positional.empty() || !o.Has("labels")) {
        if (!o.Unknown.empty()) std::fprintf(stderr, "chartmix match-report: unknown option %s.\n", o.Unknown.c_str());
        PrintMatchReportUsage(stderr);
        return 2;
    }
    std::string text;
    const std::string path = o.Get("labels");
    if (!ReadWholeFile(path, &text)) { std::fprintf(stderr, "chartmix match-report: cannot read %s.\n", path.c_str()); return 1; }
    Result<LabelledPairs> pairs = ParseLabelledPairs(text, path);
    if (!pairs) return Refuse("match-report", pairs.Err());
    const MatchEvaluation e = EvaluatePairs(*pairs);
    const size_t same = e.TruePositives + e.FalseNegatives, merged = e.TruePositives + e.FalsePositives;
    std::printf("pairs: %zu (%zu labelled same, %zu different)\n", pairs->Pairs.size(), same, pairs->Pairs.size() - same);
    std::printf("merged: %zu (%zu right, %zu wrong); kept apart: %zu (%zu right, %zu missed)\n", merged, e.TruePositives, e.FalsePositives,
                e.TrueNegatives + e.FalseNegatives, e.TrueNegatives, e.FalseNegatives);
    std::printf("precision: %.2f%% (%zu/%zu)\n", 100.0 * e.Precision(), e.TruePositives, merged);
    std::printf("recall: %.2f%% (%zu/%zu)\n", 100.0 * e.Recall(), e.TruePositives, same);
    for (const LabelledPair* p : e.WrongMerges) PrintPair("wrongly merged:", *p);
    for (const LabelledPair* p : e.Missed) PrintPair("missed:", *p);
    for (const std::string& name : e.UnusedAliases) std::printf("alias matched nothing: %s\n", name.c_str());
    if (o.Has("targets") && (e.Precision() < 0.995 || e.Recall() < 0.98)) {
        std::fprintf(stderr, "chartmix match-report: below the targets (precision 99.5%%, recall 98%%).\n");
        return 1;
    }
    return 0;
}

} // namespace chartmix::cli
