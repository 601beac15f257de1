// Classroom analyses built on the step-throughs: Condorcet cycles, Kendall tau, and the experiment
// "which method recovers the true popularity best?" on the simulated market.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/analysis/agreement.h"
#include "core/demo/classroom.h"

namespace chartmix {

// [SECTION] Condorcet cycles

static std::string Tally(double a, double b)
{
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%g to %g", a, b);
    return buf;
}

CondorcetReport FindCondorcetCycle(const Election& election)
{
    CondorcetReport report;
    const int n = election.CandidateCount();
    std::vector<double> d = PairwiseCounts(election);
    auto beats = [&](int a, int b) { return d[(size_t)a * n + b] > d[(size_t)b * n + a]; };
    for (int a = 0; a < n && report.Winner < 0; a++) {
        bool all = true;
        for (int b = 0; b < n && all; b++) all = b == a || beats(a, b);
        if (all) report.Winner = a;
    }
    // Shortest cycle through the majority graph: breadth-first search from each start, lowest first.
    for (int start = 0; start < n; start++) {
        std::vector<int> parent(n, -1), queue{ start };
        std::vector<char> seen(n, 0);
        int closing = -1;
        for (size_t q = 0; q < queue.size() && closing < 0; q++) {
            int a = queue[q];
            for (int b = 0; b < n; b++) {
                if (!beats(a, b)) continue;
                if (b == start) { closing = a; break; }
                if (!seen[b] && b != start) { seen[b] = 1; parent[b] = a; queue.push_back(b); }
            }
        }
        if (closing < 0) continue;
        std::vector<int> cycle;
        for (int c = closing; c != -1; c = parent[c]) cycle.push_back(c);
        std::reverse(cycle.begin(), cycle.end());
        if (report.Cycle.empty() || cycle.size() < report.Cycle.size()) report.Cycle = cycle;
    }

    const auto& names = election.Candidates;
    if (!report.Cycle.empty()) {
        std::string text;
        for (size_t i = 0; i < report.Cycle.size(); i++) {
            int a = report.Cycle[i], b = report.Cycle[(i + 1) % report.Cycle.size()];
            text += (i ? ", " : "") + names[a] + " beats " + names[b] + " (" + Tally(d[(size_t)a * n + b], d[(size_t)b * n + a]) + ")";
        }
        report.Explanation = "Condorcet cycle: " + text + ". ";
        report.Explanation += report.Winner >= 0 ? names[report.Winner] + " still beats every other candidate head to head."
                                                 : "Every candidate on it loses to another by majority, so majority preference is not transitive here.";
    } else if (report.Winner >= 0) {
        report.Explanation = "No Condorcet cycle: " + names[report.Winner] + " is the Condorcet winner, beating every other candidate head to head.";
    } else {
        report.Explanation = "No Condorcet cycle, but no Condorcet winner either: some pairs are tied.";
    }
    return report;
}

Result<CondorcetSearch> SearchCondorcetCycles(const Dataset& data, int candidates)
{
    if (candidates < 2 || candidates > kClassroomMaxCandidates)
        return MakeFieldError("candidates", "Classroom elections take between 2 and 8 candidates.");
    CondorcetSearch search;
    for (uint32_t p = 0; p < data.Periods.size(); p++) {
        Result<Election> e = ElectionFromPeriod(data, p, candidates);
        if (!e || e->Ballots.empty()) continue;
        search.PeriodsSearched++;
        CondorcetReport report = FindCondorcetCycle(*e);
        if (report.Cycle.empty()) continue;
        if (search.PeriodsWithCycle++ == 0) {
            search.Period = (int)p;
            search.Where = e.Take();
            search.Report = std::move(report);
        }
    }
    if (search.Period < 0) {
        search.Report.Explanation = "No period of the data has a Condorcet cycle among its top " + std::to_string(candidates) +
                                    " songs (" + std::to_string(search.PeriodsSearched) + " periods searched).";
    }
    return search;
}

// [SECTION] The recovery experiment (Kendall tau-b from agreement.h)

Result<RecoveryTable> RunRecoveryExperiment(const RecoveryParams& params)
{
    if (params.NoiseLevels.empty()) return MakeFieldError("noise_levels", "Give at least one noise level.");
    if (params.Candidates < 2 || params.Candidates > kClassroomMaxCandidates)
        return MakeFieldError("candidates", "Classroom elections take between 2 and 8 candidates.");
    if (params.Trials < 1 || params.Trials > 100) return MakeFieldError("trials", "Trials must be between 1 and 100.");
    RecoveryTable table;
    table.NoiseLevels = params.NoiseLevels;
    const int columns = (int)params.NoiseLevels.size();
    for (int m = 0; m < kClassroomMethodCount; m++) table.Rows.push_back(ClassroomMethodTitle((ClassroomMethod)m));
    table.Tau.assign((size_t)kClassroomMethodCount * columns, 0.0);
    for (int col = 0; col < columns; col++) {
        int elections = 0;
        for (int trial = 0; trial < params.Trials; trial++) {
            DemoMarketParams mp = params.Market;
            mp.Seed = params.Market.Seed + (uint64_t)trial;
            mp.Noise = params.NoiseLevels[col];
            Result<DemoMarket> market = GenerateDemoMarket(mp);
            if (!market) return market.Err();
            for (uint32_t p = 0; p < market->PeriodCount(); p++) {
                std::vector<uint32_t> songs = market->TrueRanking(p);
                if ((int)songs.size() < params.Candidates) continue;
                songs.resize(params.Candidates);
                Result<Election> e = ElectionForSongs(market->Data, p, songs);
                if (!e) {
                    if (e.Err().Field == "candidates") return e.Err();
                    continue;
                }
                if (e->Ballots.empty()) continue;
                const int n = e->CandidateCount();
                std::vector<double> truth(n);
                for (int c = 0; c < n; c++) truth[c] = market->TrueValue(p, e->Songs[c]);
                for (int m = 0; m < kClassroomMethodCount; m++) {
                    Result<std::vector<int>> order = ClassroomOrder((ClassroomMethod)m, *e);
                    if (!order) return order.Err();
                    std::vector<double> score(n);
                    for (int i = 0; i < n; i++) score[(*order)[i]] = (double)(n - i);
                    table.Tau[(size_t)m * columns + col] += KendallTauB(score, truth);
                }
                elections++;
            }
        }
        if (elections == 0) return MakeError("The simulated market produced no election to measure: add songs or weeks.");
        for (int m = 0; m < kClassroomMethodCount; m++) table.Tau[(size_t)m * columns + col] /= elections;
        table.Elections = elections;
    }
    return table;
}

} // namespace chartmix
