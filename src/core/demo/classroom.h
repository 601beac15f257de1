#pragma once
// Classroom mode: voting methods shown step by step on a handful of songs, so a teacher can walk a
// class through how Borda, Schulze, Kemeny and MC4 reach their results, find a Condorcet cycle in
// real-looking data, and measure which method recovers the simulated market's ground truth best.
//
// This is didactic code, written independently of the ranking engine (engine.h): plain loops over
// at most a few candidates, recording every intermediate state. Tests check that its final states
// agree with the engine, which makes each a cross-check of the other.
//
// Ballots: each source's chart in one period is a ballot over the candidates. A chart lists only
// some songs; the candidates it leaves out tie at the bottom of that ballot.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/data/dataset.h"
#include "core/demo/demo_market.h"

namespace chartmix {

enum class ClassroomMethod : uint8_t { Borda, Schulze, Kemeny, Mc4 };
constexpr int kClassroomMethodCount = 4;
// "borda", "schulze", "kemeny", "mc4" (the spelling used by mixes).
const char* ClassroomMethodKey(ClassroomMethod method);
// "Borda count", "Schulze method", ... for titles and table rows.
const char* ClassroomMethodTitle(ClassroomMethod method);

// Most candidates a step-through accepts: Kemeny tries all n! orderings (8! = 40,320).
constexpr int kClassroomMaxCandidates = 8;

struct Ballot {
    std::string Label;          // who cast it: "Melon weekly top 100", "5 voters"
    double Weight = 1.0;        // how many identical voters it stands for
    std::vector<int> Place;     // per candidate: 1-based place; 0 = not ranked (ties at the bottom)
};

struct Election {
    std::vector<std::string> Candidates;  // display names
    std::vector<uint32_t> Songs;          // dataset song id per candidate; empty for hand-made elections
    std::vector<Ballot> Ballots;

    int CandidateCount() const { return (int)Candidates.size(); }
};

// Builds an election from ballots written as "A>C>B" with a voter count each: the way textbooks and
// Wikipedia print preference profiles. Candidates left off a ballot tie at its bottom.
// Example: MakeElection({ "A", "B", "C" }, { { "A>B>C", 2 }, { "C>B", 1 } })
Result<Election> MakeElection(const std::vector<std::string>& candidates,
                              const std::vector<std::pair<std::string, double>>& ballots);
// One period of a dataset as an election: the candidates are the top `candidates` songs by Borda
// points over the full charts (depth + 1 - rank, equal weights), the ballots are the period's
// non-official charts that list at least one candidate.
Result<Election> ElectionFromPeriod(const Dataset& data, uint32_t period, int candidates);

// An election over chosen songs of one period (the recovery experiment picks the true top songs, so
// every noise level orders the same candidates). Ballots as in ElectionFromPeriod.
Result<Election> ElectionForSongs(const Dataset& data, uint32_t period, const std::vector<uint32_t>& songs);

// Pairwise majority counts: d[a * n + b] = total weight of ballots ranking a above b.
std::vector<double> PairwiseCounts(const Election& election);

// One state of a step-through, small enough to draw: a few numbers per candidate and at most an
// n x n matrix.
struct ClassroomStep {
    std::string Caption;         // one sentence: what this step did
    std::vector<double> Values;  // per candidate: Borda tally, MC4 probability; empty otherwise
    std::vector<double> Matrix;  // n x n: pairwise counts or strongest paths (Schulze); empty otherwise
    std::vector<int> Order;      // candidates best first as this state stands
    std::vector<int> Best;       // Kemeny: the best ordering so far; empty otherwise
    double Objective = 0.0;      // Kemeny: disagreements of Order; MC4: L1 change of the vector
    double BestObjective = 0.0;  // Kemeny: disagreements of Best
    int Index = -1;              // Borda: ballot added; Schulze: intermediate k; MC4: iteration; Kemeny: ordering
};

struct StepThrough {
    ClassroomMethod Method = ClassroomMethod::Borda;
    std::string Title;
    std::string Formula;         // plain-text formula, as shown next to the steps
    std::string Citation;
    std::vector<std::string> Candidates;
    std::vector<ClassroomStep> Steps;
    std::vector<int> Result;     // final order, best first (the last step's order)
};

// The sequence of states by which a method reaches its result. Errors: fewer than 2 or more than
// kClassroomMaxCandidates candidates, no ballots, a ballot of the wrong size.
Result<StepThrough> StepThroughMethod(ClassroomMethod method, const Election& election);
// The final order only (no steps recorded), for experiments that run many elections.
Result<std::vector<int>> ClassroomOrder(ClassroomMethod method, const Election& election);

// A Condorcet cycle, or why there is none.
struct CondorcetReport {
    std::vector<int> Cycle;      // candidates a -> b -> ... -> a, each beating the next by majority; empty when none
    int Winner = -1;             // the candidate beating every other by majority, or -1
    std::string Explanation;     // one or two sentences for the class
};

// Shortest majority cycle of the election (lowest candidates first among equals), or none.
CondorcetReport FindCondorcetCycle(const Election& election);

// The first period of a dataset whose top candidates hold a majority cycle.
struct CondorcetSearch {
    int Period = -1;             // -1 when no period has one
    int PeriodsWithCycle = 0;
    int PeriodsSearched = 0;
    Election Where;              // the election of Period (empty when none)
    CondorcetReport Report;
};
// Searches every period with the given number of candidates (2..kClassroomMaxCandidates).
Result<CondorcetSearch> SearchCondorcetCycles(const Dataset& data, int candidates);

// "Which method recovers the true popularity best?" on the simulated market.
struct RecoveryParams {
    DemoMarketParams Market;                         // Noise is replaced by each level in turn
    std::vector<double> NoiseLevels = { 0.0, 0.5, 1.0, 2.0 };
    int Candidates = 6;                              // per period (Kemeny costs n!)
    int Trials = 3;                                  // seeds Market.Seed, Seed + 1, ...
};

struct RecoveryTable {
    std::vector<std::string> Rows;                   // method titles
    std::vector<double> NoiseLevels;                 // columns
    std::vector<double> Tau;                         // Rows.size() x NoiseLevels.size(), row-major
    int Elections = 0;                               // elections averaged into each cell

    double At(int row, int column) const { return Tau[(size_t)row * NoiseLevels.size() + column]; }
};

// Mean Kendall tau-b between each method's order and the true popularity of the same candidates,
// over every period and trial, per noise level. The candidates of a period are its true top songs,
// the same at every noise level, so a column differs from the next only by measurement noise.
Result<RecoveryTable> RunRecoveryExperiment(const RecoveryParams& params);

} // namespace chartmix
