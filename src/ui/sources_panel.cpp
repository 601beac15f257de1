#include "ui/keyboard_focus.h"
#include "ui/sources_panel.h"
#include "ui/ui_probe.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/data/source_labels.h"
#include "core/rank/presets.h"
#include "ui/plot.h"
#include "ui/native_text_input.h"
#include "ui/ui_common.h"
#include "ui/theme_colors.h"

namespace chartmix::ui {

namespace {

// How a missing song is scored, as the end of "A song missing from a chart …".
const char* MissingPolicyTitle(MissingPolicy p)
{
    switch (p) {
    case MissingPolicy::NextRank: return "counts as one place below the chart's last rank";
    case MissingPolicy::Zero: return "gets no points from it";
    case MissingPolicy::Ignore: return "is scored on the other charts alone";
    }
    return "";
}

} // namespace

static const Method kMethods[] = { Method::WeightedSum, Method::Borda, Method::Dowdall, Method::ReciprocalRank,
                                   Method::PointsTable, Method::Copeland, Method::Schulze, Method::Kemeny, Method::Markov };
static const Normalization kNorms[] = { Normalization::Share, Normalization::Units, Normalization::MinMax,
                                        Normalization::ZScore, Normalization::RankPoints };

const char* MethodExplanation(Method method)
{
    switch (method) {
    case Method::WeightedSum: return "Weighted sum: each chart's normalized score times its weight, added up.";
    case Method::Borda: return "Borda: a chart of depth N gives N+1-rank points; points are weighted and added.";
    case Method::Dowdall: return "Dowdall: 1/rank points per chart (the Eurovision-style steep top).";
    case Method::ReciprocalRank: return "Reciprocal rank fusion: 1/(k+rank) per chart, k = 60 (Cormack et al. 2009).";
    case Method::PointsTable: return "Points table: a fixed rank-to-points table, like Music Bank or a countdown show.";
    case Method::Copeland: return "Copeland: pairwise duels between songs; wins minus losses.";
    case Method::Schulze: return "Schulze: strongest beat-paths between songs (Schulze 2011).";
    case Method::Kemeny: return "Kemeny: the order with the fewest pairwise disagreements with all charts.";
    case Method::Markov: return "MC4: a random walk moving to a song most charts prefer (Dwork et al. 2001).";
    }
    return "";
}

const char* NormalizationExplanation(Normalization norm)
{
    switch (norm) {
    case Normalization::Units: return "Units: raw streams/sales divided by the source's conversion ratio.";
    case Normalization::MinMax: return "Min-max: 0 for the chart's lowest entry, 1 for its highest.";
    case Normalization::ZScore: return "z-score: distance from the chart's mean in standard deviations.";
    case Normalization::Share: return "Share: the song's fraction of all units on that chart.";
    case Normalization::RankPoints: return "Rank points: 1 for #1 down to 1/depth for the last listed song.";
    }
    return "";
}

void SourcesPanel::Refresh(AppState& state)
{
    const Dataset& data = state.ActiveSession.Data();
    if (SeenGeneration == state.ActiveSession.DataGeneration() && SeenSources == data.Sources.size()) return;
    SeenGeneration = state.ActiveSession.DataGeneration();
    SeenSources = data.Sources.size();
    Order = SourceDisplayOrder(data);
    WeightBeforeOff.assign(data.Sources.size(), 1.0);
    SliderRects.assign(data.Sources.size(), ImVec4(0, 0, 0, 0));
    TypingSource = -1;
    PresetIndex = PresetForNewData;  // a preset chosen with the data (the welcome's starting points), or none
    PresetForNewData = -1;
}

void SourcesPanel::SourceTooltip(AppState& state, uint32_t source)
{
    const Source& src = state.ActiveSession.Data().Sources[source];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    TextView(src.Name);
    ImGui::TextDisabled("%s \xC2\xB7 %s%s", src.Region.empty() ? "no region" : src.Region.c_str(), SourceKindTitle(src.Kind, false),
                        src.IsOfficial ? " \xC2\xB7 official chart: compared against, mixed only when weighted" : "");
    ImGui::TextDisabled("key in mixes and links: %s", src.Key.c_str());
    if (src.Depth > 0) ImGui::Text("Top %d, %s", src.Depth, src.UnitName.empty() ? "ranks only" : src.UnitName.c_str());
    if (state.ActiveSession.Data().Simulated) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::Caution), "Simulated platform: invented numbers.");
    ImGui::Text("Source: %s", src.Citation.empty() ? "(no citation given)" : src.Citation.c_str());
    if (PresetIndex >= 0 && PresetIndex < (int)Presets().size()) {
        const Preset& preset = Presets()[(size_t)PresetIndex];
        for (const PresetNumber& n : preset.Numbers) {
            std::string_view field = n.Field;
            if (field.rfind("weights.", 0) != 0 && field.rfind("ratios.", 0) != 0) continue;
            std::string_view selector = field.substr(field.find('.') + 1);
            if (MatchSelector(selector, src) < 0) continue;
            ImGui::Separator();
            ImGui::Text("%s %s = %g  [%s]", preset.Title.c_str(), n.Field.c_str(), n.Value, HonestyName(n.Label));
            if (!n.Citation.empty()) ImGui::TextDisabled("%s", n.Citation.c_str());
        }
        if (!preset.WeightsPublished) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::Caution), "This chart never published its weights: estimates.");
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void SourcesPanel::DrawSourceRow(AppState& state, uint32_t source)
{
    Session& session = state.ActiveSession;
    const Source& src = session.Data().Sources[source];
    const std::vector<double>& weights = session.SourceWeights();
    const double weight = source < weights.size() ? weights[source] : 0.0;
    ImGui::PushID((int)source);
    // Colour swatch: the same colour as this source's slice of the chart's contribution bars.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.25f), ImVec2(p.x + h * 0.3f, p.y + h * 0.75f), SeriesColor((int)source));
    ImGui::Dummy(ImVec2(h * 0.35f, h));
    ImGui::SameLine();
    // The full name, wrapped: regions of one platform differ only at the end of their names.
    ImGui::PushTextWrapPos(0.0f);
    if (src.IsOfficial && weight <= 0.0) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", src.Name.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered()) SourceTooltip(state, source);
        ImGui::PopID();
        return;
    }
    bool on = weight > 0.0;
    if (ImGui::Checkbox("##on", &on)) {
        if (!on) WeightBeforeOff[source] = weight;
        const double w = on ? (WeightBeforeOff[source] > 0 ? WeightBeforeOff[source] : 1.0) : 0.0;
        ReportStatus(state, session.SetSourceWeight(source, w));
    }
    if (ImGui::IsItemHovered()) SourceTooltip(state, source);
    ProbeItem(("sources.on." + src.Key).c_str());
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (on) TextView(src.Name);
    else ImGui::TextDisabled("%s", src.Name.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemHovered()) SourceTooltip(state, source);
    ProbeItem(("sources.name." + src.Key).c_str());
    ProbeValue(("sources.name." + src.Key).c_str(), src.Name);

    // Second line: a logarithmic slider (a weight can be tripled or cut to a tenth by dragging),
    // the exact number to type, and a reset to the default weight.
    ImGui::Dummy(ImVec2(h * 0.35f, 1.0f));
    ImGui::SameLine();
    const char* reset_label = "Reset";
    const float typed_w = ImGui::GetFontSize() * 3.6f;
    const float reset_w = ImGui::CalcTextSize(reset_label).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    const float slider_w = ImMax(ImGui::GetContentRegionAvail().x - typed_w - reset_w - spacing * 2.0f, ImGui::GetFontSize() * 4.0f);
    ImGui::SetNextItemWidth(slider_w);
    double lo = 0.0, hi = SliderMax;
    double edited = weight;
    if (ImGui::SliderScalar("##w", ImGuiDataType_Double, &edited, &lo, &hi, "", ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_NoInput) |
        KeyboardSliderRatio(state, &edited, lo, hi, true)) {
        if (edited < 0) edited = 0;
        if (edited != weight) ReportStatus(state, session.SetSourceWeight(source, edited));
    }
    if (ImGui::IsItemHovered()) SourceTooltip(state, source);
    ProbeItem(("sources.weight." + src.Key).c_str());
    if (source < SliderRects.size()) SliderRects[source] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(typed_w);
    double typed = TypingSource == (int)source ? TypedWeight : weight;
    ImGui::InputDouble("##typed", &typed, 0.0, 0.0, "%.2f", ImGuiInputTextFlags_CharsScientific | ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::IsItemActive()) {
        TypingSource = (int)source;
        TypedWeight = typed;
        char text[32];
        std::snprintf(text, sizeof(text), "%.2f", typed);
        OfferNativeTextInput(state, text);
    }
    HelpTooltip("The weight as a number: type it, then Enter.");
    ProbeItem(("sources.typed." + src.Key).c_str());
    const bool entered = NativeTextInputSubmitted(state);
    if (entered) ImGui::ClearActiveID();
    if ((entered || ImGui::IsItemDeactivated()) && TypingSource == (int)source) {
        TypingSource = -1;
        if (typed != weight) ReportStatus(state, session.SetSourceWeight(source, typed < 0 ? 0.0 : typed));
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(weight == 1.0);
    if (ImGui::Button(reset_label)) ReportStatus(state, session.SetSourceWeight(source, 1.0));
    ImGui::EndDisabled();
    HelpTooltip("Back to the default weight, 1.");
    ProbeItem(("sources.reset." + src.Key).c_str());
    char shown[32];
    std::snprintf(shown, sizeof(shown), "%.2f", weight);
    ProbeValue(("sources.weight." + src.Key).c_str(), shown);
    ImGui::PopID();
}

