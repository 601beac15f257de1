#include <cfloat>
#include <cmath>

#include <imgui_internal.h>

#include "ui/plot.h"

namespace chartmix::ui {

namespace {

// One pixel column's extremes, in data order, so the reduced line keeps its shape there.
struct ColumnBucket {
    int Column = INT32_MIN;
    ImVec2 First, Last, Low, High;  // Low: smallest pixel y (highest on screen)
    int LowOrder = 0, HighOrder = 0, Seen = 0;
};

void AppendPoint(ImVector<ImVec2>* points, int run_start, ImVec2 p)
{
    int n = points->Size - run_start;
    if (n >= 1 && points->back().x == p.x && points->back().y == p.y) return;
    // A flat stretch needs only its two ends: ranks hold still for weeks at a time.
    if (n >= 2 && (*points)[points->Size - 2].y == p.y && points->back().y == p.y) { points->back() = p; return; }
    points->push_back(p);
}

void FlushBucket(ColumnBucket* bucket, ImVector<ImVec2>* points, int run_start)
{
    if (bucket->Seen == 0) return;
    AppendPoint(points, run_start, bucket->First);
    if (bucket->LowOrder <= bucket->HighOrder) { AppendPoint(points, run_start, bucket->Low); AppendPoint(points, run_start, bucket->High); }
    else { AppendPoint(points, run_start, bucket->High); AppendPoint(points, run_start, bucket->Low); }
    AppendPoint(points, run_start, bucket->Last);
    bucket->Seen = 0;
    bucket->Column = INT32_MIN;
}

} // namespace

void DecimateSeries(const PlotArea& area, const float* xs, const float* ys, int count, ImVector<ImVec2>* points, ImVector<int>* run_ends)
{
    points->resize(0);
    run_ends->resize(0);
    ColumnBucket bucket;
    int run_start = 0;
    auto end_run = [&]() {
        FlushBucket(&bucket, points, run_start);
        if (points->Size > run_start) run_ends->push_back(points->Size);
        run_start = points->Size;
    };
    for (int i = 0; i < count; i++) {
        if (std::isnan(ys[i])) { end_run(); continue; }
        ImVec2 p = area.ToPixels(xs[i], ys[i]);
        int column = (int)std::floor(p.x);
        if (column != bucket.Column) {
            FlushBucket(&bucket, points, run_start);
            bucket.Column = column;
            bucket.First = bucket.Last = bucket.Low = bucket.High = p;
            bucket.LowOrder = bucket.HighOrder = 0;
            bucket.Seen = 1;
            continue;
        }
        bucket.Last = p;
        if (p.y < bucket.Low.y) { bucket.Low = p; bucket.LowOrder = bucket.Seen; }
        if (p.y > bucket.High.y) { bucket.High = p; bucket.HighOrder = bucket.Seen; }
        bucket.Seen++;
    }
    end_run();
}

void NoteDrawn(const PlotArea& area, const ImVec2* points, int count)
{
    for (int i = 0; i < count; i++) {
        area.DrawnMin = ImVec2(ImMin(area.DrawnMin.x, points[i].x), ImMin(area.DrawnMin.y, points[i].y));
        area.DrawnMax = ImVec2(ImMax(area.DrawnMax.x, points[i].x), ImMax(area.DrawnMax.y, points[i].y));
    }
}

} // namespace chartmix::ui
