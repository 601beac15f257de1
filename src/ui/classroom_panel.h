#pragma once
// Classroom mode: step through Borda, Schulze, Kemeny or MC4 on the top 5-8 songs of the period,
// with the formula and citation on screen; the Condorcet-cycle lesson; and, on the simulated
// market only, "which method recovers the truth best" (table and tau-vs-noise plot).
#include <cstdint>
#include <string>
#include <vector>

#include "core/demo/classroom.h"
#include "ui/app_state.h"

namespace chartmix::ui {

struct ClassroomPanel {
    int MethodIndex = 0;
    int Candidates = 5;
    int Step = 0;
    bool Playing = false;
    float PlayClock = 0.0f;

    uint64_t SeenRevision = 0;
    int SeenCandidates = 0, SeenMethod = -1;
    std::string Error;
    Election Vote;
    StepThrough Steps;
    std::vector<std::string> Labels;          // "A  title", per candidate
    std::vector<std::string> Letters;
    std::vector<const char*> LabelPtrs, LetterPtrs;
    std::vector<std::string> FittedLabels;    // per frame: Labels cut to the matrix's row-label room
    std::vector<std::string> NoiseLabels;     // recovery plot's x labels ("σ 0.1")
    std::vector<const char*> NoisePtrs;
    std::vector<float> Bars;                  // scratch: one step's values

    const Dataset* CycleData = nullptr;
    int CycleCandidates = 0;
    bool HasCycleSearch = false;
    CondorcetSearch Cycle;

    const Dataset* RecoveryData = nullptr;
    bool HasRecovery = false;
    std::string RecoveryError;
    RecoveryTable Recovery;

    void Draw(AppState& state);

private:
    void Refresh(AppState& state);
    void DrawStep(AppState& state);
    void DrawCondorcet(AppState& state);
    void DrawRecovery(AppState& state);
};

} // namespace chartmix::ui
