#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

#include "core/base/random.h"
#include "core/rank/kemeny.h"
#include "core/rank/pairwise.h"

using namespace chartmix;

namespace {

// A preference matrix from complete weighted ballots (each a permutation, best first).
PreferenceMatrix FromBallots(int n, const std::vector<std::pair<double, std::vector<int>>>& ballots)
{
    PreferenceMatrix m;
    m.N = n;
    m.Prefer.assign((size_t)n * n, 0.0);
    for (const auto& [w, order] : ballots) {
        std::vector<int> pos(n);
        for (int i = 0; i < n; i++) pos[order[i]] = i + 1;
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                if (pos[a] < pos[b]) m.Prefer[(size_t)a * n + b] += w;
        m.VoterWeight.push_back(w);
        m.Depth.push_back(n);
        m.Position.insert(m.Position.end(), pos.begin(), pos.end());
    }
    return m;
}

std::vector<int> Ballot(const char* letters)
{
    std::vector<int> v;
    for (const char* c = letters; *c; c++) v.push_back(*c - 'A');
    return v;
}

std::vector<std::pair<double, std::vector<int>>> RandomBallots(Random& r, int n, int voters)
{
    std::vector<std::pair<double, std::vector<int>>> ballots;
    for (int v = 0; v < voters; v++) {
        std::vector<int> order(n);
        std::iota(order.begin(), order.end(), 0);
        for (int i = n - 1; i > 0; i--) std::swap(order[i], order[r.NextBelow(i + 1)]);
        ballots.push_back({ (double)(1 + r.NextBelow(5)), order });
    }
    return ballots;
}

// Schulze's 45-voter example (Schulze 2011, section 3.1; also Wikipedia "Schulze method").
PreferenceMatrix FortyFiveVoters()
{
    return FromBallots(5, { { 5, Ballot("ACBED") }, { 5, Ballot("ADECB") }, { 8, Ballot("BEDAC") }, { 3, Ballot("CABED") },
                            { 7, Ballot("CAEBD") }, { 2, Ballot("CBADE") }, { 7, Ballot("DCEBA") }, { 8, Ballot("EBADC") } });
}

} // namespace

TEST_SUITE("kemeny") {

TEST_CASE("exact Kemeny equals brute force over all permutations for n <= 7") {
    Random r(77);
    for (int trial = 0; trial < 60; trial++) {
        int n = 2 + trial % 6;
        PreferenceMatrix m = FromBallots(n, RandomBallots(r, n, 1 + (int)r.NextBelow(7)));
        std::vector<int> perm(n);
        std::iota(perm.begin(), perm.end(), 0);
        double best = std::numeric_limits<double>::infinity();
        do best = std::min(best, KemenyCost(m, perm)); while (std::next_permutation(perm.begin(), perm.end()));
        std::vector<int> order;
        KemenyExact(m, &order);
        CAPTURE(trial);
        CHECK(KemenyCost(m, order) == best);
        SUBCASE("the approximation is a permutation within twice the optimum") {
            std::vector<int> approx;
            KemenyApprox(m, &approx);
            std::vector<int> sorted = approx;
            std::sort(sorted.begin(), sorted.end());
            CHECK(sorted == std::vector<int>(perm.begin(), perm.end()));
            CHECK(KemenyCost(m, approx) <= 2 * best + 1e-9);
        }
    }
}

TEST_CASE("local Kemenization leaves no improving adjacent swap") {
    Random r(8);
    PreferenceMatrix m = FromBallots(20, RandomBallots(r, 20, 9));
    std::vector<int> order;
    KemenyApprox(m, &order);
    for (size_t i = 0; i + 1 < order.size(); i++) CHECK(m.At(order[i], order[i + 1]) >= m.At(order[i + 1], order[i]));
}

TEST_CASE("weight sums equal but for rounding are a pairwise tie in every method") {
    // B over A: 0.1 + 0.2 = 0.30000000000000004; A over B: 0.3. Equal weights, so index order decides.
    PreferenceMatrix m = FromBallots(2, { { 0.3, Ballot("AB") }, { 0.1, Ballot("BA") }, { 0.2, Ballot("BA") } });
    REQUIRE(m.At(1, 0) != m.At(0, 1));  // the rounding this test is about
    std::vector<int> order;
    std::vector<double> score;
    CopelandOrder(m, &order, &score);
    CHECK(order == Ballot("AB"));
    CHECK(score == std::vector<double>{ 0.5, 0.5 });
    SchulzeOrder(m, &order, &score);
    CHECK(order == Ballot("AB"));
    CHECK(score == std::vector<double>{ 0, 0 });
    Mc4Order(m, &order, &score);
    CHECK(order == Ballot("AB"));
    CHECK(score[0] == score[1]);
    KemenyOrder(m, &order, &score);
    CHECK(order == Ballot("AB"));
    order = Ballot("AB");
    LocalKemenize(m, &order);
    CHECK(order == Ballot("AB"));
    CHECK(SumEqual(0.1 + 0.2, 0.3));
    CHECK(SumAbove(0.301, 0.3));
}

TEST_CASE("Schulze on the 45-voter example") {
    PreferenceMatrix m = FortyFiveVoters();
    // Pairwise counts as printed in the example: d[A,B] = 20, d[B,A] = 25, d[A,C] = 26, d[E,D] = 31.
    CHECK(m.At(0, 1) == 20);
    CHECK(m.At(1, 0) == 25);
    CHECK(m.At(0, 2) == 26);
    CHECK(m.At(4, 3) == 31);
    std::vector<int> order;
    std::vector<double> score;
    SchulzeOrder(m, &order, &score);
    CHECK(order == Ballot("EACBD"));  // the example's result: E > A > C > B > D
}

TEST_CASE("Copeland and MC4 on the 45-voter example") {
    PreferenceMatrix m = FortyFiveVoters();
    std::vector<int> order;
    std::vector<double> score;
    // By hand from the pairwise table: E beats A, B, D; A, B, C beat two each; D beats only C.
    CopelandOrder(m, &order, &score);
    CHECK(order == Ballot("EABCD"));
    CHECK(score == std::vector<double>{ 2, 2, 2, 1, 3 });
    SUBCASE("MC4 puts a Condorcet winner first") {
        PreferenceMatrix c = FromBallots(4, { { 3, Ballot("BACD") }, { 2, Ballot("BCDA") }, { 2, Ballot("ACDB") } });
        Mc4Order(c, &order, &score);
        CHECK(order[0] == 1);
        double total = 0;
        for (double s : score) total += s;
        CHECK(total == doctest::Approx(1.0));
    }
}

}
