#pragma once
// Fonts: a Latin base font plus, when the text needs them, chunks of Noto Sans CJK merged into it,
// the atlas holding only the glyphs the loaded text uses (Dear ImGui 1.86's atlas is fixed once
// built, and a full Hangul + ideograph atlas would cost megabytes of texture).
//
// Protocol with the host (src/app natively, src/web in the browser):
//   - the UI lists the files under fonts/ it needs and lacks in AppState::WantFontFiles:
//     chartmix-latin.ttf from the start; cjk/index.bin once the text has CJK characters; then the
//     cjk/NNN.otf chunks that hold them (cjk_chunk_index.h);
//   - the host fetches each once (in parallel) and puts the bytes into AppState::FontFiles, or ""
//     when it could not, and sets FontsDirty; natively UpdateFonts reads them from the build tree;
//   - between frames, before the renderer's NewFrame, the host calls UpdateFonts(state); when it
//     returns true the atlas was rebuilt and the host re-creates the font texture
//     (ImGui_ImplOpenGL3_DestroyFontsTexture(); ImGui_ImplOpenGL3_CreateFontsTexture();).
//     The atlas is rebuilt once every wanted file is in, not once per chunk.
// The probe value "fonts" reads "pending" while files are outstanding or a rebuild is due, then
// "ready" or "ready, cjk".
#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/app_state.h"

namespace chartmix::ui {

// Base text size in logical pixels at UiScale 1.
constexpr float kBaseFontSize = 15.0f;
// The Latin font's file under fonts/.
constexpr const char* kLatinFontFile = "chartmix-latin.ttf";

// Sorted, distinct code points of every string of the dataset a panel can show (titles, artists,
// source names, period labels, the dataset name).
void CollectCodepoints(const Dataset& data, std::vector<ImWchar>* out);
// True for the scripts the CJK chunks cover (Hangul, kana, ideographs, CJK punctuation and forms):
// text with one of these needs the chunk index.
bool IsCjkCodepoint(unsigned c);

// Per frame (cheap): notices a new dataset, a new display scale or font files to fetch, and sets
// FontsDirty / WantFontFiles. DrawExplorer calls it.
void NoteFontsNeeded(AppState& state);
// Between frames: rebuilds the atlas when FontsDirty and no wanted file is outstanding. Natively it
// first reads the wanted files from the build tree (CHARTMIX_FONT_DIR). Returns true when the atlas changed.
bool UpdateFonts(AppState& state);
// Reads the wanted files from the build tree into state.FontFiles (native builds with
// CHARTMIX_FONT_DIR; false otherwise, or when a file is missing there).
bool LoadBuildTreeFonts(AppState& state);

// What the atlas holds now (tests and the status line read it).
struct FontStats {
    int Glyphs = 0;
    int TextureWidth = 0, TextureHeight = 0;
    bool HasCjk = false;
    int CjkChunks = 0;        // chunks merged into the atlas
    float RasterScale = 1.0f;
};
FontStats CurrentFontStats();

} // namespace chartmix::ui
