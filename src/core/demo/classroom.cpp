#include "core/demo/classroom.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace chartmix {

// [SECTION] Names, formulas, citations
// [SECTION] Elections
// [SECTION] Borda
// [SECTION] Schulze
// [SECTION] Kemeny
// [SECTION] MC4
// [SECTION] Entry points

// [SECTION] Names, formulas, citations

struct MethodText {
    const char* Key;
    const char* Title;
    const char* Formula;
    const char* Citation;
};

static const MethodText kMethodText[kClassroomMethodCount] = {
    { "borda", "Borda count",
      "With n candidates, a ballot gives n - r points to its candidate in place r (n - 1 for first, 0 for last); "
      "the k candidates a chart leaves out share place k + 1. Points are multiplied by the ballot's weight and "
      "summed; the highest total ranks first.",
      "J.-C. de Borda, \"Memoire sur les elections au scrutin\", Histoire de l'Academie Royale des Sciences, Paris, 1781." },
    { "schulze", "Schulze method",
      "d[a][b] = weight of ballots ranking a above b. Start with p[a][b] = d[a][b] if d[a][b] > d[b][a], else 0. "
      "For each candidate k in turn: p[i][j] = max(p[i][j], min(p[i][k], p[k][j])) (Floyd-Warshall on the widest path). "
      "a ranks above b when p[a][b] > p[b][a]; candidates are ordered by how many others they beat this way.",
      "M. Schulze, \"A new monotonic, clone-independent, reversal symmetric, and Condorcet-consistent single-winner "
      "election method\", Social Choice and Welfare 36 (2011) 267-303." },
    { "kemeny", "Kemeny-Young method",
      "For an ordering s, disagreements(s) = sum over pairs with a placed above b of d[b][a], the weight of ballots "
      "that rank b above a. The Kemeny ranking is the ordering with the fewest disagreements among all n! orderings "
      "(the first one found, in lexicographic order, among equals).",
      "J. G. Kemeny, \"Mathematics without numbers\", Daedalus 88 (1959) 577-591; H. P. Young and A. Levenglick, "
      "\"A consistent extension of Condorcet's election principle\", SIAM J. Appl. Math. 35 (1978) 285-300." },
    { "mc4", "MC4 Markov chain",
      "A random walk on candidates: from a, pick b uniformly among the n candidates and move to b when more ballot "
      "weight ranks b above a than a above b; otherwise stay. With damping 1/20 (a uniform jump): "
      "P = (19/20) M + (1/20) J/n. Power iteration pi(t+1) = pi(t) P from the uniform vector until "
      "sum |pi(t+1) - pi(t)| < 1e-9; candidates are ranked by their stationary probability.",
      "C. Dwork, R. Kumar, M. Naor and D. Sivakumar, \"Rank aggregation methods for the Web\", WWW 2001, 613-622." },
};

const char* ClassroomMethodKey(ClassroomMethod method) { return kMethodText[(int)method].Key; }
const char* ClassroomMethodTitle(ClassroomMethod method) { return kMethodText[(int)method].Title; }

// [SECTION] Elections

Result<Election> MakeElection(const std::vector<std::string>& candidates,
                              const std::vector<std::pair<std::string, double>>& ballots)
{
    Election e;
    e.Candidates = candidates;
    const int n = (int)candidates.size();
    for (size_t i = 0; i < ballots.size(); i++) {
        const std::string& text = ballots[i].first;
        Ballot b;
        b.Weight = ballots[i].second;
        b.Place.assign(n, 0);
        char label[64];
        std::snprintf(label, sizeof(label), "%g voter%s", b.Weight, b.Weight == 1.0 ? "" : "s");
        b.Label = label;
        int place = 0;
        size_t start = 0;
        while (start <= text.size()) {
            size_t end = text.find('>', start);
            if (end == std::string::npos) end = text.size();
            std::string_view name = std::string_view(text).substr(start, end - start);
            auto it = std::find(candidates.begin(), candidates.end(), name);
            if (it == candidates.end())
                return MakeFieldError("ballots[" + std::to_string(i) + "]", "Ballot \"" + text + "\" names \"" + std::string(name) + "\", which is not a candidate.");
            int c = (int)(it - candidates.begin());
            if (b.Place[c] != 0)
                return MakeFieldError("ballots[" + std::to_string(i) + "]", "Ballot \"" + text + "\" ranks \"" + std::string(name) + "\" twice.");
            b.Place[c] = ++place;
            start = end + 1;
        }
        if (!(b.Weight > 0.0) || !std::isfinite(b.Weight))
            return MakeFieldError("ballots[" + std::to_string(i) + "]", "A ballot's voter count must be a positive number.");
        e.Ballots.push_back(std::move(b));
    }
    return e;
}

