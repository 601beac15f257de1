#include "ui/keyboard_focus.h"
#include "ui/classroom_panel.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/plot.h"
#include "ui/ui_probe.h"
#include "ui/ui_common.h"
#include "ui/theme_colors.h"

namespace chartmix::ui {

namespace {

void DrawFormula(const std::string& formula)
{
    const ImVec2 pad(ImGui::GetFontSize() * 0.4f, ImGui::GetFontSize() * 0.25f);
    const float wrap = ImMax(ImGui::GetContentRegionAvail().x - pad.x * 2, ImGui::GetFontSize() * 4);
    const ImVec2 size = ImGui::CalcTextSize(formula.c_str(), nullptr, false, wrap);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + size.x + pad.x * 2, pos.y + size.y + pad.y * 2), ImGui::GetColorU32(ImGuiCol_FrameBg), 4.0f);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad.x, pos.y + pad.y));
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + wrap);
    ImGui::TextUnformatted(formula.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, pad.y));
}

} // namespace

void ClassroomPanel::Refresh(AppState& state)
{
    Session& session = state.ActiveSession;
    if (SeenRevision == session.Revision() && SeenCandidates == Candidates && SeenMethod == MethodIndex) return;
    const Dataset& data = session.Data();
    const bool new_election = SeenRevision != session.Revision() || SeenCandidates != Candidates;
    if (new_election) {
        Result<Election> election = ElectionFromPeriod(data, session.Period(), Candidates);
        Error = election ? "" : election.Err().Message;
        Vote = election ? election.Take() : Election();
    }
    Steps = StepThrough();
    if (Error.empty()) {
        Result<StepThrough> steps = StepThroughMethod((ClassroomMethod)MethodIndex, Vote);
        if (steps) Steps = steps.Take();
        else Error = steps.Err().Message;
    }
    const int n = Vote.CandidateCount();
    Labels.resize((size_t)n);
    Letters.resize((size_t)n);
    LabelPtrs.resize((size_t)n);
    LetterPtrs.resize((size_t)n);
    for (int i = 0; i < n; i++) {
        Letters[(size_t)i] = std::string(1, (char)('A' + i));
        Labels[(size_t)i] = Letters[(size_t)i] + "  " + Vote.Candidates[(size_t)i];
    }
    for (int i = 0; i < n; i++) { LabelPtrs[(size_t)i] = Labels[(size_t)i].c_str(); LetterPtrs[(size_t)i] = Letters[(size_t)i].c_str(); }
    if (Step >= (int)Steps.Steps.size() || new_election || SeenMethod != MethodIndex) Step = 0;
    SeenRevision = session.Revision();
    SeenCandidates = Candidates;
    SeenMethod = MethodIndex;
}

