// The plotting layer's layout arithmetic, without a frame: series reduced to the pixel grid, nice
// tick steps, and end labels dodged apart.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "ui/plot.h"

using namespace chartmix::ui;

namespace {

PlotArea MakeArea(float width, double x_max)
{
    PlotArea area;
    area.Min = ImVec2(10, 10);
    area.Max = ImVec2(10 + width, 210);
    area.XMin = 0;
    area.XMax = x_max;
    area.YMin = 0.5;
    area.YMax = 20.5;
    area.InvertY = true;
    return area;
}

// The reduced points of a series at x = 0, 1, 2, … on a plot 600 px wide.
ImVector<ImVec2> Reduce(const std::vector<float>& ys, ImVector<int>* runs)
{
    std::vector<float> xs(ys.size());
    for (size_t i = 0; i < xs.size(); i++) xs[i] = (float)i;
    ImVector<ImVec2> points;
    DecimateSeries(MakeArea(600, (double)ys.size() - 1), xs.data(), ys.data(), (int)ys.size(), &points, runs);
    return points;
}

} // namespace

TEST_SUITE("plot") {

TEST_CASE("a dense series is reduced to at most four points per pixel column, inside the area") {
    const int count = 100000;
    std::vector<float> xs(count), ys(count);
    for (int i = 0; i < count; i++) { xs[i] = (float)i; ys[i] = 1.0f + (float)((i * 7919) % 20); }
    PlotArea area = MakeArea(300.0f, count - 1);
    ImVector<ImVec2> points;
    ImVector<int> runs;
    DecimateSeries(area, xs.data(), ys.data(), count, &points, &runs);
    CHECK(runs.Size == 1);
    CHECK(points.Size <= 4 * 301);
    CHECK(points.Size >= 300);
    for (const ImVec2& p : points) {
        CHECK(p.x >= area.Min.x);
        CHECK(p.x <= area.Max.x);
        CHECK(p.y >= area.Min.y);
        CHECK(p.y <= area.Max.y);
    }
    // Each column keeps its extremes: the whole range of ranks still shows.
    float top = 1e9f, bottom = -1e9f;
    for (const ImVec2& p : points) { top = std::fmin(top, p.y); bottom = std::fmax(bottom, p.y); }
    CHECK(top == doctest::Approx(area.ToPixels(0, 1).y));
    CHECK(bottom == doctest::Approx(area.ToPixels(0, 20).y));
}

TEST_CASE("a sparse series keeps every point, NaN splits it, flat stretches keep their ends") {
    const float nan = NAN;
    ImVector<int> runs;
    SUBCASE("every point of a changing series") {
        CHECK(Reduce({ 1, 2, 3, 2, 1, 2, 3 }, &runs).Size == 7);
    }
    SUBCASE("a gap ends a run") {
        Reduce({ 1, 2, nan, nan, 1, 2, 3 }, &runs);
        REQUIRE(runs.Size == 2);
        CHECK(runs[0] == 2);
        CHECK(runs[1] == 5);
    }
    SUBCASE("a flat stretch") {
        ImVector<ImVec2> points = Reduce({ 3, 3, 3, 3, 3, 3, 1 }, &runs);
        REQUIRE(points.Size == 3);
        CHECK(points[1].x == doctest::Approx(MakeArea(600, 6).ToPixels(5, 3).x));
    }
}

TEST_CASE("nice steps are 1, 2 or 5 times a power of ten") {
    CHECK(NiceStep(10, 10) == doctest::Approx(1));
    CHECK(NiceStep(10, 4) == doctest::Approx(5));
    CHECK(NiceStep(100, 6) == doctest::Approx(20));
    CHECK(NiceStep(1.0, 4) == doctest::Approx(0.5));
    CHECK(NiceStep(0.7, 3) == doctest::Approx(0.5));
    CHECK(NiceStep(0.7, 2) == doctest::Approx(0.5));
    CHECK(NiceStep(0.0, 3) == 1.0);
}

TEST_CASE("end labels are dodged apart, keep their order, and the lowest priority goes first") {
    const float h = 16.0f;
    SUBCASE("crowded anchors spread out in order") {
        std::vector<EndLabel> labels(4);
        const float ys[] = { 100, 101, 99, 102 };
        for (int i = 0; i < 4; i++) { labels[i].Anchor = ImVec2(0, ys[i]); labels[i].Priority = i; }
        DodgeLabels(labels.data(), 4, 0, 400, h);
        std::vector<EndLabel*> by_anchor = { &labels[2], &labels[0], &labels[1], &labels[3] };
        for (size_t i = 1; i < by_anchor.size(); i++) CHECK(by_anchor[i]->Top >= by_anchor[i - 1]->Top + h - 1e-3f);
        for (const EndLabel& l : labels) CHECK(l.Shown);
    }
    SUBCASE("labels stay inside the band") {
        std::vector<EndLabel> labels(3);
        for (int i = 0; i < 3; i++) { labels[i].Anchor = ImVec2(0, 199); labels[i].Priority = i; }
        DodgeLabels(labels.data(), 3, 0, 200, h);
        for (const EndLabel& l : labels) { CHECK(l.Top >= 0); CHECK(l.Top + h <= 200 + 1e-3f); }
    }
    SUBCASE("too many for the space: the lowest priority is hidden") {
        std::vector<EndLabel> labels(5);
        for (int i = 0; i < 5; i++) { labels[i].Anchor = ImVec2(0, 10.0f * i); labels[i].Priority = 4 - i; }
        DodgeLabels(labels.data(), 5, 0, 3 * h + 1, h);
        CHECK_FALSE(labels[0].Shown);
        CHECK_FALSE(labels[1].Shown);
        CHECK(labels[2].Shown);
        CHECK(labels[4].Shown);
    }
}

}
