#pragma once
// A portable pseudo-random generator: the same seed gives the same numbers natively and in wasm.
// std::*_distribution is not used anywhere because each standard library implements it differently,
// and P(#1) estimates and the simulated market must print the same bytes on every platform.
// Integer generator: xoshiro256** (Blackman & Vigna 2018), seeded through splitmix64.
// Real-valued draws use only +, -, *, / and sqrt (IEEE exact), plus PortableLog/PortableExp below,
// which are plain polynomial evaluations rather than the platform's libm.
#include <cstdint>

namespace chartmix {

// One step of splitmix64: advances *state and returns a well-mixed 64-bit value.
// Also useful on its own for hashing a seed with a stream index.
inline uint64_t SplitMix64(uint64_t* state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Natural logarithm computed the same way on every platform (x > 0; returns -inf for 0, NaN below).
double PortableLog(double x);
// e^x computed the same way on every platform.
double PortableExp(double x);

class Random {
public:
    // Seeds the four state words from splitmix64(seed), as the xoshiro authors recommend.
    explicit Random(uint64_t seed = 0x5EEDull) { Seed(seed); }
    // Restarts the sequence from a seed.
    void Seed(uint64_t seed);
    // Next 64 random bits.
    uint64_t NextU64();
    // Uniform in [0, 1) with 53 random bits.
    double NextDouble() { return (double)(NextU64() >> 11) * 0x1.0p-53; }
    // Uniform integer in [0, n) without modulo bias (n > 0).
    uint64_t NextBelow(uint64_t n);
    // Standard normal draw (Marsaglia polar method).
    double NextNormal();
    // Gamma(shape, 1) draw (Marsaglia & Tsang 2000); shape > 0.
    double NextGamma(double shape);
    // Fills out[0..n) with one Dirichlet(alpha[0..n)) draw; alpha[i] == 0 gives out[i] == 0.
    void NextDirichlet(const double* alpha, int n, double* out);

private:
    uint64_t State_[4];
    double SpareNormal_ = 0.0;
    bool HasSpare_ = false;
};

} // namespace chartmix
