#pragma once
// What the app asks of the platform around it: the browser page (src/web/host_web.cpp) or the
// desktop (src/app/host_native.cpp). Both fill AppState::Host so the panels never know which.
#include <string>
#include <vector>

namespace chartmix::ui { struct AppState; }

namespace chartmix::app {

// Start-up wishes read from the command line (desktop) or Module.arguments (browser).
struct StartOptions {
    int MaxFrames = 0;                 // --frames N: stop after N frames (smoke tests)
    const char* ScreenshotPath = nullptr;  // --screenshot out.ppm
    bool Compact = false;              // --compact: the embed layout
    bool Welcome = false;              // --welcome: a first visit, greeted by the welcome view
    bool Light = false;                // --light: the light theme (the reader's remembered choice)
    std::vector<std::string> Files;    // positional: files to load at start (desktop)
};

// Parses argv; unknown options are reported on stderr and skipped.
StartOptions ParseStartOptions(int argc, char** argv);

// Fills state.Host with this platform's actions and applies the start options.
void HostStart(ui::AppState& state, const StartOptions& options);
// Called after each frame is presented: the readiness flag, change notifications, the text
// input overlay. Cheap when nothing changed.
void HostFrameDrawn(ui::AppState& state);
// A figure was rendered (ui/figure.h): width x height RGBA pixels, top row first; empty when the
// renderer could not draw it.
void HostFigureReady(ui::AppState& state, int width, int height, const std::string& rgba);
// Desktop: loads dropped or command-line files (a manifest brings the files it lists).
void HostLoadPaths(ui::AppState& state, const std::vector<std::string>& paths);

} // namespace chartmix::app
