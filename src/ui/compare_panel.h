#pragma once
// Official chart against your mix as a slope graph, with Kendall tau-b, Spearman's footrule and
// rank-biased overlap (core agreement API); and a source-against-source agreement matrix.
#include <cstdint>
#include <string>
#include <vector>

#include "core/analysis/agreement.h"
#include "ui/app_state.h"

namespace chartmix::ui {

struct ComparePanel {
    int Depth = 20;
    int MatrixMetric = 0;            // 0 = RBO, 1 = tau-b
    std::string Against;             // "" = the official chart; a region ("CN") = your mix on that region's charts alone
    std::string SeenAgainst, AgainstError;

    uint64_t SeenRevision = 0;
    int SeenDepth = 0, SeenMetric = -1;
    int Official = -1;
    ListAgreement Agreement;
    std::vector<int> LeftRanks, RightRanks;   // per item of the union: official rank, mix rank (0 = absent)
    std::vector<std::string> ItemLabels;
    std::vector<const char*> ItemLabelPtrs;
    std::vector<uint32_t> ItemSongs;
    std::vector<uint32_t> MatrixSources;      // sources that published this period
    std::vector<double> Matrix;
    std::vector<std::string> RowLabels, ColLabels;
    std::vector<const char*> RowLabelPtrs, ColLabelPtrs;
    std::vector<std::string> FittedRowLabels;     // RowLabels cut to the width a phone leaves them
    std::vector<const char*> FittedRowLabelPtrs;

    void Draw(AppState& state);

private:
    void Refresh(AppState& state);
    void DrawAgainstCombo(AppState& state);
};

} // namespace chartmix::ui
