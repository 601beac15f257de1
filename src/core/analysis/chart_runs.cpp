#include "core/analysis/chart_runs.h"

#include <algorithm>
#include <unordered_map>

namespace chartmix {

std::vector<ChartRun> ComputeChartRuns(const History& h)
{
    std::vector<ChartRun> runs;
    std::unordered_map<uint32_t, size_t> index;
    const uint32_t periods = h.Offsets.empty() ? 0 : (uint32_t)h.Offsets.size() - 1;
    for (uint32_t p = 0; p < periods; p++) {
        for (uint32_t i = h.Offsets[p]; i < h.Offsets[p + 1]; i++) {
            uint32_t song = h.Songs[i];
            int rank = (int)(i - h.Offsets[p]) + 1;
            auto [it, fresh] = index.try_emplace(song, runs.size());
            if (fresh) {
                ChartRun r;
                r.Song = song;
                r.DebutPeriod = p;
                r.DebutRank = rank;
                r.Peak = rank;
                r.PeakPeriod = p;
                r.LastPeriod = p;
                runs.push_back(std::move(r));
            }
            ChartRun& r = runs[it->second];
            r.Trajectory.resize(p - r.DebutPeriod + 1, 0);
            r.Trajectory[p - r.DebutPeriod] = (uint16_t)std::min(rank, 65535);
            r.LastPeriod = p;
            r.WeeksOnChart++;
            if (rank == 1) r.WeeksAtNumberOne++;
            if (rank < r.Peak) { r.Peak = rank; r.PeakPeriod = p; }
        }
    }
    std::sort(runs.begin(), runs.end(), [](const ChartRun& a, const ChartRun& b) {
        if (a.Peak != b.Peak) return a.Peak < b.Peak;
        if (a.WeeksOnChart != b.WeeksOnChart) return a.WeeksOnChart > b.WeeksOnChart;
        if (a.DebutPeriod != b.DebutPeriod) return a.DebutPeriod < b.DebutPeriod;
        return a.Song < b.Song;
    });
    return runs;
}

History SourceHistory(const Dataset& data, uint32_t source, int top_n)
{
    History h;
    h.Offsets.assign(1, 0);
    for (uint32_t p = 0; p < data.Periods.size(); p++) {
        for (uint32_t gi = data.PeriodGroupBegin[p]; gi < data.PeriodGroupBegin[p + 1]; gi++) {
            const EntryGroup& g = data.Groups[gi];
            if (g.Source != source) continue;
            int count = 0;
            for (uint32_t e = g.Begin; e < g.End; e++) {
                if (data.EntryRank[e] == kNoRank || (top_n > 0 && count >= top_n)) break;
                h.Songs.push_back(data.EntrySong[e]);
                h.Scores.push_back((double)data.EntryRank[e]);
                count++;
            }
        }
        h.Offsets.push_back((uint32_t)h.Songs.size());
    }
    return h;
}

} // namespace chartmix
