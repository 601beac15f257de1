// The desktop host: the clipboard through SDL, files written into the current directory, files
// dropped on the window (or named on the command line) loaded from disk. The browser-only
// actions (file picker, URL download) stay empty, which hides their buttons.
#ifndef __EMSCRIPTEN__
#include <SDL.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/host.h"
#include "core/data/manifest.h"
#include "ui/app_state.h"

namespace chartmix::app {
namespace {

bool ReadWholeFile(const std::string& path, std::string* out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *out = ss.str();
    return true;
}

std::string BaseName(const std::string& path)
{
    size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string DirName(const std::string& path)
{
    size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

void SetNotice(ui::AppState& state, std::string text, bool error, std::string details = {})
{
    state.Notice = std::move(text);
    state.NoticeIsError = error;
    state.NoticeDetails = std::move(details);
}

} // namespace

void HostLoadPaths(ui::AppState& state, const std::vector<std::string>& paths)
{
    if (paths.empty()) return;
    std::vector<InputFile> files;
    for (const std::string& path : paths) {
        InputFile file{ BaseName(path), {} };
        if (!ReadWholeFile(path, &file.Bytes)) {
            SetNotice(state, "Could not read " + path + ": check that the file exists and is readable. The current data stays.", true);
            return;
        }
        // A manifest names its files relative to its own folder: read those too, under the names it writes.
        Result<std::vector<std::string>> listed = ManifestFilePaths(file.Bytes, file.Name);
        if (listed.Ok()) {
            for (const std::string& rel : *listed) {
                InputFile member{ rel, {} };
                if (!ReadWholeFile(DirName(path) + "/" + rel, &member.Bytes)) {
                    SetNotice(state, "The manifest " + file.Name + " lists " + rel + ", which could not be read next to it. The current data stays.", true);
                    return;
                }
                files.push_back(std::move(member));
            }
        }
        files.push_back(std::move(file));
    }
    Status st = state.ActiveSession.LoadFiles(std::move(files), LoadOptions{}, "file:" + BaseName(paths.front()));
    if (st) SetNotice(state, "Loaded " + BaseName(paths.front()) + (paths.size() > 1 ? " and " + std::to_string(paths.size() - 1) + " more" : ""), false);
    else SetNotice(state, st.Err().ToString() + " The data loaded before stays.", true, st.Err().Details);
}

void HostStart(ui::AppState& state, const StartOptions& options)
{
    state.Compact = options.Compact;
    state.Host.CopyText = [](const std::string& text) { SDL_SetClipboardText(text.c_str()); };
    ui::AppState* s = &state;
    state.Host.SaveFile = [s](const std::string& name, const std::string&, const std::string& bytes) {
        std::string path = BaseName(name);  // the current directory only: a name never picks a folder
        FILE* f = std::fopen(path.c_str(), "wb");
        bool ok = f && std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        if (f) ok = std::fclose(f) == 0 && ok;
        SetNotice(*s, ok ? "Saved " + path + " in the current folder." : "Could not write " + path + " in the current folder: is it writable?", !ok);
    };
    HostLoadPaths(state, options.Files);
}

void HostFrameDrawn(ui::AppState&) {}

// The desktop has no PNG encoder (SaveFigure stays empty, which hides the menu item).
void HostFigureReady(ui::AppState&, int, int, const std::string&) {}

} // namespace chartmix::app
#endif
