// chartmix desktop and browser app: one SDL2 window, Dear ImGui panels over the ranking core.
//   chartmix_app [--frames N] [--screenshot out.ppm] [--compact] [--welcome] [--light] [data files...]
// --frames stops after N frames (for smoke tests); --screenshot writes the last frame as PPM;
// --compact draws the embed layout; --welcome greets a first visit; --light starts in the light
// theme; files (CSV, JSON, a manifest) load instead of the demo.
// In the browser the same flags arrive through Module.arguments (web/chartmix.js).
#include <chrono>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/host.h"
#include "app/main_loop.h"
#include "app/window.h"
#include "core/base/out_of_memory.h"
#include "ui/explorer.h"
#include "ui/figure.h"
#include "ui/fonts.h"
#include "ui/keyboard_focus.h"
#include "ui/ui_probe.h"

namespace {

struct AppRun {
    chartmix::app::Window Window;
    chartmix::ui::AppState State;  // the one AppState: panels, host actions and the JS API all act on it
    chartmix::app::StartOptions Options;
};

bool WritePpm(const char* path, int width, int height, const std::string& rgb)
{
    FILE* f = std::fopen(path, "wb");
    if (!f) return false;
    std::fprintf(f, "P6\n%d %d\n255\n", width, height);
    std::fwrite(rgb.data(), 1, rgb.size(), f);
    return std::fclose(f) == 0;
}

// A figure asked for during the last frame: drawn in its own context, rendered offscreen, handed to
// the host. The frame on screen is already presented, so the person sees nothing of it.
void ExportFigure(AppRun& run)
{
    chartmix::ui::FigureFrame figure = chartmix::ui::BuildFigure(run.State);
    const float background[3] = { figure.Background.x, figure.Background.y, figure.Background.z };
    std::string rgba;
    if (!chartmix::app::RenderOffscreen(&run.Window, figure.Draw, figure.Width, figure.Height, background, &rgba)) rgba.clear();
    run.State.FigureRequested = false;  // the atlas goes back to the screen's density next frame
    chartmix::app::HostFigureReady(run.State, figure.Width, figure.Height, rgba);
}

// ImGui asserts on a missing End() unless given a log: the recovery is expected here.
void IgnoreRecoveryLog(void*, const char*, ...) {}

bool Frame(void* user)
{
    AppRun& run = *(AppRun*)user;
    // Between frames: a dataset with new characters or a new display scale rebuilds the atlas.
    if (chartmix::ui::UpdateFonts(run.State)) chartmix::app::InvalidateFontTexture(&run.Window);
    bool open = chartmix::app::BeginFrame(&run.Window);
    if (!run.Window.DroppedFiles.empty()) chartmix::app::HostLoadPaths(run.State, run.Window.DroppedFiles);
    run.State.Keyboard.TabSteps += run.Window.TabSteps;
    chartmix::ui::RouteKeys(run.State, run.Window.KeysPressed.data(), (int)run.Window.KeysPressed.size());
    if (run.Window.Pointer.Kind != chartmix::app::PointerInput::Unknown)  // until then the host's guess ('pointer: coarse') stands
        run.State.CoarsePointer = run.Window.Pointer.Kind == chartmix::app::PointerInput::Finger;
    // The CPU part of a frame: the core's work the UI asks for plus building the draw lists; the
    // GPU submission after Render() is left out.
    const auto cpu_start = std::chrono::steady_clock::now();
    ImGui::NewFrame();
    try {
        chartmix::ui::DrawExplorer(run.State);
    } catch (const std::bad_alloc&) {
        // A panel's own work ran out of memory (user actions are guarded in the core; this catches
        // the rest): close the windows the frame left open, say so, and draw again next frame.
        ImGui::ErrorCheckEndFrameRecover(IgnoreRecoveryLog);
        run.State.Notice = chartmix::OutOfMemoryError("drawing this view").Message;
        run.State.NoticeIsError = true;
        run.State.NoticeDetails.clear();
    }
    ImGui::Render();
    chartmix::ui::ProbeFrameCpu(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - cpu_start).count());
    chartmix::ui::ProbeDrawData(ImGui::GetDrawData());
    const bool dark = run.State.CurrentTheme == chartmix::ui::Theme::Dark;
    const float clear = dark ? 0.08f : 0.94f;
    chartmix::app::EndFrame(&run.Window, clear, clear, clear);
    run.State.FrameCount++;
    if (run.State.FigureRequested) ExportFigure(run);
    chartmix::app::HostFrameDrawn(run.State);
    if (run.Options.MaxFrames > 0 && run.State.FrameCount >= run.Options.MaxFrames) {
        if (run.Options.ScreenshotPath) {
            int w = 0, h = 0;
            std::string rgb;
            if (!chartmix::app::ReadPixels(&run.Window, &w, &h, &rgb) || !WritePpm(run.Options.ScreenshotPath, w, h, rgb))
                std::fprintf(stderr, "chartmix: could not write the screenshot to %s\n", run.Options.ScreenshotPath);
        }
        open = false;
    }
    return open;
}

} // namespace

int main(int argc, char** argv)
{
    static AppRun run;  // outlives main() in the browser, where the loop keeps running
    run.Options = chartmix::app::ParseStartOptions(argc, argv);
    // The host binds to its page (canvas, keyboard element) before the window opens.
    chartmix::app::HostStart(run.State, run.Options);
    if (!chartmix::app::OpenWindow(&run.Window, "chartmix", 1280, 800)) {
        std::fprintf(stderr, "chartmix: %s\n", run.Window.Error.c_str());
        return 1;
    }
    run.State.ShowWelcome = run.Options.Welcome && !run.Options.Compact;
    if (run.Options.Light) run.State.CurrentTheme = chartmix::ui::Theme::Light;
    chartmix::ui::ApplyTheme(run.State.CurrentTheme);
    chartmix::app::RunMainLoop(Frame, &run);
#ifndef __EMSCRIPTEN__
    chartmix::app::CloseWindow(&run.Window);
#endif
    return 0;
}
