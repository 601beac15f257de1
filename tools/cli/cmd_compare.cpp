// chartmix compare: how far two rankings agree (a mix against another mix or a published chart).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/analysis/agreement.h"
#include "core/base/json.h"
#include "core/data/csv_writer.h"
#include "core/rank/engine.h"

namespace chartmix::cli {

static void PrintCompareUsage(FILE* out)
{
    std::fprintf(out,
                 "usage: chartmix compare <dataset> --mix <mix> (--with <mix> | --against <source key>)\n"
                 "                        [--period LABEL] [--top N] [--p 0.9] [--format json|csv]\n"
                 "  prints Kendall tau-b, Spearman footrule, rank-biased overlap, overlap, same #1 and the all-kill song\n");
}

// The top list of a mix in one period.
static Result<std::vector<uint32_t>> MixTop(const Dataset& data, const std::string& arg, uint32_t period, int top)
{
    Result<Mix> mix = LoadMixArgument(arg);
    if (!mix) return mix.Err();
    Engine engine(data);
    if (Status st = engine.SetMix(*mix); !st) return st.Err();
    Ranking r;
    if (Status st = engine.Rank(period, top, &r); !st) return st.Err();
    return r.Songs;
}

int RunCompare(int argc, char** argv)
{
    Options o = ParseOptions(argc, argv, { "mix", "with", "against", "period", "top", "p", "format" }, { "help" });
    if (o.Has("help")) { PrintCompareUsage(stdout); return 0; }
    if (!o.Unknown.empty() || o.Positional.size() != 1 || o.Has("with") == o.Has("against")) {
        if (!o.Unknown.empty()) std::fprintf(stderr, "chartmix compare: unknown option %s.\n", o.Unknown.c_str());
        PrintCompareUsage(stderr);
        return 2;
    }
    std::string format = o.Get("format", "json");
    if (format != "json" && format != "csv") { std::fprintf(stderr, "chartmix compare: --format is json or csv.\n"); return 2; }
    Result<int> top = IntArgument(o, "top", 100, 1, 1000000);
    if (!top) return Refuse("compare", top.Err());
    double p = std::strtod(o.Get("p", "0.9").c_str(), nullptr);
    if (!(p > 0.0 && p < 1.0)) return Refuse("compare", MakeFieldError("p", "must be a number between 0 and 1 (exclusive)"));
    Result<Dataset> data = LoadDatasetFile(o.Positional[0]);
    if (!data) return Refuse("compare", data.Err());
    Result<uint32_t> period = FindPeriodArgument(*data, o.Get("period"));
    if (!period) return Refuse("compare", period.Err());
    Result<std::vector<uint32_t>> a = MixTop(*data, o.Get("mix"), *period, *top);
    if (!a) return Refuse("compare", a.Err());
    std::vector<uint32_t> b;
    if (o.Has("with")) {
        Result<std::vector<uint32_t>> other = MixTop(*data, o.Get("with"), *period, *top);
        if (!other) return Refuse("compare", other.Err());
        b = *other;
    } else {
        Result<uint32_t> source = FindSourceArgument(*data, o.Get("against"), "against");
        if (!source) return Refuse("compare", source.Err());
        b = SourceTopList(*data, *period, *source, *top);
    }
    ListAgreement g = CompareLists(*a, b, p);
    int64_t all_kill = AllKillSong(*data, *period);
    std::string out;
    // One list of figures for both formats, so the CSV header and the JSON keys cannot drift apart.
    const std::pair<const char*, double> figures[] = {
        { "tau_b", g.TauB }, { "footrule", g.Footrule }, { "footrule_normalized", g.FootruleNormalized },
        { "rbo", g.Rbo }, { "rbo_p", p }, { "overlap", g.Overlap },
    };
    if (format == "json") {
        JsonWriter w(&out);
        w.StartObject();
        w.String("period", data->Periods[*period].Label);
        for (const auto& [name, value] : figures) w.Number(name, value);
        w.Bool("same_top", g.SameTop);
        w.Key("all_kill");
        if (all_kill < 0) w.Null();
        else w.String(std::string(data->SongTitle((uint32_t)all_kill)) + " - " + std::string(data->SongArtist((uint32_t)all_kill)));
        w.EndObject();
        out += '\n';
    } else {
        out = "period";
        for (const auto& figure : figures) out += std::string(",") + figure.first;
        out += ",same_top\n";
        AppendCsvTextCell(out, data->Periods[*period].Label);
        for (const auto& figure : figures) {
            out += ",";
            AppendNumber(out, figure.second, NumberDigits::Ten);
        }
        out += g.SameTop ? ",true\n" : ",false\n";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

} // namespace chartmix::cli
