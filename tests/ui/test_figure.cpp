// Exported figures (ui/figure.h), drawn headless: every panel's figure is the figure's size at
// twice the density, its title, dataset, mix and credit lie inside it and apart, and drawing it
// leaves the app's own context, probe record and font density as they were.
#include <doctest/doctest.h>

#include <string>

#include <imgui.h>

#include "core/base/json.h"
#include "ui/figure.h"
#include "ui/ui_common.h"
#include "ui/ui_probe.h"
#include "ui_harness.h"

using namespace ui_test;

namespace {

struct Rect { float X = 0, Y = 0, W = 0, H = 0; };

bool Apart(const Rect& a, const Rect& b) { return a.X + a.W <= b.X || b.X + b.W <= a.X || a.Y + a.H <= b.Y || b.Y + b.H <= a.Y; }

Rect ItemOf(const rapidjson::Value& items, const char* name)
{
    REQUIRE_MESSAGE(items.HasMember(name), "the figure has no ", name);
    const rapidjson::Value& r = items[name];
    return Rect{ r[0].GetFloat(), r[1].GetFloat(), r[2].GetFloat(), r[3].GetFloat() };
}

} // namespace

TEST_SUITE("figure") {

TEST_CASE("every panel's figure holds its header and credit inside it and apart, and leaves the app as it was")
{
    for (int dataset = 0; dataset < 2; dataset++) {
        CAPTURE(dataset);
        Harness h(1440.0f, 900.0f);
        if (dataset == 1) h.LoadSmall();
        h.Frames(3);
        for (int panel = Panel_Chart; panel < Panel_COUNT; panel++) {
            const std::string key = PanelKey(panel);
            CAPTURE(key);
            h.State.ActiveSession.Panel = PanelKey(panel);
            h.Frames(2);
            h.State.FigureRequested = true;
            h.Frame();  // the host's frame: the atlas is rebuilt at the figure's density first
            CHECK(CurrentFontStats().RasterScale == doctest::Approx(kFigurePixelScale));
            ImGuiContext* app = ImGui::GetCurrentContext();
            const FigureFrame figure = BuildFigure(h.State);
            h.State.FigureRequested = false;
            CHECK(ImGui::GetCurrentContext() == app);
            CHECK(figure.Width == 2400);
            CHECK(figure.Height == 1500);
            REQUIRE(figure.Draw != nullptr);
            CHECK(figure.Draw->DisplaySize.x == kFigureWidth);
            CHECK(figure.Draw->FramebufferScale.x == kFigurePixelScale);
            CHECK(figure.Background.w == 1.0f);

            Result<rapidjson::Document> probe = ParseJson(ProbeJson(), "probe");
            REQUIRE(probe.Ok());
            const rapidjson::Value& f = (*probe)["figure"];
            REQUIRE(f.IsObject());
            CHECK(std::string(f["values"]["figure.panel"].GetString()) == PanelKey(panel));
            CHECK(std::string(f["values"]["figure.mix"].GetString()).find("method: ") != std::string::npos);
            CHECK(std::string(f["values"]["figure.credit"].GetString()).rfind("Data: ", 0) == 0);
            // With the build tree's CJK chunks read, every character of either dataset has a glyph.
            if (CurrentFontStats().HasCjk) CHECK(f["fallbackGlyphs"].GetInt() == 0);
            const char* names[] = { "figure.title", "figure.dataset", "figure.mix", "figure.chart", "figure.credit", "figure.brand" };
            Rect rects[6];
            for (int i = 0; i < 6; i++) {
                CAPTURE(names[i]);
                rects[i] = ItemOf(f["items"], names[i]);
                CHECK(rects[i].W > 0);
                CHECK(rects[i].X >= 0);
                CHECK(rects[i].Y >= 0);
                CHECK(rects[i].X + rects[i].W <= kFigureWidth);
                CHECK(rects[i].Y + rects[i].H <= kFigureHeight);
            }
            for (int i = 0; i < 6; i++)
                for (int j = i + 1; j < 6; j++) CHECK_MESSAGE(Apart(rects[i], rects[j]), names[i], " overlaps ", names[j]);
            CHECK(rects[2].Y < rects[3].Y);  // header, chart, footer: top to bottom
            CHECK(rects[3].Y + rects[3].H <= rects[4].Y);

            h.Frame();  // back to the app: its record, its density
            Result<rapidjson::Document> after = ParseJson(ProbeJson(), "probe");
            REQUIRE(after.Ok());
            CHECK_FALSE((*after)["items"].HasMember("figure.title"));
            CHECK((*after)["items"].HasMember("topbar.theme"));
            h.Frame();
            CHECK(CurrentFontStats().RasterScale == doctest::Approx(1.0f));
        }
    }
}

TEST_CASE("the mix line names the heaviest sources first, with their shares and the method")
{
    Harness h(1440.0f, 900.0f);
    h.LoadSmall();
    h.Frames(2);
    const Dataset& data = h.State.ActiveSession.Data();
    const int qq = data.FindSource("qq");
    REQUIRE(qq >= 0);
    REQUIRE(h.State.ActiveSession.SetSourceWeight((uint32_t)qq, 3.0).Ok());
    const FigureText text = MakeFigureText(h.State, Panel_Chart);
    CHECK(text.Mix.rfind("Your mix: qq 75%", 0) == 0);
    CHECK(text.Mix.find("melon 25%") != std::string::npos);
    CHECK(text.Mix.find(", method: ") != std::string::npos);
    CHECK(text.Period == data.Periods[h.State.ActiveSession.Period()].Label);
    CHECK(MakeFigureText(h.State, Panel_History).Period == data.Periods.front().Label + " to " + data.Periods.back().Label);
    CHECK(MakeFigureText(h.State, Panel_Chart, 1).Mix.find("1 more") != std::string::npos);
}

} // TEST_SUITE
