#pragma once
// The mix controls: one weight slider and on/off switch per source, grouped by region and kind,
// presets, method and normalization with a one-line explanation each, and a reset.
#include <cstdint>
#include <vector>

#include <imgui.h>

#include "ui/app_state.h"

namespace chartmix::ui {

struct SourcesPanel {
    std::vector<uint32_t> Order;        // sources grouped by region then kind (built once per dataset)
    std::vector<double> WeightBeforeOff;  // per source: what the switch restores
    uint64_t SeenGeneration = 0;  // Session::DataGeneration() the order was built for
    size_t SeenSources = 0;
    int PresetIndex = -1;
    int PresetForNewData = -1;          // the preset to show once the next dataset is in               // last preset applied (for honesty labels), -1 = none
    double SliderMax = 10.0;            // top of every weight slider; grows with the mix, never while dragging
    int TypingSource = -1;              // source whose typed field is active, -1 = none
    double TypedWeight = 0.0;           // the number in that field while it is edited
    std::vector<ImVec4> SliderRects;    // per source: last drawn slider (min.x, min.y, max.x, max.y), for tests

    void Draw(AppState& state);
    // The embed layout: only the weight sliders, no grouping or menus.
    void DrawCompact(AppState& state);

private:
    void Refresh(AppState& state);
    void DrawSourceRow(AppState& state, uint32_t source);
    void DrawMixMenus(AppState& state);
    void SourceTooltip(AppState& state, uint32_t source);
};

// One line each: what the method or normalization does (for combos and tooltips).
const char* MethodExplanation(Method method);
const char* NormalizationExplanation(Normalization norm);

} // namespace chartmix::ui
