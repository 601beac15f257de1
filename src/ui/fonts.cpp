#include "ui/fonts.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include <imgui_internal.h>

#include "ui/figure.h"
#include "ui/ui_probe.h"

namespace chartmix::ui {

namespace {

// What the atlas was built from; one per process (Dear ImGui's atlas is global to its context).
struct FontCache {
    ImGuiContext* Context = nullptr;       // the atlas belongs to this context
    const Dataset* Data = nullptr;         // dataset whose code points were collected
    size_t DataSongs = 0, DataSources = 0, DataPeriods = 0;
    std::vector<ImWchar> Needed;           // code points of the current dataset
    std::vector<ImWchar> Built;            // code points the atlas was built with
    float BuiltScale = 0.0f;               // raster scale (framebuffer scale x UI scale)
    size_t BuiltLatinBytes = 0, BuiltCjkBytes = 0;
    ImVector<ImWchar> LatinRanges, CjkRanges;  // must outlive ImFontAtlas::Build
    FontStats Stats;
};

FontCache& Cache()
{
    static FontCache cache;
    return cache;
}

// Decodes UTF-8, appending code points; invalid bytes are skipped.
void AppendCodepoints(std::string_view text, std::vector<ImWchar>* out)
{
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        unsigned int c = 0;
        int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        if (c >= 0x20 && c <= IM_UNICODE_CODEPOINT_MAX && c != IM_UNICODE_CODEPOINT_INVALID) out->push_back((ImWchar)c);
    }
}

bool SameData(const FontCache& cache, const Dataset& data)
{
    return cache.Data == &data && cache.DataSongs == data.Songs.size() && cache.DataSources == data.Sources.size() &&
           cache.DataPeriods == data.Periods.size();
}

float RasterScale(const AppState& state)
{
    const ImGuiIO& io = ImGui::GetIO();
    float fb = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.0f;
    const float screen = fb * (state.UiScale > 0.25f ? state.UiScale : 1.0f);
    // A figure on its way: glyphs sharp at its density (the app draws them scaled down meanwhile).
    return state.FigureRequested ? ImMax(screen, kFigurePixelScale) : screen;
}

} // namespace

bool IsCjkCodepoint(unsigned c)
{
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3130 && c <= 0x318F) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

void CollectCodepoints(const Dataset& data, std::vector<ImWchar>* out)
{
    out->clear();
    AppendCodepoints(data.Name, out);
    for (const Source& s : data.Sources) { AppendCodepoints(s.Name, out); AppendCodepoints(s.Key, out); AppendCodepoints(s.Region, out); }
    for (const Period& p : data.Periods) AppendCodepoints(p.Label, out);
    for (uint32_t song = 0; song < data.Songs.size(); song++) {
        AppendCodepoints(data.SongTitle(song), out);
        AppendCodepoints(data.SongArtist(song), out);
    }
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
}

void NoteFontsNeeded(AppState& state)
{
    FontCache& cache = Cache();
    if (cache.Context != ImGui::GetCurrentContext()) {
        cache = FontCache();
        cache.Context = ImGui::GetCurrentContext();
        state.FontsDirty = true;
    }
    const Dataset& data = state.Session_.Data();
    if (!SameData(cache, data)) {
        CollectCodepoints(data, &cache.Needed);
        cache.Data = &data;
        cache.DataSongs = data.Songs.size();
        cache.DataSources = data.Sources.size();
        cache.DataPeriods = data.Periods.size();
        // New characters only: an atlas that already holds them all stays.
        if (!std::includes(cache.Built.begin(), cache.Built.end(), cache.Needed.begin(), cache.Needed.end())) state.FontsDirty = true;
    }
    bool cjk = std::any_of(cache.Needed.begin(), cache.Needed.end(), [](ImWchar c) { return IsCjkCodepoint(c); });
    state.WantCjkFont = cjk && state.CjkFontBytes.empty();
    if (RasterScale(state) != cache.BuiltScale && !state.LatinFontBytes.empty()) state.FontsDirty = true;
    // Tests wait for "ready" before they count fallback glyphs.
    const bool pending = state.WantCjkFont || state.FontsDirty || state.LatinFontBytes.empty();
    ProbeValue("fonts", pending ? "pending" : cache.Stats.HasCjk ? "ready, cjk" : "ready");
}

