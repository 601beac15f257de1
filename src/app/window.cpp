#include "app/window.h"

#include <algorithm>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1  // framebuffer objects are core since OpenGL 3.0, which the context asks for
#include <SDL_opengl.h>
#endif

namespace chartmix::app {

static Window* g_window = nullptr;
Window* CurrentWindow() { return g_window; }

bool OpenWindow(Window* window, const char* title, int width, int height)
{
    g_window = window;
    // Touch arrives as finger events only: app/pointer_input.cpp turns them into taps, swipes and drags.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        window->Error = std::string("SDL could not start its video subsystem: ") + SDL_GetError();
        return false;
    }
#ifdef __EMSCRIPTEN__
    const char* glsl_version = "#version 300 es";  // WebGL2 is OpenGL ES 3.0
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    const char* glsl_version = "#version 130";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#endif
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    auto flags = (SDL_WindowFlags)(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    window->Handle = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
    if (!window->Handle) {
        window->Error = std::string("SDL could not open a window: ") + SDL_GetError();
        return false;
    }
    window->GlContext = SDL_GL_CreateContext(window->Handle);
    if (!window->GlContext) {
        window->Error = std::string("no OpenGL 3 / WebGL2 context: ") + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(window->Handle, window->GlContext);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the view state lives in the URL, not in an ini file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // Tab / arrows / Space reach every control
    ImGui_ImplSDL2_InitForOpenGL(window->Handle, window->GlContext);
    ImGui_ImplOpenGL3_Init(glsl_version);
    return true;
}

bool BeginFrame(Window* window)
{
    bool open = true;
    SDL_Event event;
    window->DroppedFiles.clear();
    window->TabSteps = 0;
    window->KeysPressed.clear();
    int window_w = 0, window_h = 0;
    SDL_GetWindowSize(window->Handle, &window_w, &window_h);
    // Dear ImGui 1.86 reads a key as held or not at NewFrame: a press and its release in one frame
    // (a quick tap on a busy page) would never be seen, so the release waits for the next frame.
    std::vector<SDL_Event> held;
    held.swap(window->HeldKeyUps);
    for (SDL_Event& release : held) ImGui_ImplSDL2_ProcessEvent(&release);
    while (SDL_PollEvent(&event)) {
        if (event.type == SDL_DROPFILE && event.drop.file) {
            window->DroppedFiles.push_back(event.drop.file);
            SDL_free(event.drop.file);
            continue;
        }
        if (PointerEvent(&window->Pointer, event, window_w, window_h)) continue;
        if ((event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) && event.key.keysym.scancode == SDL_SCANCODE_TAB) {
            // Tab walks the whole canvas (ui/keyboard_focus.h), not one window as Dear ImGui would.
            if (event.type == SDL_KEYDOWN) window->TabSteps += (event.key.keysym.mod & KMOD_SHIFT) ? -1 : 1;
            continue;
        }
        if (event.type == SDL_KEYDOWN) window->KeysPressed.push_back((int)event.key.keysym.scancode);
        if (event.type == SDL_KEYUP && std::find(window->KeysPressed.begin(), window->KeysPressed.end(), (int)event.key.keysym.scancode) != window->KeysPressed.end()) {
            window->HeldKeyUps.push_back(event);
            continue;
        }
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) open = false;
        if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
            event.window.windowID == SDL_GetWindowID(window->Handle))
            open = false;
    }
    ImGui_ImplOpenGL3_NewFrame();
    window->DeviceObjectsReady = true;  // the first NewFrame creates the backend's GL objects
    ImGui_ImplSDL2_NewFrame();
    // imgui 1.86 asserts when the clock did not advance (headless Chromium's virtual time, coarse timers).
    ImGuiIO& io = ImGui::GetIO();
    if (io.DeltaTime <= 0.0f) io.DeltaTime = 1e-5f;
    PointerNewFrame(&window->Pointer, io.DeltaTime);
    return open;
}

void InvalidateFontTexture(Window* window)
{
    // Only the texture: imgui 1.86's DestroyDeviceObjects forgets its vertex buffer sizes, and the
    // next frame then overflows the re-created buffers in WebGL. Before the first frame there is
    // no texture yet, and NewFrame builds it from the new atlas anyway.
    if (window->DeviceObjectsReady) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void EndFrame(Window* window, float clear_r, float clear_g, float clear_b)
{
    ImGuiIO& io = ImGui::GetIO();
    SDL_GL_MakeCurrent(window->Handle, window->GlContext);
    glViewport(0, 0, (int)(io.DisplaySize.x * io.DisplayFramebufferScale.x), (int)(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(clear_r, clear_g, clear_b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(window->Handle);
}

bool ReadPixels(Window* window, int* width, int* height, std::string* rgb)
{
    SDL_GL_GetDrawableSize(window->Handle, width, height);
    if (*width <= 0 || *height <= 0) return false;
    std::string flipped((size_t)*width * *height * 3, '\0');
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, *width, *height, GL_RGB, GL_UNSIGNED_BYTE, flipped.data());
    rgb->resize(flipped.size());
    size_t row = (size_t)*width * 3;
    for (int y = 0; y < *height; y++) rgb->replace((size_t)y * row, row, flipped, (size_t)(*height - 1 - y) * row, row);
    return true;
}

bool RenderOffscreen(Window* window, const ImDrawData* draw_data, int width, int height, const float background[3], std::string* rgba)
{
    if (!draw_data || width <= 0 || height <= 0) return false;
    SDL_GL_MakeCurrent(window->Handle, window->GlContext);
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    if (width > max_size || height > max_size) return false;
    GLuint fbo = 0, color = 0;
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &color);
    glBindRenderbuffer(GL_RENDERBUFFER, color);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (complete) {
        glViewport(0, 0, width, height);
        glClearColor(background[0], background[1], background[2], 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(const_cast<ImDrawData*>(draw_data));
        std::string flipped((size_t)width * height * 4, '\0');
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, flipped.data());
        rgba->resize(flipped.size());
        const size_t row = (size_t)width * 4;
        for (int y = 0; y < height; y++) rgba->replace((size_t)y * row, row, flipped, (size_t)(height - 1 - y) * row, row);
        // Blending leaves alpha below 1 where translucent shapes were drawn: the figure is opaque.
        for (size_t i = 3; i < rgba->size(); i += 4) (*rgba)[i] = (char)0xFF;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteRenderbuffers(1, &color);
    glDeleteFramebuffers(1, &fbo);
    return complete;
}

void CloseWindow(Window* window)
{
    if (ImGui::GetCurrentContext()) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    if (window->GlContext) SDL_GL_DeleteContext(window->GlContext);
    if (window->Handle) SDL_DestroyWindow(window->Handle);
    window->GlContext = nullptr;
    window->Handle = nullptr;
    if (g_window == window) g_window = nullptr;
    SDL_Quit();
}

} // namespace chartmix::app
