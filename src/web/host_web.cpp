// The browser host. Every action calls into the page object web/chartmix.js passes to the module
// as Module.chartmixHost (file picker, fetch with progress, clipboard, downloads, figures); after each
// frame the page hears about changes (revision, notice, text field) so it can update the URL, the
// accessible table and the IME overlay. All text crosses as UTF-8 and lands in the DOM as text.
#include <set>
#include <string>

#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>

#include "app/host.h"
#include "ui/app_state.h"
#include "web/web_state.h"

// Binds SDL to this module's own canvas: SDL looks up "#canvas" through specialHTMLTargets, so two
// widgets on one page each drive their own canvas and keyboard.
EM_JS(void, chartmix_js_bind_canvas, (), {
    if (typeof specialHTMLTargets !== "undefined" && Module["canvas"]) specialHTMLTargets["#canvas"] = Module["canvas"];
});

EM_JS(void, chartmix_js_call, (const char* action, const char* a, int a_len, const char* b, const char* c, int c_len), {
    var host = Module["chartmixHost"];
    var name = UTF8ToString(action);
    if (!host || typeof host[name] !== "function") return;
    var first = a ? UTF8ToString(a, a_len) : "";
    var third = c ? HEAPU8.slice(c, c + c_len) : null;
    host[name](first, b ? UTF8ToString(b) : "", third);
});

// Start-up milestones on the page's performance timeline (devtools: Performance > Timings), after
// "chartmix:load-core" (web/chartmix.js): "chartmix:window" then "chartmix:first-frame".
EM_JS(void, chartmix_js_mark, (const char* name), {
    if (typeof performance !== "undefined" && performance.mark) performance.mark(UTF8ToString(name));
});

EM_JS(void, chartmix_js_frame, (int count, double revision, int dragging), {
    Module["framesDrawn"] = count;
    if (count == 1 && typeof performance !== "undefined" && performance.mark) performance.mark("chartmix:first-frame");
    var host = Module["chartmixHost"];
    if (host && host["frame"]) host["frame"](count, revision, !!dragging);
    if (count == 1 && Module["canvas"]) Module["canvas"].dispatchEvent(new CustomEvent("chartmix:ready"));
});

EM_JS(void, chartmix_js_notice, (const char* text, int is_error), {
    var host = Module["chartmixHost"];
    if (host && host["notice"]) host["notice"](UTF8ToString(text), !!is_error);
});

EM_JS(void, chartmix_js_text_input, (int active, float x, float y, float w, float h, const char* text), {
    var host = Module["chartmixHost"];
    if (host && host["textInput"]) host["textInput"](!!active, x, y, w, h, UTF8ToString(text));
});

namespace chartmix::web {

namespace { ui::AppState* g_state = nullptr; }
ui::AppState* State() { return g_state; }
void SetState(ui::AppState* state) { g_state = state; }

} // namespace chartmix::web

namespace chartmix::app {
namespace {

void Call(const char* action, const std::string& a = {}, const std::string& b = {}, const std::string* bytes = nullptr)
{
    chartmix_js_call(action, a.data(), (int)a.size(), b.c_str(), bytes ? bytes->data() : nullptr, bytes ? (int)bytes->size() : 0);
}

} // namespace

void HostStart(ui::AppState& state, const StartOptions& options)
{
    chartmix_js_mark("chartmix:window");  // the runtime is up and the start-up data exists; the window opens next
    web::SetState(&state);
    state.Compact = options.Compact;
    chartmix_js_bind_canvas();
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    state.Host.OpenFiles = [] { Call("openFiles"); };
    state.Host.LoadUrl = [](const std::string& url) { Call("loadUrl", url); };
    state.Host.CancelLoad = [] { Call("cancelLoad"); };
    state.Host.CopyText = [](const std::string& text) { Call("copyText", text); };
    state.Host.SaveFile = [](const std::string& name, const std::string& mime, const std::string& bytes) { Call("saveFile", name, mime, &bytes); };
    state.Host.SaveFigure = [] { Call("saveFigure"); };
    state.Host.LoadCatalogue = [](const std::string& id) { Call("loadCatalogue", id); };
    state.Host.Remember = [](const char* key, const char* value) { Call("remember", key, value); };
}

void HostLoadPaths(ui::AppState&, const std::vector<std::string>&) {}

// The page encodes the pixels as PNG (a canvas does it natively) and hands the Blob to whoever asked.
void HostFigureReady(ui::AppState&, int width, int height, const std::string& rgba)
{
    Call("figureReady", std::to_string(width) + "x" + std::to_string(height), {}, &rgba);
}

// Dear ImGui's Ctrl+C also reaches the system clipboard (SDL keeps its own copy for Ctrl+V, which
// the page refreshes from paste events: chartmix_set_clipboard).
static void SetClipboardText(void*, const char* text)
{
    SDL_SetClipboardText(text);
    Call("clipboardWrite", text ? text : "");
}

void HostFrameDrawn(ui::AppState& state)
{
    static bool clipboard_bound = false;
    if (!clipboard_bound && ImGui::GetCurrentContext()) {
        clipboard_bound = true;
        ImGui::GetIO().SetClipboardTextFn = SetClipboardText;
    }
    static std::string last_notice;
    static ui::TextInputRequest last_input;
    if (state.Notice != last_notice) {
        last_notice = state.Notice;
        chartmix_js_notice(last_notice.c_str(), state.NoticeIsError);
    }
    const ui::TextInputRequest& in = state.TextInput;
    if (in.Active != last_input.Active || (in.Active && (in.X != last_input.X || in.Y != last_input.Y || in.Width != last_input.Width ||
                                                         in.Height != last_input.Height || in.Text != last_input.Text))) {
        last_input = in;
        chartmix_js_text_input(in.Active, in.X, in.Y, in.Width, in.Height, in.Text.c_str());
    }
    // Fonts: the Latin face at start; the CJK index and chunks once the text has CJK characters.
    // Each file is asked for once; the page fetches them in parallel and hands them in.
    static std::set<std::string> fonts_asked;
    for (const std::string& file : state.WantFontFiles)
        if (fonts_asked.insert(file).second) Call("loadFont", file);
    // The embed's natural height: the page sizes the canvas (and so the host's iframe) to it.
    static int last_height = 0;
    if (state.Compact && (int)state.ContentHeight != last_height && state.ContentHeight > 0) {
        last_height = (int)state.ContentHeight;
        Call("contentHeight", std::to_string(last_height));
    }
    // A slider held down is one gesture: the page replaces its history entry until it ends.
    const bool dragging = ImGui::GetCurrentContext() && ImGui::IsAnyItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left);
    chartmix_js_frame(state.FrameCount, (double)state.ActiveSession.Revision(), dragging);
}

} // namespace chartmix::app

// Text the user pasted (a paste event on the canvas): Dear ImGui's Ctrl+V reads it next frame.
extern "C" EMSCRIPTEN_KEEPALIVE void chartmix_set_clipboard(const char* utf8) { SDL_SetClipboardText(utf8 ? utf8 : ""); }