void SourcesPanel::DrawMixMenus(AppState& state)
{
    Session& session = state.ActiveSession;
    const Mix& mix = session.CurrentMix();
    // The built-in presets are parsed on first use (Presets()), not for the first frame.
    const char* preset_label = PresetIndex >= 0 && PresetIndex < (int)Presets().size() ? Presets()[(size_t)PresetIndex].Title.c_str() : "Choose a preset…";
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##preset", preset_label)) {
        const std::vector<Preset>& presets = Presets();
        for (size_t i = 0; i < presets.size(); i++) {
            const Preset& preset = presets[i];
            if (ImGui::Selectable(preset.Title.c_str(), (int)i == PresetIndex)) {
                Status st = session.SetMix(preset.Mix_);
                ReportStatus(state, st);
                if (st) PresetIndex = (int)i;
            }
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
                ImGui::TextUnformatted(preset.Description.c_str());
                if (!preset.WeightsPublished) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::Caution), "Weights never published: every number is an estimate.");
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##method", MethodTitle(mix.RankMethod))) {
        for (Method m : kMethods) {
            if (ImGui::Selectable(MethodTitle(m), m == mix.RankMethod)) {
                Mix next = mix;
                next.RankMethod = m;
                // A policy that was only the old method's default follows the new method's.
                if (mix.Missing == DefaultMissing(mix.RankMethod)) next.Missing = DefaultMissing(m);
                ReportStatus(state, session.SetMix(next));
            }
            ProbeItem((std::string("sources.method.") + MethodName(m)).c_str());
            HelpTooltip(MethodExplanation(m));
        }
        ImGui::EndCombo();
    }
    ProbeItem("sources.method");
    ImGui::TextWrapped("%s", MethodExplanation(session.CurrentMix().RankMethod));
    const Mix& now = session.CurrentMix();
    HintWrapped("A song missing from a chart %s (%s).", MissingPolicyTitle(now.Missing),
                now.Missing == DefaultMissing(now.RankMethod) ? "this method's default" : "set by the mix");
    ProbeValue("sources.missing", MissingPolicyName(now.Missing));
    if (session.CurrentMix().RankMethod == Method::WeightedSum) {
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::BeginCombo("##norm", NormalizationTitle(mix.Norm))) {
            for (Normalization n : kNorms) {
                if (ImGui::Selectable(NormalizationTitle(n), n == mix.Norm)) {
                    Mix next = session.CurrentMix();
                    next.Norm = n;
                    ReportStatus(state, session.SetMix(next));
                }
                HelpTooltip(NormalizationExplanation(n));
            }
            ImGui::EndCombo();
        }
        ImGui::TextWrapped("%s", NormalizationExplanation(session.CurrentMix().Norm));
    }
    if (ImGui::Button("Reset the mix")) {
        ReportStatus(state, session.SetMix(session.DefaultMix()));
        PresetIndex = -1;
    }
}

