// The sensitivity panel's hover: which flip point lies under the mouse, on curves with more flip
// points than a packed curve*1000+step key could tell apart (issue #22).
#include <doctest/doctest.h>

#include <vector>

#include "ui/sensitivity_panel.h"

using namespace chartmix;
using namespace chartmix::ui;

namespace {

// Curve 0 flips 1,200 times (weight k/1000, rank 1 or 2); curve 1 flips twice, further down.
std::vector<RankCurve> ManyFlips()
{
    std::vector<RankCurve> curves(2);
    curves[0].Song = 7;
    for (int k = 0; k <= 1200; k++) curves[0].Steps.push_back(RankStep{ k / 1000.0, 1 + k % 2 });
    curves[1].Song = 9;
    curves[1].Steps = { RankStep{ 0.0, 3 }, RankStep{ 0.5, 4 }, RankStep{ 0.9, 5 } };
    return curves;
}

// 6,000 px for weights 0 .. 1.3: flip points of curve 0 lie 4.6 px apart.
PlotArea Area()
{
    PlotArea area;
    area.Min = ImVec2(0, 0);
    area.Max = ImVec2(6000, 200);
    area.XMax = 1.3;
    area.YMin = 0.5;
    area.YMax = 5.5;
    area.InvertY = true;
    return area;
}

} // namespace

TEST_SUITE("sensitivity_panel") {

TEST_CASE("the flip point under the mouse keeps its curve and step apart past 1,000 steps")
{
    const std::vector<RankCurve> curves = ManyFlips();
    PlotArea area = Area();
    SUBCASE("step 1001 of curve 0, which a curve*1000+step key confuses with step 1 of curve 1") {
        area.Mouse = area.ToPixels(curves[0].Steps[1001].From, curves[0].Steps[1001].Rank);
        const FlipPoint hit = FlipPointUnderMouse(curves, area, area.XMax, 5, 2.0f);
        CHECK(hit.Curve == 0);
        CHECK(hit.Step == 1001);
    }
    SUBCASE("step 1 of curve 1") {
        area.Mouse = area.ToPixels(curves[1].Steps[1].From, curves[1].Steps[1].Rank);
        const FlipPoint hit = FlipPointUnderMouse(curves, area, area.XMax, 5, 2.0f);
        CHECK(hit.Curve == 1);
        CHECK(hit.Step == 1);
    }
    SUBCASE("nothing within the radius, and nothing past the plotted weights") {
        area.Mouse = ImVec2(5990, 100);
        CHECK(FlipPointUnderMouse(curves, area, area.XMax, 5, 2.0f).Curve == -1);
        area.Mouse = area.ToPixels(curves[0].Steps[1100].From, curves[0].Steps[1100].Rank);
        CHECK(FlipPointUnderMouse(curves, area, 1.05, 5, 2.0f).Curve == -1);
    }
}

}
