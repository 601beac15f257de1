#pragma once
// The SDL2 window with an OpenGL 3 (desktop) or WebGL2 (browser) context, and Dear ImGui's
// platform and renderer backends bound to it.
#include <string>
#include <vector>

#include "app/pointer_input.h"

#include <SDL_events.h>

struct SDL_Window;
struct ImDrawData;

namespace chartmix::app {

struct Window {
    SDL_Window* Handle = nullptr;
    void* GlContext = nullptr;
    bool DeviceObjectsReady = false;  // the renderer's GL objects (font texture included) exist
    std::string Error;  // why Open() failed
    std::vector<std::string> DroppedFiles;  // paths dropped on the window during the last BeginFrame (desktop)
    PointerInput Pointer;                   // mouse and touch, one state change a frame
    int TabSteps = 0;                       // Tab (+1) and Shift+Tab (-1) in the last BeginFrame, kept from Dear ImGui
    std::vector<int> KeysPressed;           // scancodes pressed (repeats included) in the last BeginFrame
    std::vector<SDL_Event> HeldKeyUps;      // releases of keys pressed in the same frame, fed to the next one
};

// The window whose touch the page may cancel (web: chartmix_cancel_touch); null before OpenWindow.
Window* CurrentWindow();

// Opens the window and initialises Dear ImGui's context and backends. Returns false with
// window->Error set when there is no display or no usable GL.
bool OpenWindow(Window* window, const char* title, int width, int height);
// Starts a frame: feeds pending events to Dear ImGui. Returns false when the user closed the window.
bool BeginFrame(Window* window);
// Re-uploads the font atlas texture, so a rebuilt atlas (new glyphs, new scale) reaches the screen.
void InvalidateFontTexture(Window* window);
// Renders Dear ImGui's draw data and presents it.
void EndFrame(Window* window, float clear_r, float clear_g, float clear_b);
// Reads back the last rendered frame as 8-bit RGB, top row first.
bool ReadPixels(Window* window, int* width, int* height, std::string* rgb);
// Renders draw data (drawn for width x height pixels) into an offscreen target over an opaque
// background and reads it back as 8-bit RGBA, top row first; the window's own frame is untouched.
bool RenderOffscreen(Window* window, const ImDrawData* draw_data, int width, int height, const float background[3], std::string* rgba);
// Tears down Dear ImGui's backends and context, the GL context and the window.
void CloseWindow(Window* window);

} // namespace chartmix::app