Result<Election> ElectionForSongs(const Dataset& data, uint32_t period, const std::vector<uint32_t>& songs)
{
    if (period >= data.Periods.size()) return MakeFieldError("period", "That period is not in the dataset.");
    if (songs.size() < 2 || songs.size() > (size_t)kClassroomMaxCandidates)
        return MakeFieldError("candidates", "Classroom elections take between 2 and 8 candidates.");
    const int candidates = (int)songs.size();
    const std::vector<uint32_t>& listed = songs;
    Election e;
    e.Songs = listed;
    for (uint32_t song : listed) e.Candidates.push_back(std::string(data.SongTitle(song)) + " - " + std::string(data.SongArtist(song)));
    for (uint32_t g = data.PeriodGroupBegin[period]; g < data.PeriodGroupBegin[period + 1]; g++) {
        const EntryGroup& group = data.Groups[g];
        const Source& source = data.Sources[group.Source];
        if (source.IsOfficial) continue;
        // The chart's order restricted to the candidates: places 1..k among them.
        std::vector<std::pair<int, int>> ranked;  // (chart rank, candidate)
        for (uint32_t en = group.Begin; en < group.End; en++) {
            if (data.EntryRank[en] == kNoRank) continue;
            auto it = std::find(listed.begin(), listed.end(), data.EntrySong[en]);
            if (it != listed.end()) ranked.emplace_back((int)data.EntryRank[en], (int)(it - listed.begin()));
        }
        if (ranked.empty()) continue;
        std::sort(ranked.begin(), ranked.end());
        Ballot b;
        b.Label = source.Name;
        b.Place.assign(candidates, 0);
        for (size_t i = 0; i < ranked.size(); i++) b.Place[ranked[i].second] = (int)i + 1;
        e.Ballots.push_back(std::move(b));
    }
    return e;
}

Result<Election> ElectionFromPeriod(const Dataset& data, uint32_t period, int candidates)
{
    if (period >= data.Periods.size()) return MakeFieldError("period", "That period is not in the dataset.");
    if (candidates < 2 || candidates > kClassroomMaxCandidates)
        return MakeFieldError("candidates", "Classroom elections take between 2 and 8 candidates.");
    // Candidates: Borda points over the full charts, so the choice does not depend on the method shown.
    std::vector<double> points(data.Songs.size(), 0.0);
    std::vector<uint32_t> listed;
    for (uint32_t g = data.PeriodGroupBegin[period]; g < data.PeriodGroupBegin[period + 1]; g++) {
        const EntryGroup& group = data.Groups[g];
        if (data.Sources[group.Source].IsOfficial) continue;
        int depth = std::max<int>(data.Sources[group.Source].Depth, (int)(group.End - group.Begin));
        for (uint32_t e = group.Begin; e < group.End; e++) {
            if (data.EntryRank[e] == kNoRank) continue;
            uint32_t song = data.EntrySong[e];
            if (points[song] == 0.0) listed.push_back(song);
            points[song] += (double)(depth + 1 - data.EntryRank[e]);
        }
    }
    if ((int)listed.size() < candidates)
        return MakeError("Period " + data.Periods[period].Label + " lists fewer than " + std::to_string(candidates) + " songs.");
    std::sort(listed.begin(), listed.end(), [&](uint32_t a, uint32_t b) { return points[a] != points[b] ? points[a] > points[b] : a < b; });
    listed.resize(candidates);

    return ElectionForSongs(data, period, listed);
}

// True when the ballot puts a above b (a ranked and b unranked, or both ranked with a first).
static bool Prefers(const Ballot& b, int a, int c)
{
    int pa = b.Place[a], pc = b.Place[c];
    if (pa == 0) return false;
    return pc == 0 || pa < pc;
}

std::vector<double> PairwiseCounts(const Election& election)
{
    const int n = election.CandidateCount();
    std::vector<double> d((size_t)n * n, 0.0);
    for (const Ballot& b : election.Ballots)
        for (int a = 0; a < n; a++)
            for (int c = 0; c < n; c++)
                if (a != c && Prefers(b, a, c)) d[(size_t)a * n + c] += b.Weight;
    return d;
}