bool LoadBuildTreeFonts(AppState& state)
{
#if defined(CHARTMIX_FONT_DIR) && !defined(__EMSCRIPTEN__)
    auto read = [](const char* name, std::string* out) {
        std::string path = std::string(CHARTMIX_FONT_DIR) + "/" + name;
        FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) return false;
        std::string bytes;
        char buf[65536];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) bytes.append(buf, n);
        std::fclose(f);
        *out = std::move(bytes);
        return true;
    };
    bool ok = read("chartmix-latin.ttf", &state.LatinFontBytes);
    ok = read("chartmix-cjk.ttf", &state.CjkFontBytes) && ok;
    state.FontsDirty = true;
    return ok;
#else
    (void)state;
    return false;
#endif
}

bool UpdateFonts(AppState& state)
{
    FontCache& cache = Cache();
    NoteFontsNeeded(state);
    if (!state.FontsDirty) return false;
    if (state.LatinFontBytes.empty()) LoadBuildTreeFonts(state);
    state.FontsDirty = false;

    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    const float raster = RasterScale(state);
    const float ui = state.UiScale > 0.25f ? state.UiScale : 1.0f;
    atlas->Clear();
    cache.LatinRanges.clear();
    cache.CjkRanges.clear();
    ImFontGlyphRangesBuilder latin, cjk;
    latin.AddRanges(atlas->GetGlyphRangesDefault());
    // Latin Extended, Greek (the UI's tau and sigma), punctuation and dashes, arrows, maths, shapes,
    // and U+FFFD: Dear ImGui draws it for any missing character, which the probe then counts.
    static const ImWchar kExtra[] = { 0x0100, 0x024F, 0x0370, 0x03FF, 0x2000, 0x206F, 0x2190, 0x21FF, 0x2200, 0x22FF,
                                      0x25A0, 0x25FF, 0xFFFD, 0xFFFD, 0 };
    latin.AddRanges(kExtra);
    bool any_cjk = false;
    for (ImWchar c : cache.Needed) {
        if (IsCjkCodepoint(c)) { cjk.AddChar(c); any_cjk = true; }
        else latin.AddChar(c);
    }
    latin.BuildRanges(&cache.LatinRanges);
    cjk.BuildRanges(&cache.CjkRanges);

    const float size = kBaseFontSize * raster;
    if (!state.LatinFontBytes.empty()) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = true;
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        void* bytes = IM_ALLOC(state.LatinFontBytes.size());
        std::memcpy(bytes, state.LatinFontBytes.data(), state.LatinFontBytes.size());
        std::snprintf(cfg.Name, sizeof(cfg.Name), "chartmix latin %.0fpx", size);
        atlas->AddFontFromMemoryTTF(bytes, (int)state.LatinFontBytes.size(), size, &cfg, cache.LatinRanges.Data);
    } else {
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * raster;
        atlas->AddFontDefault(&cfg);
    }
    cache.Stats.HasCjk = false;
    if (any_cjk && !state.CjkFontBytes.empty()) {
        ImFontConfig cfg;
        cfg.MergeMode = true;
        cfg.FontDataOwnedByAtlas = true;
        cfg.OversampleH = 1;  // rasterized at the display's pixel size: no oversampling needed
        cfg.OversampleV = 1;
        void* bytes = IM_ALLOC(state.CjkFontBytes.size());
        std::memcpy(bytes, state.CjkFontBytes.data(), state.CjkFontBytes.size());
        // stb_truetype sizes a font by ascent - descent: Noto CJK's 1.448 em against DejaVu's 1.164
        // would draw Hangul and ideographs a fifth smaller than Latin text. Baselines stay aligned.
        atlas->AddFontFromMemoryTTF(bytes, (int)state.CjkFontBytes.size(), size * 1.2f, &cfg, cache.CjkRanges.Data);
        cache.Stats.HasCjk = true;
    }
    atlas->Build();
    // Glyphs are rasterized at physical pixels; scale back so layout stays in logical pixels.
    io.FontGlobalScale = ui / raster;

    cache.Built = cache.Needed;
    cache.BuiltScale = raster;
    cache.BuiltLatinBytes = state.LatinFontBytes.size();
    cache.BuiltCjkBytes = state.CjkFontBytes.size();
    cache.Stats.Glyphs = atlas->Fonts.Size > 0 ? atlas->Fonts[0]->Glyphs.Size : 0;
    cache.Stats.TextureWidth = atlas->TexWidth;
    cache.Stats.TextureHeight = atlas->TexHeight;
    cache.Stats.RasterScale = raster;
    return true;
}

FontStats CurrentFontStats()
{
    return Cache().Stats;
}

} // namespace chartmix::ui
