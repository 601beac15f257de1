#pragma once
// One user's working session: the loaded dataset, the ranking engine over it, the mix, and the
// view around them (period, selected songs, open panel). The app's panels and the browser's JS API
// both act through it, so a weight changed by a slider or by a script shows the same ranking.
//
// Loading never loses work: a failed load leaves the previous dataset and mix in place, and a
// successful one keeps every weight whose source still exists. Running out of memory is one more
// failure of this kind (core/base/out_of_memory.h): loads and mix changes return it as an Error.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/dataset.h"
#include "core/data/importer.h"
#include "core/demo/demo_market.h"
#include "core/rank/engine.h"
#include "core/rank/mix.h"
#include "core/session/view_state.h"

namespace chartmix {

class Session {
public:
    // Starts on the built-in simulated market (seed 1).
    Session();

    const Dataset& Data() const { return *Data_; }
    Engine& GetEngine() { return *Engine_; }
    // "demo", "demo:<seed>", "url:…", "catalog:…", "file:…": what a shared link names.
    const std::string& DatasetRef() const { return DatasetRef_; }
    // The simulated market behind the current dataset, or null for real data.
    const DemoMarket* Demo() const { return Demo_.get(); }
    const LoadReport& LastLoadReport() const { return Report_; }

    // Replaces the dataset with the simulated market for this seed.
    Status LoadDemo(uint64_t seed);
    // Loads files (a canonical CSV, or a manifest and its files). On failure nothing changes.
    Status LoadFiles(const std::vector<InputFile>& files, const LoadOptions& options, std::string ref);
    // The same, consuming the files' bytes (one copy of each in memory during the load, not two).
    Status LoadFiles(std::vector<InputFile>&& files, const LoadOptions& options, std::string ref);

    const Mix& CurrentMix() const { return Engine_->CurrentMix(); }
    // The default mix for the current data (OpeningMix): equal weights over every non-official
    // source, scored the way the charts publish (rank points, or a share of units).
    Mix DefaultMix() const;
    // Sets the whole mix. On failure the previous mix stays and the error names the field.
    Status SetMix(const Mix& mix);
    Status SetMixJson(std::string_view json);
    // Slider path: one source's weight. Rewrites the mix as explicit per-source weights first.
    Status SetSourceWeight(uint32_t source, double weight);
    // Current effective weight of each source as the mix resolves it (0 when excluded).
    const std::vector<double>& SourceWeights() const { return Engine_->Resolved().Weight; }

    uint32_t Period() const { return Period_; }
    Status SetPeriod(uint32_t period);
    std::vector<uint32_t>& Selected() { return Selected_; }
    std::string Panel = "chart";

    // The composite chart of the current period (every ranked song), recomputed when stale.
    const Ranking& CurrentRanking();
    // Top-n of every period, recomputed when stale.
    const History& CurrentHistory(int top_n);
    // The current ranking as JSON (RankingToJson), at most top_n songs (all when <= 0).
    std::string RankingJson(int top_n);

    // Increases on every change a subscriber may care about (data, mix, period, selection).
    uint64_t Revision() const { return Revision_; }
    void Touch() { Revision_++; }
    // How many times the whole history was ranked (it is redone only when data or mix change,
    // not when the period or the selection moves: playing through time must not re-rank it all).
    uint64_t HistoryPasses() const { return HistoryPasses_; }
    // Changes on every load, and only then: how a view knows the data is new (a new dataset can
    // sit at the address of the one it replaced, so the address does not tell).
    uint64_t DataGeneration() const { return DataGeneration_; }

    // The shareable view: dataset reference, period, mix, selection, panel.
    ViewState CurrentView() const;
    // Applies a decoded view to the loaded data (the caller loads the dataset it names first).
    // Parts that do not fit the data are skipped, and *notice says which.
    void ApplyView(const ViewState& view, std::string* notice);

private:
    Status LoadDemoUnguarded(uint64_t seed);
    // Commits a loaded dataset; everything that allocates happens before the first member changes.
    void Adopt(std::unique_ptr<Dataset> data, std::string ref, std::unique_ptr<DemoMarket> demo);

    std::unique_ptr<Dataset> Data_;
    std::unique_ptr<Engine> Engine_;
    std::unique_ptr<DemoMarket> Demo_;
    std::string DatasetRef_;
    LoadReport Report_;
    uint32_t Period_ = 0;
    std::vector<uint32_t> Selected_;
    void ContentChanged() { ContentRevision_++; Touch(); }

    uint64_t Revision_ = 1;
    uint64_t ContentRevision_ = 1;  // data and mix only: what the history depends on
    uint64_t HistoryPasses_ = 0;
    uint64_t DataGeneration_ = 0;
    uint64_t RankingRevision_ = 0;
    Ranking Ranking_;
    uint64_t HistoryRevision_ = 0;
    int HistoryTopN_ = 0;
    History History_;
};

} // namespace chartmix
