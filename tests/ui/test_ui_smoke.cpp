// Headless smoke test of the explorer: a Dear ImGui context with a display size and a built font
// atlas but no backend and no GPU draws every panel, in both themes, at phone and desktop widths,
// on the simulated market and on a small real-looking dataset with Korean, Chinese and Japanese
// titles, for hundreds of frames, with synthetic mouse and keyboard input. An IM_ASSERT aborts,
// and doctest's signal handler reports the test case that was running.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/cjk_chunk_index.h"
#include "ui/explorer.h"
#include "ui/explorer_view.h"
#include "ui/fonts.h"
#include "ui/history_panel.h"
#include "ui/plot.h"
#include "ui/ui_common.h"
#include "ui_harness.h"

using namespace ui_test;

TEST_SUITE("ui_smoke") {

TEST_CASE("every panel draws in both themes, at phone and desktop widths, on two datasets")
{
    for (float width : { 360.0f, 1440.0f, 2560.0f }) {
        for (int dataset = 0; dataset < 2; dataset++) {
            for (Theme theme : { Theme::Dark, Theme::Light }) {
                CAPTURE(width);
                CAPTURE(dataset);
                Harness h(width, width < 500 ? 740.0f : 900.0f);
                if (dataset == 1) h.LoadSmall();
                h.State.CurrentTheme = theme;
                for (int panel = Panel_Chart; panel < Panel_COUNT; panel++) {
                    h.State.ActiveSession.Panel = PanelKey(panel);
                    for (int f = 0; f < 8; f++) {
                        // Wander over the screen so hovers, tooltips and plots' hit tests run.
                        h.MouseTo(std::fmod(f * 173.0f + panel * 61.0f, width), std::fmod(f * 97.0f + panel * 41.0f, 700.0f));
                        h.Frame();
                    }
                    CHECK_MESSAGE((h.View().VisiblePanels & (1 << panel)) != 0, "panel ", PanelKey(panel), " was not drawn");
                }
                h.State.Compact = true;
                h.Frames(5);
                CHECK((h.View().VisiblePanels & (1 << Panel_Chart)) != 0);
            }
        }
    }
}

TEST_CASE("dragging a weight slider re-ranks and the chart shows the new #1 in the same frame")
{
    Harness h(1440.0f, 900.0f);
    h.Frames(3);
    Session& session = h.State.ActiveSession;
    SourcesPanel& sources = h.View().Sources;
    const Dataset& data = session.Data();
    // Take the first non-official source with a drawn slider.
    int source = -1;
    for (size_t s = 0; s < data.Sources.size() && source < 0; s++)
        if (!data.Sources[s].IsOfficial && sources.SliderRects[s].z > sources.SliderRects[s].x) source = (int)s;
    REQUIRE(source >= 0);
    const ImVec4 r = sources.SliderRects[(size_t)source];
    const double before = session.SourceWeights()[(size_t)source];
    const float y = (r.y + r.w) * 0.5f;
    h.MouseTo(r.x + 2.0f, y);
    h.Frame();
    ImGui::GetIO().MouseDown[0] = true;
    h.Frame();
    for (int i = 1; i <= 10; i++) { h.MouseTo(r.x + (r.z - r.x) * (0.05f + 0.04f * i), y); h.Frame(); }
    ImGui::GetIO().MouseDown[0] = false;
    h.Frame();
    const double after = session.SourceWeights()[(size_t)source];
    CHECK(after != before);
    // The slider is logarithmic from 0 to at least 10: its middle is below the default weight of 1,
    // its top reaches ten times it.
    CHECK(sources.SliderMax >= 10.0);
    CHECK(after > 0.01);
    CHECK(after < 1.0);
    const Ranking& ranking = session.CurrentRanking();
    REQUIRE(!ranking.Songs.empty());
    CHECK(h.View().Chart.FirstShownSong == ranking.Songs[0]);

    // Near the top of the slider the weight is more than tripled.
    h.MouseTo(r.x + 2.0f, y);
    h.Frame();
    ImGui::GetIO().MouseDown[0] = true;
    h.Frame();
    h.MouseTo(r.z - (r.z - r.x) * 0.08f, y);
    h.Frames(2);
    ImGui::GetIO().MouseDown[0] = false;
    h.Frame();
    CHECK(session.SourceWeights()[(size_t)source] > 3.0);

    // Drag to zero: the source drops out of the mix (and the switch shows off).
    h.MouseTo(r.z - 2.0f, y);
    h.Frame();
    ImGui::GetIO().MouseDown[0] = true;
    h.Frame();
    h.MouseTo(r.x - 50.0f, y);
    h.Frames(2);
    ImGui::GetIO().MouseDown[0] = false;
    h.Frame();
    CHECK(session.SourceWeights()[(size_t)source] == 0.0);
    CHECK(h.View().Chart.FirstShownSong == session.CurrentRanking().Songs[0]);
}

TEST_CASE("the search box filters the chart rows")
{
    Harness h(1440.0f, 900.0f);
    h.LoadSmall();
    REQUIRE(h.State.ActiveSession.SetPeriod(0).Ok());
    h.Frames(3);
    ChartPanel& chart = h.View().Chart;
    const int all = chart.ShownRows;
    REQUIRE(all >= 4);
    const ImVec4 r = chart.SearchRect;
    h.Click((r.x + r.z) * 0.5f, (r.y + r.w) * 0.5f);
    CHECK(h.State.TextInput.Active);  // the browser may lay its IME input here
    CHECK(h.State.TextInput.Width > 0);
    ImGui::GetIO().AddInputCharactersUTF8("봄");
    h.Frames(3);
    CHECK(chart.ShownRows == 1);
    const Dataset& data = h.State.ActiveSession.Data();
    const Ranking& ranking = h.State.ActiveSession.CurrentRanking();
    REQUIRE(chart.Rows.size() == 1);
    CHECK(data.SongTitle(ranking.Songs[chart.Rows[0]]) == "봄날");
    // Clicking elsewhere leaves the box; the filter stays.
    h.Click(5.0f, 890.0f);
    CHECK_FALSE(h.State.TextInput.Active);
    CHECK(chart.ShownRows == 1);
}

// The fonts are generated in the build tree from Debian packages (fonts-noto-cjk, python3-fonttools);
// without them the case is reported as skipped.
bool HaveBuildTreeFonts()
{
    AppState probe;
    probe.WantFontFiles = { kLatinFontFile, kCjkIndexFile };
    return LoadBuildTreeFonts(probe);
}

TEST_CASE("fonts: the atlas holds the Hangul, kana and ideographs of the loaded data, from the chunks that hold them" * doctest::skip(!HaveBuildTreeFonts()))
{
    Harness h(1440.0f, 900.0f);
    h.Frames(2);
    REQUIRE_FALSE(h.State.FontFiles[kLatinFontFile].empty());
    REQUIRE_FALSE(h.State.FontFiles[kCjkIndexFile].empty());
    CHECK(h.State.WantFontFiles.empty());
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    // The simulated market uses 봄날 and 星河.
    CHECK(font->FindGlyphNoFallback((ImWchar)0xBD04) != nullptr);  // 봄
    CHECK(font->FindGlyphNoFallback((ImWchar)0x661F) != nullptr);  // 星
    CHECK(font->FindGlyphNoFallback((ImWchar)0x591C) == nullptr);  // 夜 is not in the demo: not in the atlas
    const FontStats before = CurrentFontStats();
    CHECK(before.CjkChunks > 0);
    // Only the chunks holding the demo's characters were read, not the whole collection.
    const size_t chunk_files = std::count_if(h.State.FontFiles.begin(), h.State.FontFiles.end(), [](const auto& f) { return f.first.rfind("cjk/", 0) == 0; });
    CHECK(chunk_files == (size_t)before.CjkChunks + 1);
    h.LoadSmall();
    h.Frames(2);  // the UI notices new characters, the host rebuilds between frames
    font = ImGui::GetIO().Fonts->Fonts[0];
    for (ImWchar c : { (ImWchar)0x591C /* 夜 */, (ImWchar)0x66F2 /* 曲 */, (ImWchar)0x30A2 /* ア */, (ImWchar)0xBC29 /* 방 */, (ImWchar)0xC544 /* 아 */ }) {
        const ImFontGlyph* glyph = font->FindGlyphNoFallback(c);
        CHECK_MESSAGE(glyph != nullptr, "missing glyph U+", std::hex, (unsigned)c);
        if (glyph) CHECK(glyph->X1 > glyph->X0);  // CFF outlines rasterized, not an empty box
    }
    const FontStats after = CurrentFontStats();
    CHECK(after.HasCjk);
    CHECK(after.TextureWidth * after.TextureHeight <= 1024 * 1024);
    CHECK(before.Glyphs > 0);
}

TEST_CASE("fonts: a rare ideograph and a rare Hangul syllable come from their chunks" * doctest::skip(!HaveBuildTreeFonts()))
{
    Harness h(1440.0f, 900.0f);
    // 龘 and 齉 are in no national standard's first level; 똠 is outside KS X 1001's 2,350 syllables.
    const std::string csv = "source,period,rank,title,artist\nqq,2024-01-04,1,\xE9\xBE\x98\xE9\xBD\x89,\xEB\x98\xA0\nqq,2024-01-04,2,B,C\n";
    Status st = h.State.ActiveSession.LoadFiles({ InputFile{ "rare.csv", csv } }, LoadOptions{}, "file:rare.csv");
    REQUIRE_MESSAGE(st.Ok(), (st.Ok() ? "" : st.Err().ToString()));
    h.Frames(2);
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    for (ImWchar c : { (ImWchar)0x9F98, (ImWchar)0x9F49, (ImWchar)0xB620 }) {
        const ImFontGlyph* glyph = font->FindGlyphNoFallback(c);
        CHECK_MESSAGE(glyph != nullptr, "missing glyph U+", std::hex, (unsigned)c);
        if (glyph) CHECK(glyph->X1 > glyph->X0);
    }
    CHECK(h.State.WantFontFiles.empty());
}

TEST_CASE("the sources panel regroups its sliders for every new dataset, even one at the old one's address")
{
    // The same two charts in two manifest orders: grouped by region, CN comes first either way.
    const std::string csv = "period,rank,title,artist\n2024-01-04,1,A,x\n";
    const std::string files = R"("files":[{"path":"k.csv","source":"kr","columns":{"period":"period","rank":"rank","title":"title","artist":"artist"}},)"
                              R"({"path":"c.csv","source":"cn","columns":{"period":"period","rank":"rank","title":"title","artist":"artist"}}]})";
    const std::string kr_first = R"({"sources":[{"key":"kr","region":"KR"},{"key":"cn","region":"CN"}],)" + files;
    const std::string cn_first = R"({"sources":[{"key":"cn","region":"CN"},{"key":"kr","region":"KR"}],)" + files;
    Harness h(1440.0f, 900.0f);
    Session& session = h.State.ActiveSession;
    for (int load = 0; load < 8; load++) {
        CAPTURE(load);
        const std::string& manifest = load % 2 ? cn_first : kr_first;
        Status st = session.LoadFiles({ InputFile{ "m.json", manifest }, InputFile{ "k.csv", csv }, InputFile{ "c.csv", csv } }, LoadOptions{}, "file:m.json");
        REQUIRE_MESSAGE(st.Ok(), (st.Ok() ? "" : st.Err().ToString()));
        h.Frames(2);
        const std::vector<uint32_t>& order = h.View().Sources.Order;
        REQUIRE(order.size() == 2);
        CHECK(session.Data().Sources[order[0]].Region == "CN");
        CHECK(session.Data().Sources[order[1]].Region == "KR");
    }
}

TEST_CASE("Session::Panel set from outside selects that panel; a clicked tab becomes Session::Panel")
{
    for (float width : { 360.0f, 1440.0f }) {
        CAPTURE(width);
        Harness h(width, 800.0f);
        h.Frames(2);
        h.State.ActiveSession.Panel = "compare";
        h.Frames(3);
        CHECK((h.View().VisiblePanels & (1 << Panel_Compare)) != 0);
        h.State.ActiveSession.Panel = "classroom";
        h.Frames(3);
        CHECK((h.View().VisiblePanels & (1 << Panel_Classroom)) != 0);
        CHECK((h.View().VisiblePanels & (1 << Panel_Compare)) == 0);
        CHECK(h.State.ActiveSession.Panel == "classroom");
    }
}

TEST_CASE("clicking a bump-chart line pins that song; the song panel then shows it")
{
    Harness h(1440.0f, 900.0f);
    h.State.ActiveSession.Panel = "history";
    h.Frames(4);
    HistoryPanel& history = h.View().History;
    REQUIRE(history.SeriesSongs.size() >= 3);
    // The third line from the data (not the first: a default could pass by accident).
    const size_t series = 2;
    const ImVec2 target = history.PinTargets[series];
    REQUIRE(target.x > 0);
    h.Click(target.x, target.y);
    REQUIRE(h.State.ActiveSession.Selected().size() == 1);
    CHECK(h.State.ActiveSession.Selected()[0] == history.SeriesSongs[series]);
    h.State.ActiveSession.Panel = "song";
    h.Frames(3);
    CHECK(h.View().Song.SeenSong == (int64_t)h.State.ActiveSession.Selected()[0]);
}

TEST_CASE("play animates the period; a period change reaches the chart in the same frame")
{
    Harness h(2560.0f, 1200.0f);  // wide: chart and history side by side
    Session& session = h.State.ActiveSession;
    REQUIRE(session.SetPeriod(0).Ok());
    session.Panel = "history";
    h.Frames(3);
    h.View().History.Playing = true;
    h.View().History.SecondsPerPeriod = 0.05f;
    h.Frames(12);
    CHECK(session.Period() > 0);
    REQUIRE((h.View().VisiblePanels & (1 << Panel_Chart)) != 0);
    CHECK(h.View().Chart.FirstShownSong == session.CurrentRanking().Songs[0]);
    CHECK(h.View().Chart.SeenRevision == session.Revision());
}

} // TEST_SUITE

