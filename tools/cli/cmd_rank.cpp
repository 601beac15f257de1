// chartmix rank: the composite chart of a mix, with each song's score and per-source contribution.
#include <cstdio>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/base/json.h"
#include "core/rank/engine.h"
#include "core/rank/mix_json.h"
#include "core/session/ranking_export.h"

namespace chartmix::cli {

static void PrintRankUsage(FILE* out)
{
    std::fprintf(out,
                 "usage: chartmix rank <dataset.csv|manifest.json> --mix <file.json|preset|{json}> [--period LABEL] [--top N]\n"
                 "                     [--format json|csv] [--history]\n"
                 "  --period   the period to rank (default: the last one)\n"
                 "  --top      how many songs to print (default 100; 0 = all)\n"
                 "  --history  rank every period (JSON lines, one per period)\n");
}

// On stderr, so the ranking on stdout stays plain JSON or CSV: the policy changes scores, and a
// mix that names none gets its method's default (docs/mix-format.md, Missing entries).
static void PrintMissingPolicy(const Mix& mix)
{
    auto words = [](std::string key) { for (char& c : key) if (c == '_') c = ' '; return key; };
    const std::string policy = words(MissingPolicyName(mix.Missing)), method = words(MethodName(mix.RankMethod));
    if (mix.Missing == DefaultMissing(mix.RankMethod))
        std::fprintf(stderr, "Missing songs: %s (the default for %s)\n", policy.c_str(), method.c_str());
    else
        std::fprintf(stderr, "Missing songs: %s (set by the mix; the default for %s is %s)\n", policy.c_str(), method.c_str(),
                     words(MissingPolicyName(DefaultMissing(mix.RankMethod))).c_str());
}

int RunRank(int argc, char** argv)
{
    Options o = ParseOptions(argc, argv, { "mix", "period", "top", "format" }, { "history", "help" });
    if (o.Has("help")) { PrintRankUsage(stdout); return 0; }
    if (!o.Unknown.empty() || o.Positional.size() != 1) {
        if (!o.Unknown.empty()) std::fprintf(stderr, "chartmix rank: unknown option %s.\n", o.Unknown.c_str());
        PrintRankUsage(stderr);
        return 2;
    }
    std::string format = o.Get("format", "json");
    if (format != "json" && format != "csv") { std::fprintf(stderr, "chartmix rank: --format is json or csv.\n"); return 2; }
    Result<int> top = IntArgument(o, "top", 100, 0, 1000000);
    if (!top) return Refuse("rank", top.Err());
    Result<Mix> mix = LoadMixArgument(o.Get("mix"));
    if (!mix) return Refuse("rank", mix.Err());
    Result<Dataset> data = LoadDatasetFile(o.Positional[0]);
    if (!data) return Refuse("rank", data.Err());
    Engine engine(*data);
    if (Status st = engine.SetMix(*mix); !st) return Refuse("rank", st.Err());
    PrintMissingPolicy(*mix);
    Ranking ranking;
    if (o.Has("history")) {
        for (uint32_t p = 0; p < data->Periods.size(); p++) {
            if (Status st = engine.Rank(p, *top, &ranking); !st) return Refuse("rank", st.Err());
            std::string text = format == "json" ? RankingToJson(engine, ranking) + "\n" : RankingToCsv(engine, ranking);
            std::fwrite(text.data(), 1, text.size(), stdout);
        }
        return 0;
    }
    Result<uint32_t> period = FindPeriodArgument(*data, o.Get("period"));
    if (!period) return Refuse("rank", period.Err());
    if (Status st = engine.Rank(*period, *top, &ranking); !st) return Refuse("rank", st.Err());
    std::string text = format == "json" ? RankingToJson(engine, ranking) + "\n" : RankingToCsv(engine, ranking);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

} // namespace chartmix::cli