void ClassroomPanel::DrawStep(AppState& state)
{
    const float em = ImGui::GetFontSize();
    const int count = (int)Steps.Steps.size();
    if (count == 0) return;
    if (state.Figure) ImGui::TextDisabled("Step %d of %d", ImClamp(Step, 0, count - 1) + 1, count);
    else {
        if (ImGui::ArrowButton("##back", ImGuiDir_Left) && Step > 0) Step--;
        ImGui::SameLine();
        if (ImGui::Button(Playing ? "Pause" : "Play")) { Playing = !Playing; PlayClock = 0; if (Playing && Step == count - 1) Step = 0; }
        ImGui::SameLine();
        if (ImGui::ArrowButton("##fwd", ImGuiDir_Right) && Step + 1 < count) Step++;
        ProbeItem("classroom.next");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImMax(ImGui::GetContentRegionAvail().x, em * 6));
        // One counter, counted from 1 like the caption's steps: the slider shows "step 6/12".
        char step_format[32];
        std::snprintf(step_format, sizeof(step_format), "step %%d/%d", count);
        int shown = Step + 1;
        if (ImGui::SliderInt("##step", &shown, 1, count, step_format) | KeyboardSliderInt(state, &shown, 1, count)) Step = shown - 1;
        if (Playing) {
            PlayClock += ImGui::GetIO().DeltaTime;
            if (PlayClock > 0.8f) { PlayClock = 0; if (Step + 1 < count) Step++; else Playing = false; }
        }
    }
    Step = ImClamp(Step, 0, count - 1);
    const ClassroomStep& step = Steps.Steps[(size_t)Step];
    ImGui::TextWrapped("%s", step.Caption.c_str());
    const int n = Vote.CandidateCount();

    if (!step.Values.empty() && (int)step.Values.size() == n) {
        double max_v = 0;
        for (double v : step.Values) max_v = ImMax(max_v, v);
        char overlay[32];
        // On a phone the bar gives up width so that the title beside it fits, cut with an ellipsis when it must.
        const float bar = ImMin(em * 10, ImGui::GetContentRegionAvail().x * 0.45f);
        for (int i = 0; i < n; i++) {
            std::snprintf(overlay, sizeof(overlay), Steps.Method == ClassroomMethod::Mc4 ? "%.3f" : "%.1f", step.Values[(size_t)i]);
            ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImGui::ColorConvertU32ToFloat4(SeriesColor(i)));
            ImGui::ProgressBar(max_v > 0 ? (float)(step.Values[(size_t)i] / max_v) : 0.0f, ImVec2(bar, 0), overlay);
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::TextUnformatted(FitText(Labels[(size_t)i], ImGui::GetContentRegionAvail().x).c_str());
        }
    }
    if (!step.Matrix.empty() && (int)step.Matrix.size() == n * n) {
        double max_v = 0;
        for (double v : step.Matrix) max_v = ImMax(max_v, v);
        ImGui::TextDisabled(Steps.Method == ClassroomMethod::Schulze && step.Index >= 0 ? "Strongest paths: row beats column by" : "Voters ranking row above column");
        // Row labels take the width the cells leave, cut with an ellipsis only when they must be.
        const float cell = em * 2.4f;
        const float room = ImMax(ImGui::GetContentRegionAvail().x - cell * n - em * 0.5f, em * 4);
        FittedLabels.resize((size_t)n);
        for (int i = 0; i < n; i++) { FittedLabels[(size_t)i] = FitText(Labels[(size_t)i], room); LabelPtrs[(size_t)i] = FittedLabels[(size_t)i].c_str(); }
        PlotHeatMatrix("matrix", step.Matrix.data(), n, n, 0.0, max_v, LabelPtrs.data(), LetterPtrs.data(), "%.0f", cell);
    }
    if (Steps.Method == ClassroomMethod::Kemeny)
        ImGui::Text("This order disagrees with the ballots on %.0f pairs; the best so far on %.0f.", step.Objective, step.BestObjective);
    if (Steps.Method == ClassroomMethod::Mc4 && step.Index >= 0) ImGui::Text("Change since the last iteration: %.2e", step.Objective);
    const std::vector<int>& order = !step.Best.empty() ? step.Best : step.Order;
    std::string line = Steps.Method == ClassroomMethod::Kemeny ? "Best order so far: " : "Order now: ";
    for (size_t i = 0; i < order.size(); i++) {
        if (i) line += " > ";
        if (order[i] >= 0 && order[i] < n) line += Letters[(size_t)order[i]];
    }
    ImGui::TextWrapped("%s", line.c_str());
    ProbeValue("classroom.step", std::to_string(Step + 1) + "/" + std::to_string(count));
    ProbeValue("classroom.order", line);
    ProbeValue("classroom.formula", Steps.Formula);
    std::string result;
    for (size_t i = 0; i < Steps.Result.size(); i++) {
        if (i) result += " > ";
        if (Steps.Result[i] >= 0 && Steps.Result[i] < n) result += Letters[(size_t)Steps.Result[i]];
    }
    ProbeValue("classroom.result", result);
}

