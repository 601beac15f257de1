// chartmix sensitivity: for one source, the weight interval over which each top song keeps its
// rank, the rank curves' breakpoints, and P(#1) when weights are drawn around the mix.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/analysis/sensitivity.h"
#include "core/base/json.h"
#include "core/data/csv_writer.h"
#include "core/rank/engine.h"

namespace chartmix::cli {

static void PrintSensitivityUsage(FILE* out)
{
    std::fprintf(out,
                 "usage: chartmix sensitivity <dataset> --mix <mix> --source <key> [--period LABEL] [--top K]\n"
                 "                            [--samples N] [--seed S] [--concentration C] [--format json|csv]\n"
                 "  --top            songs analysed (default 10)\n"
                 "  --samples        Dirichlet draws for P(#1) (default 1000; 0 = skip)\n"
                 "  --concentration  how tightly draws cluster around the mix (default 50)\n");
}

int RunSensitivity(int argc, char** argv)
{
    Options o = ParseOptions(argc, argv, { "mix", "source", "period", "top", "samples", "seed", "concentration", "format" }, { "help" });
    if (o.Has("help")) { PrintSensitivityUsage(stdout); return 0; }
    if (!o.Unknown.empty() || o.Positional.size() != 1 || !o.Has("source")) {
        if (!o.Unknown.empty()) std::fprintf(stderr, "chartmix sensitivity: unknown option %s.\n", o.Unknown.c_str());
        PrintSensitivityUsage(stderr);
        return 2;
    }
    std::string format = o.Get("format", "json");
    if (format != "json" && format != "csv") { std::fprintf(stderr, "chartmix sensitivity: --format is json or csv.\n"); return 2; }
    Result<int> top = IntArgument(o, "top", 10, 1, 1000);
    if (!top) return Refuse("sensitivity", top.Err());
    Result<int> samples = IntArgument(o, "samples", 1000, 0, 1000000);
    if (!samples) return Refuse("sensitivity", samples.Err());
    Result<int> seed = IntArgument(o, "seed", 1, 0, 2147483647);
    if (!seed) return Refuse("sensitivity", seed.Err());
    double concentration = std::strtod(o.Get("concentration", "50").c_str(), nullptr);
    Result<Mix> mix = LoadMixArgument(o.Get("mix"));
    if (!mix) return Refuse("sensitivity", mix.Err());
    Result<Dataset> data = LoadDatasetFile(o.Positional[0]);
    if (!data) return Refuse("sensitivity", data.Err());
    Result<uint32_t> period = FindPeriodArgument(*data, o.Get("period"));
    if (!period) return Refuse("sensitivity", period.Err());
    Result<uint32_t> source = FindSourceArgument(*data, o.Get("source"), "source");
    if (!source) return Refuse("sensitivity", source.Err());
    Engine engine(*data);
    if (Status st = engine.SetMix(*mix); !st) return Refuse("sensitivity", st.Err());
    Result<std::vector<RankCurve>> curves = RankCurves(engine, *period, *source, *top);
    if (!curves) return Refuse("sensitivity", curves.Err());
    std::vector<WeightInterval> intervals;
    for (const RankCurve& c : *curves) {
        Result<WeightInterval> iv = RankInterval(engine, *period, *source, c.Song);
        if (!iv) return Refuse("sensitivity", iv.Err());
        intervals.push_back(*iv);
    }
    std::vector<WinChance> chances;
    if (*samples > 0) {
        Result<std::vector<WinChance>> c = NumberOneChances(engine, *period, concentration, *samples, (uint64_t)*seed);
        if (!c) return Refuse("sensitivity", c.Err());
        chances = *c;
    }
    const Dataset& d = *data;
    std::string out;
    if (format == "csv") {
        out = "rank,title,artist,weight_low,weight_high,p_number_one\n";
        for (size_t i = 0; i < curves->size(); i++) {
            uint32_t song = (*curves)[i].Song;
            AppendNumber(out, intervals[i].Rank, NumberDigits::Ten);
            out += ",";
            AppendCsvTextCell(out, d.SongTitle(song));
            out += ",";
            AppendCsvTextCell(out, d.SongArtist(song));
            out += ",";
            AppendNumber(out, intervals[i].Low, NumberDigits::Ten);
            out += ",";
            if (!intervals[i].HighUnbounded) AppendNumber(out, intervals[i].High, NumberDigits::Ten);
            out += ",";
            double pr = 0.0;
            for (const WinChance& w : chances) if (w.Song == song) pr = w.Probability;
            AppendNumber(out, pr, NumberDigits::Ten);
            out += "\n";
        }
    } else {
        JsonWriter w(&out);
        w.StartObject();
        w.String("period", d.Periods[*period].Label);
        w.String("source", d.Sources[*source].Key);
        w.Number("weight", engine.Resolved().Weight[*source]);
        w.Key("songs");
        w.StartArray();
        for (size_t i = 0; i < curves->size(); i++) {
            uint32_t song = (*curves)[i].Song;
            w.StartObject();
            w.String("title", d.SongTitle(song));
            w.String("artist", d.SongArtist(song));
            w.Number("rank", intervals[i].Rank);
            w.Number("keeps_rank_from", intervals[i].Low);
            w.Key("keeps_rank_to");
            if (intervals[i].HighUnbounded) w.Null();  // unbounded above
            else w.Number(intervals[i].High);
            w.Key("curve");
            w.StartArray();
            for (const auto& step : (*curves)[i].Steps) {
                w.StartObject();
                w.Number("from", step.From);
                w.Number("rank", step.Rank);
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        w.Key("number_one");
        w.StartObject();
        w.Number("samples", *samples);
        w.Number("seed", *seed);
        w.Number("concentration", concentration);
        w.Key("songs");
        w.StartArray();
        for (const WinChance& c : chances) {
            w.StartObject();
            w.String("title", d.SongTitle(c.Song));
            w.String("artist", d.SongArtist(c.Song));
            w.Number("probability", c.Probability);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        w.EndObject();
        out += "\n";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

} // namespace chartmix::cli
