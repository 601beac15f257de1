#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "app/host.h"

namespace chartmix::app {

StartOptions ParseStartOptions(int argc, char** argv)
{
    StartOptions options;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "--frames") && i + 1 < argc) options.MaxFrames = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--screenshot") && i + 1 < argc) options.ScreenshotPath = argv[++i];
        else if (!std::strcmp(argv[i], "--compact")) options.Compact = true;
        else if (!std::strcmp(argv[i], "--welcome")) options.Welcome = true;
        else if (!std::strcmp(argv[i], "--light")) options.Light = true;
        else if (argv[i][0] == '-') std::fprintf(stderr, "chartmix: ignoring unknown option %s\n", argv[i]);
        else options.Files.push_back(argv[i]);
    }
    return options;
}

} // namespace chartmix::app
