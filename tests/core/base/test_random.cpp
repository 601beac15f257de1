#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>

#include "core/base/random.h"

using namespace chartmix;

TEST_SUITE("random") {

TEST_CASE("xoshiro256** matches its reference sequence") {
    // Expected values from an independent implementation of Vigna's published algorithms (a few lines
    // of Python run once, checked against the reference's outputs 11520, 0, 1509978240,
    // 1215971899390074240 for the state {1, 2, 3, 4}); seeding is four splitmix64 outputs.
    uint64_t s = 0;
    for (uint64_t expected : { 0xE220A8397B1DCDAFull, 0x6E789E6AA1B965F4ull, 0x06C45D188009454Full, 0xF88BB8A8724C81ECull })
        CHECK(SplitMix64(&s) == expected);
    Random zero(0);
    for (uint64_t expected : { 0x99EC5F36CB75F2B4ull, 0xBF6E1F784956452Aull, 0x1A5F849D4933E6E0ull, 0x6AA594F1262D2D2Cull, 0xBBA5AD4A1F842E59ull })
        CHECK(zero.NextU64() == expected);
    Random r42(42);
    for (uint64_t expected : { 0x15780B2E0C2EC716ull, 0x6104D9866D113A7Eull, 0xAE17533239E499A1ull, 0xECB8AD4703B360A1ull, 0xFDE6DC7FE2EC5E64ull })
        CHECK(r42.NextU64() == expected);
    // A double is the top 53 bits over 2^53: 0x15780B2E0C2EC716 >> 11 = 0.08386297105988216.
    CHECK(Random(42).NextDouble() == 0.08386297105988216);
}

TEST_CASE("draws stay in range and have the right mean") {
    Random r(7);
    double sum = 0, sum_normal = 0, sum_gamma = 0;
    int counts[5] = {};
    const int n = 20000;
    for (int i = 0; i < n; i++) {
        double u = r.NextDouble();
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        sum += u;
        counts[r.NextBelow(5)]++;
        sum_normal += r.NextNormal();
        sum_gamma += r.NextGamma(0.5);
    }
    CHECK(sum / n == doctest::Approx(0.5).epsilon(0.02));
    CHECK(std::fabs(sum_normal / n) < 0.03);
    CHECK(sum_gamma / n == doctest::Approx(0.5).epsilon(0.05));
    for (int k : counts) CHECK(k == doctest::Approx(n / 5).epsilon(0.05));
    double alpha[3] = { 2.0, 0.0, 6.0 }, w[3];
    r.NextDirichlet(alpha, 3, w);
    CHECK(w[1] == 0.0);
    CHECK(w[0] + w[2] == doctest::Approx(1.0));
}

TEST_CASE("portable log and exp agree with libm") {
    for (double x : { 1e-300, 0.001, 0.5, 1.0, 2.0, 10.0, 12345.678, 1e300 })
        CHECK(PortableLog(x) == doctest::Approx(std::log(x)).epsilon(1e-14));
    for (double x : { -700.0, -5.0, -0.3, 0.0, 0.7, 3.0, 100.0, 700.0 })
        CHECK(PortableExp(x) == doctest::Approx(std::exp(x)).epsilon(1e-13));
}

}
