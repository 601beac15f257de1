#include "core/session/opening_view.h"

#include <algorithm>
#include <vector>

namespace chartmix {

DataTraits TraitsOf(const Dataset& data)
{
    DataTraits traits;
    traits.HasMixable = data.HasMixableSource();
    const size_t n = data.Sources.size();
    std::vector<uint8_t> ranked(n, 0), units(n, 0), present(n, 0);
    for (size_t e = 0; e < data.EntryCount(); e++) {
        const uint32_t s = data.EntrySource[e];
        present[s] = 1;
        ranked[s] |= data.EntryRank[e] != kNoRank;
        units[s] |= data.EntryUnits[e] == data.EntryUnits[e];  // not NaN
    }
    for (size_t s = 0; s < n; s++) {
        if (!present[s] || data.Sources[s].IsOfficial == traits.HasMixable) continue;
        traits.AllRanked &= ranked[s] != 0;
        traits.AllWithUnits &= units[s] != 0;
    }
    return traits;
}

Mix OpeningMix(const Dataset& data)
{
    const DataTraits traits = TraitsOf(data);
    Mix mix;
    if (traits.HasMixable) mix.Weights.push_back(SourceSetting{ "*", 1.0 });
    else
        for (const Source& s : data.Sources) mix.Weights.push_back(SourceSetting{ s.Key, 1.0 });
    // Rank points work on every chart that lists ranks; a share of units on those that list only units.
    mix.Norm = traits.AllRanked || !traits.AllWithUnits ? Normalization::RankPoints : Normalization::Share;
    return mix;
}

uint32_t OpeningPeriod(const Dataset& data)
{
    const uint32_t periods = (uint32_t)data.Periods.size();
    if (periods == 0) return 0;
    uint32_t most_charts = 0;
    for (uint32_t p = 0; p < periods; p++) most_charts = std::max(most_charts, data.PeriodGroupBegin[p + 1] - data.PeriodGroupBegin[p]);
    std::vector<uint32_t> entries;
    auto entries_of = [&](uint32_t p) {
        const uint32_t first = data.PeriodGroupBegin[p], last = data.PeriodGroupBegin[p + 1];
        return first == last ? 0u : data.Groups[last - 1].End - data.Groups[first].Begin;
    };
    for (uint32_t p = 0; p < periods; p++)
        if (data.PeriodGroupBegin[p + 1] - data.PeriodGroupBegin[p] == most_charts) entries.push_back(entries_of(p));
    std::nth_element(entries.begin(), entries.begin() + entries.size() / 2, entries.end());
    const uint32_t enough = (entries[entries.size() / 2] + 1) / 2;
    for (uint32_t p = periods; p-- > 0;)
        if (data.PeriodGroupBegin[p + 1] - data.PeriodGroupBegin[p] == most_charts && entries_of(p) >= enough) return p;
    return periods - 1;
}

} // namespace chartmix
