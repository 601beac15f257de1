#pragma once
// Fonts: a Latin base font plus, when the data needs it, a CJK font merged into it, both holding
// only the glyphs the loaded text uses (Dear ImGui 1.86's atlas is fixed once built, and a full
// Hangul + ideograph atlas would cost megabytes of texture).
//
// Protocol with the host (src/app natively, src/web in the browser):
//   - the host puts font files into AppState::LatinFontBytes / CjkFontBytes and sets FontsDirty;
//   - the UI sets AppState::WantCjkFont when the data has CJK text and CjkFontBytes is empty
//     (the browser then fetches the CJK font; natively it is read from the build tree);
//   - between frames, before the renderer's NewFrame, the host calls UpdateFonts(state); when it
//     returns true the atlas was rebuilt and the host re-creates the font texture
//     (ImGui_ImplOpenGL3_DestroyFontsTexture(); ImGui_ImplOpenGL3_CreateFontsTexture();).
#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/app_state.h"

namespace chartmix::ui {

// Base text size in logical pixels at UiScale 1.
constexpr float kBaseFontSize = 15.0f;

// Sorted, distinct code points of every string of the dataset a panel can show (titles, artists,
// source names, period labels, the dataset name).
void CollectCodepoints(const Dataset& data, std::vector<ImWchar>* out);
// True for Hangul, kana, CJK ideographs and CJK punctuation: the glyphs that come from the CJK font.
bool IsCjkCodepoint(unsigned c);

// Per frame (cheap): notices a new dataset, a new display scale or a missing CJK font and sets
// FontsDirty / WantCjkFont. DrawExplorer calls it.
void NoteFontsNeeded(AppState& state);
// Between frames: rebuilds the atlas when FontsDirty. Natively, with no bytes handed in, it reads
// the fonts generated into the build tree (CHARTMIX_FONT_DIR). Returns true when the atlas changed.
bool UpdateFonts(AppState& state);
// Reads the build tree's fonts into state (native builds with CHARTMIX_FONT_DIR; false otherwise).
bool LoadBuildTreeFonts(AppState& state);

// What the atlas holds now (tests and the status line read it).
struct FontStats {
    int Glyphs = 0;
    int TextureWidth = 0, TextureHeight = 0;
    bool HasCjk = false;
    float RasterScale = 1.0f;
};
FontStats CurrentFontStats();

} // namespace chartmix::ui
