#include "core/base/random.h"

#include <cmath>
#include <limits>

namespace chartmix {

static inline uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

double PortableLog(double x)
{
    if (x != x || x < 0.0) return std::numeric_limits<double>::quiet_NaN();
    if (x == 0.0) return -std::numeric_limits<double>::infinity();
    if (x == std::numeric_limits<double>::infinity()) return x;
    // x = m * 2^e with m in [sqrt(1/2), sqrt(2)); frexp and ldexp are exact on every platform.
    int e = 0;
    double m = std::frexp(x, &e);  // m in [0.5, 1)
    if (m < 0.70710678118654752440) { m *= 2.0; e -= 1; }
    // log(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.1716: the odd series converges fast.
    double s = (m - 1.0) / (m + 1.0);
    double s2 = s * s;
    double term = s;
    double sum = 0.0;
    for (int k = 1; k < 60; k += 2) {
        sum += term / (double)k;
        term *= s2;
        if (term == 0.0) break;
    }
    return 2.0 * sum + (double)e * 0.69314718055994530942;
}

double PortableExp(double x)
{
    if (x != x) return x;
    if (x > 709.0) return std::numeric_limits<double>::infinity();
    if (x < -745.0) return 0.0;
    // e^x = 2^k * e^r with |r| <= ln2 / 2; Taylor series for e^r.
    double kf = std::floor(x / 0.69314718055994530942 + 0.5);
    double r = x - kf * 0.69314718055994530942;
    double term = 1.0;
    double sum = 1.0;
    for (int i = 1; i < 30; i++) {
        term *= r / (double)i;
        sum += term;
        if (std::fabs(term) < 1e-17 * sum) break;
    }
    return std::ldexp(sum, (int)kf);
}

void Random::Seed(uint64_t seed)
{
    uint64_t s = seed;
    for (uint64_t& word : State_) word = SplitMix64(&s);
    HasSpare_ = false;
}

uint64_t Random::NextU64()
{
    uint64_t* s = State_;
    const uint64_t result = Rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = Rotl(s[3], 45);
    return result;
}

uint64_t Random::NextBelow(uint64_t n)
{
    // Rejection on the top of the range: exact, and needs no 128-bit multiply (wasm has none).
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t v;
    do v = NextU64(); while (v >= limit);
    return v % n;
}

double Random::NextNormal()
{
    if (HasSpare_) {
        HasSpare_ = false;
        return SpareNormal_;
    }
    double u, v, s;
    do {
        u = 2.0 * NextDouble() - 1.0;
        v = 2.0 * NextDouble() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double f = std::sqrt(-2.0 * PortableLog(s) / s);
    SpareNormal_ = v * f;
    HasSpare_ = true;
    return u * f;
}

double Random::NextGamma(double shape)
{
    if (shape < 1.0) {
        // Gamma(a) = Gamma(a + 1) * U^(1/a).
        double g = NextGamma(shape + 1.0);
        double u = NextDouble();
        while (u == 0.0) u = NextDouble();
        return g * PortableExp(PortableLog(u) / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x, v;
        do {
            x = NextNormal();
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        double u = NextDouble();
        double x2 = x * x;
        if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
        if (u > 0.0 && PortableLog(u) < 0.5 * x2 + d * (1.0 - v + PortableLog(v))) return d * v;
    }
}

void Random::NextDirichlet(const double* alpha, int n, double* out)
{
    double total = 0.0;
    for (int i = 0; i < n; i++) {
        out[i] = alpha[i] > 0.0 ? NextGamma(alpha[i]) : 0.0;
        total += out[i];
    }
    if (total <= 0.0) return;
    for (int i = 0; i < n; i++) out[i] /= total;
}

} // namespace chartmix
