// chartmix fit: the non-negative source weights that best reproduce an official chart.
#include <cstdio>
#include <string>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/analysis/fit.h"
#include "core/base/json.h"
#include "core/data/csv_writer.h"
#include "core/rank/engine.h"
#include "core/rank/mix_json.h"

namespace chartmix::cli {

static void PrintFitUsage(FILE* out)
{
    std::fprintf(out,
                 "usage: chartmix fit <dataset> --official <source key> [--mix <mix>] [--from LABEL] [--to LABEL] [--format json|csv]\n"
                 "  --mix  normalization, missing policy and sources to fit (default: share of total, all sources)\n"
                 "  prints the fitted weights (summing to 1), the fit's mean Kendall tau-b and RBO, and the fitted mix\n");
}

int RunFit(int argc, char** argv)
{
    Options o = ParseOptions(argc, argv, { "mix", "official", "from", "to", "format" }, { "help" });
    if (o.Has("help")) { PrintFitUsage(stdout); return 0; }
    if (!o.Unknown.empty() || o.Positional.size() != 1 || !o.Has("official")) {
        if (!o.Unknown.empty()) std::fprintf(stderr, "chartmix fit: unknown option %s.\n", o.Unknown.c_str());
        PrintFitUsage(stderr);
        return 2;
    }
    std::string format = o.Get("format", "json");
    if (format != "json" && format != "csv") { std::fprintf(stderr, "chartmix fit: --format is json or csv.\n"); return 2; }
    Result<Mix> mix = LoadMixArgument(o.Get("mix", "{\"weights\":{\"*\":1},\"missing\":\"zero\"}"));
    if (!mix) return Refuse("fit", mix.Err());
    Result<Dataset> data = LoadDatasetFile(o.Positional[0]);
    if (!data) return Refuse("fit", data.Err());
    Result<uint32_t> official = FindSourceArgument(*data, o.Get("official"), "official");
    if (!official) return Refuse("fit", official.Err());
    Result<uint32_t> first = FindPeriodArgument(*data, o.Has("from") ? o.Get("from") : data->Periods.empty() ? "" : data->Periods.front().Label);
    if (!first) return Refuse("fit", first.Err());
    Result<uint32_t> last = FindPeriodArgument(*data, o.Get("to"));
    if (!last) return Refuse("fit", last.Err());
    Engine engine(*data);
    if (Status st = engine.SetMix(*mix); !st) return Refuse("fit", st.Err());
    Result<FitResult> fit = FitWeights(engine, *official, *first, *last);
    if (!fit) return Refuse("fit", fit.Err());
    // The fitted mix: the given one with exact-key weights, ready for 'chartmix rank --mix'.
    Mix fitted = *mix;
    fitted.Weights.clear();
    for (uint32_t s = 0; s < data->Sources.size(); s++)
        if (engine.Resolved().Included[s]) fitted.Weights.push_back({ data->Sources[s].Key, fit->Weight[s] });
    const Dataset& d = *data;
    std::string out;
    if (format == "csv") {
        out = "source,weight\n";
        for (uint32_t s = 0; s < d.Sources.size(); s++) {
            if (!engine.Resolved().Included[s]) continue;
            AppendCsvTextCell(out, d.Sources[s].Key);
            out += ",";
            AppendNumber(out, fit->Weight[s], NumberDigits::Ten);
            out += "\n";
        }
    } else {
        JsonWriter w(&out);
        w.StartObject();
        w.String("official", d.Sources[*official].Key);
        w.Number("periods", fit->Periods);
        w.Number("rows", fit->Rows);
        w.Number("tau_b", fit->MeanTauB);
        w.Number("rbo", fit->MeanRbo);
        w.Number("rms_error", fit->Residual);
        w.Key("weights");
        w.StartObject();
        for (uint32_t s = 0; s < d.Sources.size(); s++)
            if (engine.Resolved().Included[s]) w.Number(d.Sources[s].Key, fit->Weight[s]);
        w.EndObject();
        w.Key("mix");
        w.Raw(SerializeMix(fitted));
        w.EndObject();
        out += "\n";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

} // namespace chartmix::cli
