#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/analysis/agreement.h"
#include "core/base/random.h"
#include "test_ranking_fixtures.h"

using namespace chartmix;

namespace {

// Kendall's tau-b from its O(n^2) definition (Kendall 1945): every pair classified directly.
double TauBByPairs(const std::vector<double>& x, const std::vector<double>& y)
{
    double c = 0, d = 0, tx = 0, ty = 0;
    for (size_t i = 0; i < x.size(); i++)
        for (size_t j = i + 1; j < x.size(); j++) {
            double sx = x[i] - x[j], sy = y[i] - y[j];
            if (sx == 0 && sy == 0) continue;
            if (sx == 0) { tx++; continue; }
            if (sy == 0) { ty++; continue; }
            if ((sx > 0) == (sy > 0)) c++; else d++;
        }
    return (c - d) / std::sqrt((c + d + tx) * (c + d + ty));
}

} // namespace

TEST_SUITE("agreement") {

TEST_CASE("Kendall tau-b matches its pairwise definition on random data with ties") {
    Random r(2024);
    for (int trial = 0; trial < 200; trial++) {
        int n = 2 + (int)r.NextBelow(60);
        int levels = 1 + (int)r.NextBelow(12);  // few levels: many ties
        std::vector<double> x(n), y(n);
        for (int i = 0; i < n; i++) {
            x[i] = (double)r.NextBelow(levels);
            y[i] = (double)r.NextBelow(levels + 3);
        }
        bool x_const = std::all_of(x.begin(), x.end(), [&](double v) { return v == x[0]; });
        bool y_const = std::all_of(y.begin(), y.end(), [&](double v) { return v == y[0]; });
        CAPTURE(trial);
        if (x_const || y_const) CHECK(KendallTauB(x, y) == 0.0);
        else CHECK(KendallTauB(x, y) == doctest::Approx(TauBByPairs(x, y)).epsilon(1e-12));
    }
    SUBCASE("identical and reversed orders") {
        std::vector<double> a{ 1, 2, 3, 4 }, b{ 4, 3, 2, 1 };
        CHECK(KendallTauB(a, a) == doctest::Approx(1.0));
        CHECK(KendallTauB(a, b) == doctest::Approx(-1.0));
    }
}

TEST_CASE("Spearman footrule over top lists") {
    Random r(5);
    for (int trial = 0; trial < 100; trial++) {
        int la = 1 + (int)r.NextBelow(15), lb = 1 + (int)r.NextBelow(15);
        std::vector<uint32_t> a, b;
        while ((int)a.size() < la) { uint32_t v = (uint32_t)r.NextBelow(25); if (std::find(a.begin(), a.end(), v) == a.end()) a.push_back(v); }
        while ((int)b.size() < lb) { uint32_t v = (uint32_t)r.NextBelow(25); if (std::find(b.begin(), b.end(), v) == b.end()) b.push_back(v); }
        // Definition: sum over ids 0..24 of |pos_a - pos_b|, missing at length + 1, skipping ids on neither list.
        double expect = 0;
        for (uint32_t id = 0; id < 25; id++) {
            auto ia = std::find(a.begin(), a.end(), id), ib = std::find(b.begin(), b.end(), id);
            if (ia == a.end() && ib == b.end()) continue;
            double pa = ia == a.end() ? la + 1 : (double)(ia - a.begin() + 1);
            double pb = ib == b.end() ? lb + 1 : (double)(ib - b.begin() + 1);
            expect += std::fabs(pa - pb);
        }
        ListAgreement g = CompareLists(a, b);
        CHECK(g.Footrule == expect);
        CHECK(g.FootruleNormalized >= 0.0);
        CHECK(g.FootruleNormalized <= 1.0);
    }
    SUBCASE("disjoint lists reach the maximum") {
        CHECK(CompareLists({ 1, 2, 3 }, { 4, 5, 6 }).FootruleNormalized == 1.0);
        CHECK(CompareLists({ 1, 2, 3 }, { 1, 2, 3 }).Footrule == 0.0);
    }
}

TEST_CASE("rank-biased overlap") {
    SUBCASE("Webber et al. 2010, section 4.2: at p = 0.9 the top 10 ranks carry 86% of the weight") {
        CHECK(RboTopWeight(0.9, 10) == doctest::Approx(0.8556).epsilon(1e-3));
        CHECK(RboTopWeight(0.98, 50) == doctest::Approx(0.86).epsilon(0.01));
    }
    SUBCASE("eq. 32 worked by hand: abcde vs bcdae at p = 0.9") {
        // X = 0, 1, 2, 4, 5; RBO_ext = X5/5 p^5 + (1-p)/p sum X_d/d p^d
        double p = 0.9;
        double expect = std::pow(p, 5) + (1 - p) / p * (0.5 * p * p + 2.0 / 3 * std::pow(p, 3) + std::pow(p, 4) + std::pow(p, 5));
        CHECK(RankBiasedOverlap({ 1, 2, 3, 4, 5 }, { 2, 3, 4, 1, 5 }, p) == doctest::Approx(expect).epsilon(1e-12));
        CHECK(expect == doctest::Approx(0.828).epsilon(1e-3));
    }
    SUBCASE("uneven lengths, eq. 32 with s = 2, l = 3") {
        // S = a b, L = a c b: X1 = 1, X2 = 1, X3 = 2, X_s = 1.
        double p = 0.5;
        double sum = 1.0 / 1 * p + 1.0 / 2 * p * p + 2.0 / 3 * p * p * p + 1.0 * (3 - 2) / (2.0 * 3) * p * p * p;
        double expect = (1 - p) / p * sum + ((2.0 - 1.0) / 3 + 1.0 / 2) * p * p * p;
        CHECK(RankBiasedOverlap({ 1, 2 }, { 1, 3, 2 }, p) == doctest::Approx(expect).epsilon(1e-12));
    }
    SUBCASE("identical lists score 1, disjoint 0") {
        CHECK(RankBiasedOverlap({ 1, 2, 3 }, { 1, 2, 3 }, 0.9) == doctest::Approx(1.0));
        CHECK(RankBiasedOverlap({ 1, 2, 3 }, { 4, 5, 6 }, 0.9) == 0.0);
    }
}

TEST_CASE("all-kill means the same #1 on every chart") {
    Dataset d = test::SmallMarket();
    CHECK(AllKillSong(d, 0) == -1);  // melon A, genie B, qq E
    CHECK(AllKillSong(d, 1) == -1);  // only one chart published
    DatasetBuilder b;
    uint32_t s0 = b.AddSource(test::MakeSource("a", "KR", SourceKind::AudioStreams, 2));
    uint32_t s1 = b.AddSource(test::MakeSource("b", "KR", SourceKind::AudioStreams, 2));
    uint32_t p = b.AddPeriod(0, 0, "d");
    uint32_t x = b.AddSong("X", "x"), y = b.AddSong("Y", "y");
    b.AddEntry(p, s0, x, 1, NAN);
    b.AddEntry(p, s0, y, 2, NAN);
    b.AddEntry(p, s1, x, 1, NAN);
    Dataset k = b.Finish();
    CHECK(AllKillSong(k, 0) == x);
    CHECK(SourceTopList(k, 0, s0) == std::vector<uint32_t>{ x, y });
}

}
