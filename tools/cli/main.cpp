// chartmix command-line tool: the ranking core without any UI. Links only chartmix_core.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "cli/commands.h"

namespace {

struct Command {
    const char* Name;
    const char* Summary;
    int (*Run)(int argc, char** argv);
};

const Command kCommands[] = {
    { "inspect", "list a dataset's sources, periods, songs, matches and rejected rows", chartmix::cli::RunInspect },
    { "rank", "compute the composite chart for a mix", chartmix::cli::RunRank },
    { "compare", "agreement between two rankings (Kendall tau-b, footrule, RBO, all-kill)", chartmix::cli::RunCompare },
    { "sensitivity", "weight intervals that keep a song's rank, and P(#1) under random weights", chartmix::cli::RunSensitivity },
    { "fit", "the non-negative source weights that best reproduce an official chart", chartmix::cli::RunFit },
    { "demo", "write the simulated chart market as canonical CSV", chartmix::cli::RunDemo },
    { "match-report", "song matching measured on labelled spelling pairs: precision, recall, every error", chartmix::cli::RunMatchReport },
};

void PrintHelp(FILE* out)
{
    std::fprintf(out,
                 "chartmix %s: re-weight and re-rank composite music charts\n"
                 "\n"
                 "usage: chartmix <command> [options]\n"
                 "       chartmix --version | --help\n"
                 "\n"
                 "commands:\n",
                 CHARTMIX_VERSION);
    for (const Command& c : kCommands) std::fprintf(out, "  %-12s %s\n", c.Name, c.Summary);
    std::fprintf(out, "\n'chartmix <command> --help' describes a command's options.\n");
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        PrintHelp(stderr);
        return 2;
    }
    std::string_view first = argv[1];
    if (first == "--version" || first == "-V") {
        std::printf("chartmix %s\n", CHARTMIX_VERSION);
        return 0;
    }
    if (first == "--help" || first == "-h" || first == "help") {
        PrintHelp(stdout);
        return 0;
    }
    for (const Command& c : kCommands)
        if (first == c.Name) return c.Run(argc - 1, argv + 1);
    std::fprintf(stderr, "chartmix: unknown command '%s'. Run 'chartmix --help' for the list.\n", argv[1]);
    return 2;
}
