#include "ui/fonts.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>

#include <imgui_internal.h>

#include "ui/cjk_chunk_index.h"
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
    bool NeedsCjk = false;                 // Needed has a code point of the CJK chunks' scripts
    std::vector<ImWchar> Built;            // code points the atlas was built with
    float BuiltScale = 0.0f;               // raster scale (framebuffer scale x UI scale)
    bool BuiltWithLatin = false;           // the atlas has the Latin font (or its fetch failed)
    CjkChunkIndex Index;                   // parsed from FontFiles[kCjkIndexFile] once it arrived
    bool IndexRead = false;
    ImVector<ImWchar> LatinRanges;         // must outlive ImFontAtlas::Build
    std::vector<ImVector<ImWchar>> CjkRanges;  // one per merged chunk
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
    // The ranges tools/fonts/cjk_chunks.py slices (RANGES there); the index says which chunk.
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x9FFF) ||
           (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF);
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

namespace {

#if defined(CHARTMIX_FONT_DIR) && !defined(__EMSCRIPTEN__)
constexpr bool kBuildTreeFonts = true;
#else
constexpr bool kBuildTreeFonts = false;
#endif

bool Has(const AppState& state, const std::string& file) { return state.FontFiles.count(file) != 0; }

// The CJK chunks holding the needed code points, each with its code points (ascending).
std::map<int, std::vector<ImWchar>> NeededChunks(const FontCache& cache)
{
    std::map<int, std::vector<ImWchar>> chunks;
    if (!cache.NeedsCjk) return chunks;
    for (ImWchar c : cache.Needed) {
        const int chunk = IsCjkCodepoint(c) ? cache.Index.ChunkOf(c) : -1;
        if (chunk >= 0) chunks[chunk].push_back(c);
    }
    return chunks;
}

// The files under fonts/ the needed glyphs come from and state.FontFiles lacks.
std::vector<std::string> MissingFontFiles(FontCache& cache, const AppState& state)
{
    std::vector<std::string> missing;
    if (!Has(state, kLatinFontFile)) missing.push_back(kLatinFontFile);
    if (!cache.NeedsCjk) return missing;
    auto index = state.FontFiles.find(kCjkIndexFile);
    if (index == state.FontFiles.end()) {
        missing.push_back(kCjkIndexFile);
        return missing;
    }
    if (!cache.IndexRead) {
        cache.IndexRead = true;
        cache.Index.Parse(index->second);  // an empty or broken index leaves CJK text to the fallback glyph
    }
    for (const auto& [chunk, points] : NeededChunks(cache)) {
        std::string file = CjkChunkIndex::ChunkFile(chunk);
        if (!Has(state, file)) missing.push_back(std::move(file));
    }
    return missing;
}

} // namespace

void NoteFontsNeeded(AppState& state)
{
    FontCache& cache = Cache();
    if (cache.Context != ImGui::GetCurrentContext()) {
        cache = FontCache();
        cache.Context = ImGui::GetCurrentContext();
        state.FontsDirty = true;
    }
    const Dataset& data = state.ActiveSession.Data();
    if (!SameData(cache, data)) {
        CollectCodepoints(data, &cache.Needed);
        cache.Data = &data;
        cache.DataSongs = data.Songs.size();
        cache.DataSources = data.Sources.size();
        cache.DataPeriods = data.Periods.size();
        cache.NeedsCjk = std::any_of(cache.Needed.begin(), cache.Needed.end(), [](ImWchar c) { return IsCjkCodepoint(c); });
        // New characters only: an atlas that already holds them all stays.
        if (!std::includes(cache.Built.begin(), cache.Built.end(), cache.Needed.begin(), cache.Needed.end())) state.FontsDirty = true;
    }
    state.WantFontFiles = MissingFontFiles(cache, state);
    if (RasterScale(state) != cache.BuiltScale && cache.BuiltScale > 0) state.FontsDirty = true;
    // Tests wait for "ready" before they count fallback glyphs.
    const bool pending = !state.WantFontFiles.empty() || state.FontsDirty;
    ProbeValue("fonts", pending ? "pending" : cache.Stats.HasCjk ? "ready, cjk" : "ready");
}