TEST_CASE("an embed of official charts alone gives the chart the whole frame, with no empty slider column")
{
    const char* manifest = R"({ "name": "One official chart",
        "period": { "granularity": "weekly", "week_ends_on": "thursday" },
        "sources": [ { "key": "hot", "name": "Hot Chart", "kind": "official_composite", "official": true } ],
        "files": [ { "path": "hot.csv", "source": "hot",
                     "columns": { "period": "period", "rank": "rank", "title": "title", "artist": "artist" } } ] })";
    const char* csv = "period,rank,title,artist\n2024-01-04,1,Song A,Act A\n2024-01-04,2,Song B,Act B\n2024-01-04,3,Song C,Act C\n";
    for (float width : { 1200.0f, 390.0f }) {
        CAPTURE(width);
        Harness h(width, 600.0f);
        Status st = h.State.ActiveSession.LoadFiles({ InputFile{ "m.json", manifest }, InputFile{ "hot.csv", csv } }, LoadOptions{}, "file:m.json");
        REQUIRE_MESSAGE(st.Ok(), (st.Ok() ? "" : st.Err().ToString()));
        h.State.Compact = true;
        h.Frames(4);
        const ImGuiWindow* chart = nullptr;
        for (ImGuiWindow* w : GImGui->Windows)
            if (w->Active && std::string(w->Name).find("/chart_") != std::string::npos) chart = w;
        REQUIRE(chart != nullptr);
        CHECK(chart->Size.x >= width - 40.0f);  // the whole width, less the window's padding
        CHECK(h.View().CompactMixHeight == 0.0f);
    }
}