void ClassroomPanel::DrawCondorcet(AppState& state)
{
    const Dataset& data = state.ActiveSession.Data();
    if (CycleData != &data || CycleCandidates != Candidates) {
        Result<CondorcetSearch> found = SearchCondorcetCycles(data, Candidates);
        HasCycleSearch = found.Ok();
        if (found) Cycle = found.Take();
        CycleData = &data;
        CycleCandidates = Candidates;
    }
    ImGui::TextWrapped("Majorities can go round in circles: more voters rank A above B, B above C, and C above A.");
    if (!HasCycleSearch) { ImGui::TextDisabled("No period could be searched."); return; }
    ImGui::TextWrapped("Periods whose top %d hold a majority cycle: %d of %d.", Candidates, Cycle.PeriodsWithCycle, Cycle.PeriodsSearched);
    if (Cycle.Period < 0) { ImGui::TextWrapped("%s", Cycle.Report.Explanation.c_str()); return; }
    ImGui::Text("First one: %s", data.Periods[(size_t)Cycle.Period].Label.c_str());
    std::string chain;
    for (size_t i = 0; i < Cycle.Report.Cycle.size(); i++) {
        chain += Cycle.Where.Candidates[(size_t)Cycle.Report.Cycle[i]];
        chain += " \xE2\x86\x92 ";
    }
    if (!Cycle.Report.Cycle.empty()) chain += Cycle.Where.Candidates[(size_t)Cycle.Report.Cycle[0]];
    ImGui::TextWrapped("%s", chain.c_str());
    ImGui::TextWrapped("%s", Cycle.Report.Explanation.c_str());
    if (ImGui::Button("Go to that period")) ReportStatus(state, state.ActiveSession.SetPeriod((uint32_t)Cycle.Period));
}

void ClassroomPanel::DrawRecovery(AppState& state)
{
    Session& session = state.ActiveSession;
    const DemoMarket* demo = session.Demo();
    if (!demo) return;
    if (RecoveryData != &session.Data()) {
        HasRecovery = false;
        RecoveryError.clear();
        RecoveryData = &session.Data();
    }
    ImGui::TextWrapped("Simulated market only: its true popularity is known, so we can measure how close each method gets "
                       "(mean Kendall \xCF\x84-b to the truth; 1 = perfect).");
    if (!HasRecovery && RecoveryError.empty()) {
        const bool run = ImGui::Button("Run the experiment");
        ProbeItem("classroom.recovery.run");
        if (run) {
            RecoveryParams params;
            params.Market = demo->Params;
            params.Candidates = ImMin(Candidates, 6);
            params.Trials = 2;
            Result<RecoveryTable> table = RunRecoveryExperiment(params);
            HasRecovery = table.Ok();
            if (table) Recovery = table.Take();
            else RecoveryError = table.Err().Message;
        }
        return;
    }
    if (!RecoveryError.empty()) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::Error), "%s", RecoveryError.c_str()); return; }
    const int cols = (int)Recovery.NoiseLevels.size(), rows = (int)Recovery.Rows.size();
    if (ImGui::BeginTable("recovery", cols + 1, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("method \\ noise \xCF\x83");
        char head[32];
        for (int c = 0; c < cols; c++) { std::snprintf(head, sizeof(head), "%.2g", Recovery.NoiseLevels[(size_t)c]); ImGui::TableSetupColumn(head); }
        ImGui::TableHeadersRow();
        for (int r = 0; r < rows; r++) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(Recovery.Rows[(size_t)r].c_str());
            for (int c = 0; c < cols; c++) { ImGui::TableNextColumn(); ImGui::Text("%.3f", Recovery.At(r, c)); }
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("%d elections per cell", Recovery.Elections);
    const float em = ImGui::GetFontSize();
    std::vector<float>& xs = Bars;
    xs.resize((size_t)cols * 2);
    float* ys = xs.data() + cols;
    double lo = 1.0;
    for (double t : Recovery.Tau) lo = ImMin(lo, t);
    const float label_w = ImMin(em * 9, ImGui::GetContentRegionAvail().x * 0.3f);
    PlotArea area = BeginPlotArea("tau_noise", ImVec2(-1, em * 12), -0.2, cols - 0.8, ImMin(lo, 0.5) - 0.05, 1.02, false, em * 2.5f, em * 1.5f);
    area.Max.x -= label_w;
    area.XMax = cols - 1 + 0.2;
    PlotAxisY(area, "%.2f", 0.0, "classroom.recovery.y");
    NoiseLabels.resize((size_t)cols);
    NoisePtrs.resize((size_t)cols);
    for (int c = 0; c < cols; c++) {
        char head[32];
        std::snprintf(head, sizeof(head), "\xCF\x83 %.2g", Recovery.NoiseLevels[(size_t)c]);
        NoiseLabels[(size_t)c] = head;
        NoisePtrs[(size_t)c] = NoiseLabels[(size_t)c].c_str();
    }
    PlotLabelsX(area, NoisePtrs.data(), cols, "classroom.recovery.x");
    for (int c = 0; c < cols; c++) xs[(size_t)c] = (float)c;
    std::vector<EndLabel> ends((size_t)rows);
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) ys[c] = (float)Recovery.At(r, c);
        PlotLine(area, xs.data(), ys, cols, SeriesColor(r), 2.0f, 3.0f);
        ends[(size_t)r].Anchor = area.ToPixels(cols - 1, ys[cols - 1]);
        ends[(size_t)r].Text = Recovery.Rows[(size_t)r].c_str();
        ends[(size_t)r].Color = SeriesColor(r);
        ends[(size_t)r].Priority = r;
    }
    DrawEndLabels(ends.data(), rows, area.Max.x + em * 0.3f, area.Min.y - em * 0.5f, area.Max.y + em * 0.5f, label_w - em * 0.3f,
                  "classroom.recovery.labels");
    HintWrapped("x: measurement noise (\xCF\x83 of each platform's log-normal error); y: mean \xCF\x84-b to the true popularity.");
}