bool LoadBuildTreeFonts(AppState& state)
{
#if defined(CHARTMIX_FONT_DIR) && !defined(__EMSCRIPTEN__)
    auto read = [](const std::string& name, std::string* out) {
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
    std::vector<std::string> wanted = state.WantFontFiles;
    if (wanted.empty() && !Has(state, kLatinFontFile)) wanted.push_back(kLatinFontFile);
    bool ok = true;
    for (const std::string& file : wanted) {
        std::string bytes;
        ok = read(file, &bytes) && ok;
        state.FontFiles[file] = std::move(bytes);  // "" when missing: the UI stops waiting for it
    }
    if (!wanted.empty()) state.FontsDirty = true;
    return ok;
#else
    (void)state;
    return false;
#endif
}

namespace {

void AddFont(ImFontAtlas* atlas, const std::string& bytes, float size, bool merge, const ImWchar* ranges, const char* name)
{
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true;
    cfg.MergeMode = merge;
    // Latin is oversampled horizontally for its thin stems; CJK is rasterized at the display's pixel size.
    cfg.OversampleH = merge ? 1 : 2;
    cfg.OversampleV = 1;
    void* copy = IM_ALLOC(bytes.size());
    std::memcpy(copy, bytes.data(), bytes.size());
    std::snprintf(cfg.Name, sizeof(cfg.Name), "%s %.0fpx", name, size);
    atlas->AddFontFromMemoryTTF(copy, (int)bytes.size(), size, &cfg, ranges);
}

} // namespace

bool UpdateFonts(AppState& state)
{
    FontCache& cache = Cache();
    NoteFontsNeeded(state);
    // Natively the build tree answers at once: the Latin font, then the index, then the chunks.
    for (int round = 0; kBuildTreeFonts && round < 3 && !state.WantFontFiles.empty(); round++) {
        LoadBuildTreeFonts(state);
        NoteFontsNeeded(state);
    }
    if (!state.FontsDirty) return false;
    // The Latin font is drawn as soon as it is in (first paint); the CJK chunks wait for each other,
    // so the atlas is rebuilt once for all of them.
    if (!state.WantFontFiles.empty() && cache.BuiltWithLatin) return false;
    state.FontsDirty = false;

    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    const float raster = RasterScale(state);
    const float ui = state.UiScale > 0.25f ? state.UiScale : 1.0f;
    atlas->Clear();
    cache.LatinRanges.clear();
    cache.CjkRanges.clear();
    ImFontGlyphRangesBuilder latin;
    latin.AddRanges(atlas->GetGlyphRangesDefault());
    // Latin Extended, Greek (the UI's tau and sigma), punctuation and dashes, arrows, maths, shapes,
    // and U+FFFD: Dear ImGui draws it for any missing character, which the probe then counts.
    static const ImWchar kExtra[] = { 0x0100, 0x024F, 0x0370, 0x03FF, 0x2000, 0x206F, 0x2190, 0x21FF, 0x2200, 0x22FF,
                                      0x25A0, 0x25FF, 0xFFFD, 0xFFFD, 0 };
    latin.AddRanges(kExtra);
    for (ImWchar c : cache.Needed)
        if (!IsCjkCodepoint(c)) latin.AddChar(c);
    latin.BuildRanges(&cache.LatinRanges);

    const float size = kBaseFontSize * raster;
    auto latin_file = state.FontFiles.find(kLatinFontFile);
    if (latin_file != state.FontFiles.end() && !latin_file->second.empty()) {
        AddFont(atlas, latin_file->second, size, false, cache.LatinRanges.Data, "chartmix latin");
    } else {
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * raster;
        atlas->AddFontDefault(&cfg);
    }
    cache.Stats.HasCjk = false;
    cache.Stats.CjkChunks = 0;
    const std::map<int, std::vector<ImWchar>> chunks = NeededChunks(cache);
    cache.CjkRanges.reserve(chunks.size());  // Build reads the ranges through pointers: no reallocation
    for (const auto& [chunk, points] : chunks) {
        auto file = state.FontFiles.find(CjkChunkIndex::ChunkFile(chunk));
        if (file == state.FontFiles.end() || file->second.empty()) continue;
        ImFontGlyphRangesBuilder ranges;
        for (ImWchar c : points) ranges.AddChar(c);
        cache.CjkRanges.emplace_back();
        ranges.BuildRanges(&cache.CjkRanges.back());
        // stb_truetype sizes a font by ascent - descent: Noto CJK's 1.448 em against DejaVu's 1.164
        // would draw Hangul and ideographs a fifth smaller than Latin text. Baselines stay aligned.
        AddFont(atlas, file->second, size * 1.2f, true, cache.CjkRanges.back().Data, "chartmix cjk");
        cache.Stats.HasCjk = true;
        cache.Stats.CjkChunks++;
    }
    atlas->Build();
    // Glyphs are rasterized at physical pixels; scale back so layout stays in logical pixels.
    io.FontGlobalScale = ui / raster;

    cache.Built = cache.Needed;
    cache.BuiltScale = raster;
    cache.BuiltWithLatin = Has(state, kLatinFontFile);
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