// Candidates by score, highest first; lower index first among equals.
static std::vector<int> OrderByScore(const std::vector<double>& score)
{
    std::vector<int> order(score.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return score[a] > score[b]; });
    return order;
}

static std::string OrderText(const Election& e, const std::vector<int>& order)
{
    std::string s;
    for (size_t i = 0; i < order.size(); i++) {
        if (i) s += " > ";
        s += e.Candidates[order[i]];
    }
    return s;
}

// [SECTION] Borda

static std::vector<int> RunBorda(const Election& e, StepThrough* rec)
{
    const int n = e.CandidateCount();
    std::vector<double> tally(n, 0.0);
    if (rec) rec->Steps.push_back(ClassroomStep{ "Every candidate starts with 0 points.", tally, {}, OrderByScore(tally) });
    for (size_t i = 0; i < e.Ballots.size(); i++) {
        const Ballot& b = e.Ballots[i];
        int ranked = 0;
        for (int p : b.Place) ranked += p != 0;
        for (int c = 0; c < n; c++) {
            int place = b.Place[c] != 0 ? b.Place[c] : ranked + 1;
            tally[c] += b.Weight * (double)(n - place);
        }
        if (rec) {
            ClassroomStep step{ "Add the ballot of " + b.Label + ".", tally, {}, OrderByScore(tally) };
            step.Index = (int)i;
            rec->Steps.push_back(std::move(step));
        }
    }
    return OrderByScore(tally);
}

// [SECTION] Schulze

static std::vector<int> SchulzeRanking(const std::vector<double>& p, int n, std::vector<double>* beaten)
{
    beaten->assign(n, 0.0);
    for (int a = 0; a < n; a++)
        for (int b = 0; b < n; b++)
            if (a != b && p[(size_t)a * n + b] > p[(size_t)b * n + a]) (*beaten)[a] += 1.0;
    return OrderByScore(*beaten);
}

static std::vector<int> RunSchulze(const Election& e, StepThrough* rec)
{
    const int n = e.CandidateCount();
    std::vector<double> d = PairwiseCounts(e);
    std::vector<double> beaten;
    if (rec) {
        ClassroomStep step{ "Count, for each pair, the ballot weight preferring the row candidate to the column candidate.", {}, d, SchulzeRanking(d, n, &beaten) };
        step.Values = beaten;
        rec->Steps.push_back(std::move(step));
    }
    std::vector<double> p((size_t)n * n, 0.0);
    for (int a = 0; a < n; a++)
        for (int b = 0; b < n; b++)
            if (a != b && d[(size_t)a * n + b] > d[(size_t)b * n + a]) p[(size_t)a * n + b] = d[(size_t)a * n + b];
    if (rec) {
        ClassroomStep step{ "Keep only the winning side of each pair: the direct links.", {}, p, SchulzeRanking(p, n, &beaten) };
        step.Values = beaten;
        rec->Steps.push_back(std::move(step));
    }
    for (int k = 0; k < n; k++) {
        for (int i = 0; i < n; i++) {
            if (i == k) continue;
            for (int j = 0; j < n; j++) {
                if (j == i || j == k) continue;
                double via = std::min(p[(size_t)i * n + k], p[(size_t)k * n + j]);
                if (via > p[(size_t)i * n + j]) p[(size_t)i * n + j] = via;
            }
        }
        if (rec) {
            ClassroomStep step{ "Allow paths through " + e.Candidates[k] + ": a path is as strong as its weakest link.", {}, p, SchulzeRanking(p, n, &beaten) };
            step.Values = beaten;
            step.Index = k;
            rec->Steps.push_back(std::move(step));
        }
    }
    return SchulzeRanking(p, n, &beaten);
}

// [SECTION] Kemeny

static double Disagreements(const std::vector<double>& d, int n, const std::vector<int>& order)
{
    double cost = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) cost += d[(size_t)order[j] * n + order[i]];
    return cost;
}