void ClassroomPanel::Draw(AppState& state)
{
    const Dataset& data = state.ActiveSession.Data();
    static const char* const kMethods[] = { "Borda", "Schulze", "Kemeny", "MC4" };
    const float em = ImGui::GetFontSize();
    if (!state.Figure) {
        ImGui::SetNextItemWidth(em * 8);
        if (ImGui::BeginCombo("##method", kMethods[MethodIndex])) {
            for (int i = 0; i < IM_ARRAYSIZE(kMethods); i++) {
                if (ImGui::Selectable(kMethods[i], i == MethodIndex)) MethodIndex = i;
                ProbeItem((std::string("classroom.method.") + kMethods[i]).c_str());
            }
            ImGui::EndCombo();
        }
        ProbeItem("classroom.method");
        ProbeValue("classroom.method", kMethods[MethodIndex]);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 8);
        ImGui::SliderInt("##candidates", &Candidates, 3, kClassroomMaxCandidates, "%d songs");
        KeyboardSliderInt(state, &Candidates, 3, kClassroomMaxCandidates);
        SimulatedBadgeBeside(data);
    }
    Refresh(state);
    if (!Error.empty()) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::Error), "%s", Error.c_str()); return; }
    ImGui::TextWrapped("Each chart of %s is a ballot over the period's top %d songs (%zu ballots).",
                       data.Periods.empty() ? "" : data.Periods[state.ActiveSession.Period()].Label.c_str(), Candidates, Vote.Ballots.size());
    // A figure shows the method's step as it stands (its title is the figure's); the other sections stay in the app.
    if (state.Figure || ImGui::CollapsingHeader(Steps.Title.empty() ? kMethods[MethodIndex] : Steps.Title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        // The formula in the text colour on a faint frame: red would read as an error.
        DrawFormula(Steps.Formula);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", Steps.Citation.c_str());
        ImGui::PopTextWrapPos();
        for (size_t i = 0; i < Labels.size(); i++) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", Labels[i].c_str());  // a long title wraps on a phone instead of running off
        }
        DrawStep(state);
    }
    if (state.Figure) return;
    if (ImGui::CollapsingHeader("Condorcet cycles")) DrawCondorcet(state);  // short: a header cannot wrap on a phone
    if (state.ActiveSession.Demo()) {
        const bool open = ImGui::CollapsingHeader("Which method recovers the truth best?");
        ProbeItem("classroom.recovery");
        if (open) DrawRecovery(state);
    }
}

} // namespace chartmix::ui
