#include "core/session/session.h"

#include <algorithm>
#include <cmath>

#include "core/base/out_of_memory.h"
#include "core/rank/mix_json.h"
#include "core/session/opening_view.h"
#include "core/session/ranking_export.h"

namespace chartmix {

Session::Session()
{
    Status st = LoadDemo(1);
    assert(st.Ok() && "the built-in simulated market always generates");
    (void)st;
}

Mix Session::DefaultMix() const
{
    return OpeningMix(*Data_);
}

void Session::Adopt(std::unique_ptr<Dataset> data, std::string ref, std::unique_ptr<DemoMarket> demo)
{
    const uint32_t opening = OpeningPeriod(*data);
    const Mix opening_mix = OpeningMix(*data);  // walks every entry once: computed once per load
    auto engine = std::make_unique<Engine>(*data);
    // A mix is kept only when it ranks something in the opening period: a mix that fitted the old
    // data (rank points over ranked charts) can leave new data (units only) with an empty chart.
    Ranking probe;
    auto fits = [&](const Mix& mix) { return engine->SetMix(mix).Ok() && engine->Rank(opening, 1, &probe).Ok() && !probe.Songs.empty(); };
    bool placed = false;
    if (Engine_) {
        // The user's choices carry over: the method and its settings, and every weight whose
        // source the new data still has.
        const Mix previous = Engine_->CurrentMix();
        placed = fits(previous);
        if (!placed) {
            Mix mix = previous;
            mix.Weights.clear();
            mix.Ratios.clear();
            mix.FilterSources.clear();
            const auto& weights = Engine_->Resolved().Weight;
            for (const Source& s : data->Sources) {
                if (s.IsOfficial) continue;
                double w = 1.0;
                for (size_t old = 0; old < weights.size() && old < Data_->Sources.size(); old++)
                    if (Data_->Sources[old].Key == s.Key) w = weights[old];
                mix.Weights.push_back(SourceSetting{ s.Key, w });
            }
            placed = fits(mix);
            if (!placed) {
                // The method stays when the data's own scoring suits it; otherwise the opening mix whole.
                Mix with_method = opening_mix;
                with_method.RankMethod = previous.RankMethod;
                placed = fits(with_method) || fits(opening_mix);
            }
        }
    }
    if (!placed && !fits(opening_mix)) {
        Mix fallback = opening_mix;
        fallback.RankMethod = Method::Borda;
        Status borda = engine->SetMix(fallback);
        if (!borda) borda = engine->SetMix(opening_mix);
        (void)borda;  // nothing ranks here: the dataset still opens, and its chart says it is empty
    }
    Engine_ = std::move(engine);
    Data_ = std::move(data);
    Demo_ = std::move(demo);
    DatasetRef_ = std::move(ref);
    Period_ = opening;
    Selected_.clear();
    DataGeneration_++;
    ContentChanged();
}

Status Session::LoadDemo(uint64_t seed)
{
    return GuardMemory("generating the simulated market", [&] { return LoadDemoUnguarded(seed); });
}

Status Session::LoadDemoUnguarded(uint64_t seed)
{
    DemoMarketParams params;
    params.Seed = seed;
    params.Weeks = 26;
    Result<DemoMarket> market = GenerateDemoMarket(params);
    if (!market) return market.Err();
    auto demo = std::make_unique<DemoMarket>(market.Take());
    // The dataset moves into the session; the DemoMarket keeps only the ground truth.
    auto data = std::make_unique<Dataset>(std::move(demo->Data));
    Adopt(std::move(data), seed == 1 ? "demo" : "demo:" + std::to_string(seed), std::move(demo));
    Report_ = LoadReport();
    return OkStatus();
}

Status Session::LoadFiles(const std::vector<InputFile>& files, const LoadOptions& options, std::string ref)
{
    return GuardMemory("copying the files", [&] { return LoadFiles(std::vector<InputFile>(files), options, std::move(ref)); });
}

Status Session::LoadFiles(std::vector<InputFile>&& files, const LoadOptions& options, std::string ref)
{
    // Everything is built aside (the dataset, its engine, the carried-over mix) and Adopt commits it
    // with moves alone, so running out of memory anywhere on the way leaves the session as it was.
    return GuardMemory("loading the files", [&]() -> Status {
        Result<LoadedDataset> loaded = LoadDataset(std::move(files), options);
        if (!loaded) return loaded.Err();
        if (loaded->Data.EntryCount() == 0) return MakeError("the files hold no chart entries: nothing was loaded, and the current data stays.");
        LoadedDataset ld = loaded.Take();
        Adopt(std::make_unique<Dataset>(std::move(ld.Data)), std::move(ref), nullptr);
        Report_ = std::move(ld.Report);
        return OkStatus();
    });
}

Status Session::SetMix(const Mix& mix)
{
    // A refused mix leaves the engine as it was (Engine::SetMix commits only on success).
    Status st = GuardMemory("applying the mix", [&] { return Engine_->SetMix(mix); });
    if (st) ContentChanged();
    return st;
}

Status Session::SetMixJson(std::string_view json)
{
    return GuardMemory("reading the mix", [&] {
        Result<Mix> mix = ParseMix(json, "mix");
        if (!mix) return Status(mix.Err());
        return SetMix(*mix);
    });
}

Status Session::SetSourceWeight(uint32_t source, double weight)
{
    if (source >= Data_->Sources.size()) return MakeFieldError("source", "there is no source number " + std::to_string(source) + ".");
    if (!std::isfinite(weight) || weight < 0) return MakeFieldError("weights." + Data_->Sources[source].Key, "must be a finite number >= 0");
    // Explicit per-source weights make the slider's meaning exact whatever selectors the mix used.
    const Mix& current = Engine_->CurrentMix();
    bool explicit_weights = current.Weights.size() >= 1;
    for (const SourceSetting& s : current.Weights) explicit_weights = explicit_weights && Data_->FindSource(s.Selector) >= 0;
    if (explicit_weights && Data_->FindSource(Data_->Sources[source].Key) >= 0) {
        bool listed = false;
        for (const SourceSetting& s : current.Weights) listed = listed || s.Selector == Data_->Sources[source].Key;
        if (listed) {
            Status st = GuardMemory("changing the weight", [&] { return Engine_->SetWeight(source, weight); });
            if (st) ContentChanged();
            return st;
        }
    }
    return GuardMemory("changing the weight", [&] {
        Mix mix = current;
        mix.Weights.clear();
        const auto& weights = Engine_->Resolved().Weight;
        for (size_t s = 0; s < Data_->Sources.size(); s++) {
            double w = s == source ? weight : weights[s];
            if (w > 0 || s == source || !Data_->Sources[s].IsOfficial) mix.Weights.push_back(SourceSetting{ Data_->Sources[s].Key, w });
        }
        return SetMix(mix);
    });
}

Status Session::SetPeriod(uint32_t period)
{
    if (period >= Data_->Periods.size()) return MakeFieldError("period", "there is no period number " + std::to_string(period) + ".");
    if (period != Period_) { Period_ = period; Touch(); }
    return OkStatus();
}

const Ranking& Session::CurrentRanking()
{
    if (RankingRevision_ != Revision_) {
        if (Data_->Periods.empty() || !Engine_->Rank(Period_, 0, &Ranking_)) Ranking_ = Ranking();
        RankingRevision_ = Revision_;
    }
    return Ranking_;
}

const History& Session::CurrentHistory(int top_n)
{
    if (HistoryRevision_ != ContentRevision_ || HistoryTopN_ != top_n) {
        if (!Engine_->RankHistory(top_n, &History_)) History_ = History();
        HistoryPasses_++;
        HistoryRevision_ = ContentRevision_;
        HistoryTopN_ = top_n;
    }
    return History_;
}

std::string Session::RankingJson(int top_n)
{
    Ranking r = CurrentRanking();
    if (top_n > 0 && r.Songs.size() > (size_t)top_n) {
        r.Songs.resize(top_n);
        r.Scores.resize(top_n);
    }
    return RankingToJson(*Engine_, r);
}

ViewState Session::CurrentView() const
{
    ViewState view;
    view.DatasetRef = DatasetRef_;
    if (!Data_->Periods.empty()) view.PeriodLabel = Data_->Periods[Period_].Label;
    view.MixJson = SerializeMix(Engine_->CurrentMix());
    view.Selected = Selected_;
    view.Panel = Panel;
    return view;
}

void Session::ApplyView(const ViewState& view, std::string* notice)
{
    std::string skipped;
    if (!view.MixJson.empty()) {
        if (Status st = SetMixJson(view.MixJson); !st) skipped += "the mix (" + st.Err().ToString() + "); ";
    }
    if (!view.PeriodLabel.empty()) {
        int p = Data_->FindPeriod(view.PeriodLabel);
        if (p < 0 || !SetPeriod((uint32_t)p)) skipped += "the period '" + view.PeriodLabel + "' (not in this data); ";
    }
    Selected_.clear();
    for (uint32_t id : view.Selected)
        if (id < Data_->Songs.size()) Selected_.push_back(id);
    if (Selected_.size() != view.Selected.size()) skipped += "songs that are not in this data; ";
    if (!view.Panel.empty()) Panel = view.Panel;
    Touch();
    if (notice) *notice = skipped.empty() ? "" : "The link's view was applied except " + skipped.substr(0, skipped.size() - 2) + ".";
}

} // namespace chartmix
