#include <cstdio>

#include "cli/commands.h"

namespace chartmix::cli {

int RunRank(int argc, char** argv)
{
    std::fprintf(stderr, "chartmix: '%s' is not built yet.\n", argv[0]);
    return 2;
}

} // namespace chartmix::cli
