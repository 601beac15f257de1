// chartmix demo: writes the built-in simulated chart market as canonical CSV, so the data behind a
// classroom demo or a benchmark can be inspected, diffed and re-imported like any chart file.
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "core/data/csv_writer.h"
#include "core/demo/demo_market.h"

namespace chartmix::cli {

static void PrintDemoHelp(FILE* out)
{
    std::fprintf(out,
                 "usage: chartmix demo [--seed N] [--songs N] [--weeks N] [--noise X] [--scale ENTRIES]\n"
                 "                     [--sources N] [--out FILE.csv] [--quiet]\n"
                 "\n"
                 "Writes the simulated chart market (not real data) as canonical CSV:\n"
                 "source,period,rank,title,artist,units,unit_type. The same options always give the same bytes.\n"
                 "\n"
                 "  --seed N         random seed (default 1)\n"
                 "  --songs N        songs released over the run (default 300)\n"
                 "  --weeks N        weekly tracking periods (default 12)\n"
                 "  --noise X        platforms' measurement noise, log-normal sigma (default 0.3; 0 = exact)\n"
                 "  --scale ENTRIES  benchmark mode: exactly this many chart entries in total\n"
                 "  --sources N      total sources, 12 built-in plus generic ones (default 12)\n"
                 "  --out FILE       write there instead of standard output\n"
                 "  --quiet          print no summary on standard error\n");
}

// Parses a whole argument as an integer in [lo, hi]; false when it is not one.
static bool ParseInteger(const char* text, long long lo, long long hi, long long* out)
{
    errno = 0;
    char* end = nullptr;
    long long v = std::strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != 0 || v < lo || v > hi) return false;
    *out = v;
    return true;
}

int RunDemo(int argc, char** argv)
{
    DemoMarketParams params;
    const char* out_path = nullptr;
    bool quiet = false;
    for (int i = 1; i < argc; i++) {
        std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            PrintDemoHelp(stdout);
            return 0;
        }
        if (arg == "--quiet") {
            quiet = true;
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "chartmix demo: unknown option or missing value: '%s'. Run 'chartmix demo --help'.\n", argv[i]);
            return 2;
        }
        const char* value = argv[++i];
        long long n = 0;
        bool ok = true;
        if (arg == "--seed") {
            errno = 0;
            char* end = nullptr;
            unsigned long long seed = std::strtoull(value, &end, 10);
            ok = errno == 0 && end != value && *end == 0 && value[0] != '-';
            params.Seed = seed;
        } else if (arg == "--songs") {
            ok = ParseInteger(value, 1, 1000000, &n);
            params.Songs = (int)n;
        } else if (arg == "--weeks") {
            ok = ParseInteger(value, 1, 5000, &n);
            params.Weeks = (int)n;
        } else if (arg == "--scale") {
            ok = ParseInteger(value, 1, 50000000, &n);
            params.ScaleEntries = n;
        } else if (arg == "--sources") {
            ok = ParseInteger(value, 12, 1000, &n);
            params.Sources = (int)n;
        } else if (arg == "--noise") {
            char* end = nullptr;
            params.Noise = std::strtod(value, &end);
            ok = end != value && *end == 0 && params.Noise >= 0.0 && params.Noise <= 5.0;
        } else if (arg == "--out") {
            out_path = value;
        } else {
            std::fprintf(stderr, "chartmix demo: unknown option '%s'. Run 'chartmix demo --help'.\n", argv[i - 1]);
            return 2;
        }
        if (!ok) {
            std::fprintf(stderr, "chartmix demo: '%s' is not a valid value for %s. Run 'chartmix demo --help'.\n", value, argv[i - 1]);
            return 2;
        }
    }

    auto start = std::chrono::steady_clock::now();
    Result<DemoMarket> market = GenerateDemoMarket(params);
    if (!market) {
        std::fprintf(stderr, "chartmix demo: %s\n", market.Err().ToString().c_str());
        return 1;
    }
    auto generated = std::chrono::steady_clock::now();
    std::string csv = WriteCanonicalCsv(market->Data);
    auto written = std::chrono::steady_clock::now();

    FILE* out = stdout;
    if (out_path) {
        out = std::fopen(out_path, "wb");
        if (!out) {
            std::fprintf(stderr, "chartmix demo: cannot write '%s': %s.\n", out_path, std::strerror(errno));
            return 1;
        }
    }
    bool write_ok = std::fwrite(csv.data(), 1, csv.size(), out) == csv.size();
    write_ok = (out_path ? std::fclose(out) : std::fflush(out)) == 0 && write_ok;
    if (!write_ok) {
        std::fprintf(stderr, "chartmix demo: writing '%s' failed (disk full?).\n", out_path ? out_path : "standard output");
        return 1;
    }
    if (!quiet) {
        using Ms = std::chrono::duration<double, std::milli>;
        std::fprintf(stderr, "%s\n%zu entries, %zu sources, %zu periods, %zu songs; generated in %.0f ms, CSV in %.0f ms; fnv1a64 %016" PRIx64 "\n",
                     market->Data.Name.c_str(), market->Data.EntryCount(), market->Data.Sources.size(), market->Data.Periods.size(),
                     market->Data.Songs.size(), Ms(generated - start).count(), Ms(written - generated).count(), Fnv1a64(csv));
    }
    return 0;
}

} // namespace chartmix::cli