void SourcesPanel::Draw(AppState& state)
{
    Refresh(state);
    Session& session = state.ActiveSession;
    const Dataset& data = session.Data();
    SimulatedBadge(data);
    DrawMixMenus(state);
    if (!ImGui::IsAnyItemActive()) {
        // At least ten times the default weight, and room to double the largest one.
        SliderMax = 10.0;
        for (double w : session.SourceWeights()) SliderMax = std::max(SliderMax, 2.0 * w);
    }
    ImGui::Separator();
    std::string_view region, kind;
    bool region_open = true;
    for (uint32_t s : Order) {
        const Source& src = data.Sources[s];
        if (src.Region != region) {
            if (!region.empty() && region_open) ImGui::TreePop();
            region = src.Region;
            kind = {};
            ImGui::SetNextItemOpen(true, ImGuiCond_Once);
            region_open = ImGui::TreeNodeEx(src.Region.empty() ? "(no region)" : src.Region.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth, "%s",
                                            src.Region.empty() ? "(no region)" : src.Region.c_str());
        }
        if (!region_open) continue;
        if (SourceKindTitle(src.Kind, src.IsOfficial) != kind) {
            kind = SourceKindTitle(src.Kind, src.IsOfficial);
            ImGui::TextDisabled("%s", SourceKindTitle(src.Kind, src.IsOfficial));
        }
        DrawSourceRow(state, s);
    }
    if (!region.empty() && region_open) ImGui::TreePop();
}

void SourcesPanel::DrawCompact(AppState& state)
{
    Refresh(state);
    const Dataset& data = state.ActiveSession.Data();
    for (uint32_t s = 0; s < data.Sources.size(); s++)
        if (!data.Sources[s].IsOfficial) DrawSourceRow(state, s);
}

} // namespace chartmix::ui