TEST_CASE("a label cut to fit ends with an ellipsis, within the width, on a whole character")
{
    Harness h(800.0f, 600.0f);
    h.Frames(1);
    ImGui::NewFrame();  // CalcTextSize needs a frame's font
    const std::string fits = "Pink Venom";
    CHECK(FitText(fits, ImGui::CalcTextSize(fits.c_str()).x) == fits);
    const std::string ellipsis = "\xE2\x80\xA6";
    for (const std::string text : { std::string("Let It Snow, Let It Snow, Let It Snow \xE2\x80\x94 Dean Martin"),
                                    std::string("\xEB\xA7\x88\xEC\xA7\x80\xEB\xA7\x89\xEC\xB2\x98\xEB\x9F\xBC \xE2\x80\x94 BLACKPINK") }) {
        for (float width : { 30.0f, 60.0f, 120.0f }) {
            CAPTURE(text);
            CAPTURE(width);
            const std::string cut = FitText(text, width);
            REQUIRE(cut.size() >= ellipsis.size());
            CHECK(cut.compare(cut.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0);
            const std::string kept = cut.substr(0, cut.size() - ellipsis.size());
            CHECK(text.compare(0, kept.size(), kept) == 0);                               // a prefix of the text
            CHECK((kept.size() == text.size() || ((unsigned char)text[kept.size()] & 0xC0) != 0x80));  // cut before a character, not inside one
            CHECK(ImGui::CalcTextSize(cut.c_str()).x <= width + 0.5f);
        }
    }
    ImGui::EndFrame();
}

TEST_CASE("on a phone every panel's content stays inside the panel's width")
{
    for (std::string key : { "chart", "history", "song", "compare", "sensitivity", "classroom" }) {
        CAPTURE(key);
        Harness h(360.0f, 740.0f);
        h.State.ActiveSession.Panel = key;
        h.Frames(4);
        const ImGuiWindow* panel = nullptr;
        for (ImGuiWindow* w : GImGui->Windows)
            if (w->Active && std::string(w->Name).find("/panel_") != std::string::npos) panel = w;
        REQUIRE(panel != nullptr);
        CHECK((h.View().VisiblePanels & (1 << PanelFromKey(key))) != 0);
        // What the panel drew reaches no further right than its own content edge (a row cut at the
        // screen's edge would widen the content past it).
        CHECK(panel->ContentSize.x <= panel->ContentRegionRect.GetWidth() + 1.0f);
    }
}

TEST_CASE("on a phone the chart's titles end inside their column, cut with an ellipsis")
{
    Harness h(360.0f, 740.0f);
    h.State.ActiveSession.Panel = "chart";
    h.Frames(4);
    const ImGuiTable* table = nullptr;
    for (int i = 0; i < GImGui->Tables.GetMapSize(); i++)
        if (ImGuiTable* t = GImGui->Tables.TryGetMapData(i); t && t->LastFrameActive == GImGui->FrameCount && t->ColumnsCount == 4) table = t;
    REQUIRE(table != nullptr);
    // What each cell drew this frame reaches no further right than the cell's own edge: a title
    // clipped by the column would run past it, and a reader would see it cut mid-letter.
    for (int c = 0; c < table->ColumnsCount; c++) {
        CAPTURE(c);
        const ImGuiTableColumn& column = table->Columns[c];
        CHECK(column.ContentMaxXUnfrozen <= column.WorkMaxX + 1.0f);
    }
}