static std::vector<int> RunKemeny(const Election& e, StepThrough* rec)
{
    const int n = e.CandidateCount();
    std::vector<double> d = PairwiseCounts(e);
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::vector<int> best = order;
    double best_cost = INFINITY;
    int index = 0;
    char caption[96];
    do {
        double cost = Disagreements(d, n, order);
        bool improved = cost < best_cost;
        if (improved) {
            best_cost = cost;
            best = order;
        }
        if (rec) {
            std::snprintf(caption, sizeof(caption), "Ordering %d: %g disagreements%s", index + 1, cost, improved ? " (new best)" : "");
            ClassroomStep step{ caption, {}, {}, order, best, cost, best_cost, index };
            rec->Steps.push_back(std::move(step));
        }
        index++;
    } while (std::next_permutation(order.begin(), order.end()));
    if (rec) {
        std::snprintf(caption, sizeof(caption), "All %d orderings tried: the fewest disagreements is %g.", index, best_cost);
        rec->Steps.push_back(ClassroomStep{ caption, {}, {}, best, best, best_cost, best_cost, index });
    }
    return best;
}

// [SECTION] MC4

static std::vector<int> RunMc4(const Election& e, StepThrough* rec)
{
    const int n = e.CandidateCount();
    std::vector<double> d = PairwiseCounts(e);
    const double damping = 1.0 / 20.0;
    // Transition matrix: P[a][b] = (1 - damping) M[a][b] + damping / n.
    std::vector<double> P((size_t)n * n, 0.0);
    for (int a = 0; a < n; a++) {
        double stay = 1.0;
        for (int b = 0; b < n; b++) {
            if (b == a) continue;
            double m = d[(size_t)b * n + a] > d[(size_t)a * n + b] ? 1.0 / n : 0.0;
            stay -= m;
            P[(size_t)a * n + b] = (1.0 - damping) * m + damping / n;
        }
        P[(size_t)a * n + a] = (1.0 - damping) * stay + damping / n;
    }
    std::vector<double> pi(n, 1.0 / n), next(n);
    if (rec) {
        ClassroomStep step{ "Start uniform; the matrix holds the probability of moving from the row to the column candidate.", pi, P, OrderByScore(pi) };
        step.Index = 0;
        rec->Steps.push_back(std::move(step));
    }
    for (int iteration = 1; iteration <= 10000; iteration++) {
        std::fill(next.begin(), next.end(), 0.0);
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) next[b] += pi[a] * P[(size_t)a * n + b];
        double change = 0.0;
        for (int c = 0; c < n; c++) change += std::fabs(next[c] - pi[c]);
        pi.swap(next);
        if (rec) {
            char caption[96];
            std::snprintf(caption, sizeof(caption), "Iteration %d: the vector moved by %.3g.", iteration, change);
            ClassroomStep step{ caption, pi, {}, OrderByScore(pi) };
            step.Objective = change;
            step.Index = iteration;
            rec->Steps.push_back(std::move(step));
        }
        if (change < 1e-9) break;
    }
    return OrderByScore(pi);
}

// [SECTION] Entry points

static Status CheckElection(const Election& e)
{
    const int n = e.CandidateCount();
    if (n < 2 || n > kClassroomMaxCandidates)
        return MakeFieldError("candidates", "A classroom step-through takes between 2 and 8 candidates.");
    if (e.Ballots.empty()) return MakeFieldError("ballots", "The election has no ballots.");
    for (const Ballot& b : e.Ballots)
        if ((int)b.Place.size() != n) return MakeFieldError("ballots", "Ballot \"" + b.Label + "\" does not cover every candidate.");
    return OkStatus();
}

static std::vector<int> Run(ClassroomMethod method, const Election& e, StepThrough* rec)
{
    switch (method) {
    case ClassroomMethod::Borda: return RunBorda(e, rec);
    case ClassroomMethod::Schulze: return RunSchulze(e, rec);
    case ClassroomMethod::Kemeny: return RunKemeny(e, rec);
    case ClassroomMethod::Mc4: return RunMc4(e, rec);
    }
    return {};
}

Result<StepThrough> StepThroughMethod(ClassroomMethod method, const Election& election)
{
    if (Status st = CheckElection(election); !st) return st.Err();
    StepThrough out;
    out.Method = method;
    out.Title = kMethodText[(int)method].Title;
    out.Formula = kMethodText[(int)method].Formula;
    out.Citation = kMethodText[(int)method].Citation;
    out.Candidates = election.Candidates;
    out.Result = Run(method, election, &out);
    assert(!out.Steps.empty());
    out.Steps.back().Order = out.Result;
    out.Steps.back().Caption += " Result: " + OrderText(election, out.Result) + ".";
    return out;
}

Result<std::vector<int>> ClassroomOrder(ClassroomMethod method, const Election& election)
{
    if (Status st = CheckElection(election); !st) return st.Err();
    return Run(method, election, nullptr);
}

} // namespace chartmix
