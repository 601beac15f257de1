#pragma once
// A fast 64-bit hash of bytes, eight at a time, and byte equality, for the lookup tables of the
// import path (interned strings, songs). Only table positions depend on it, never ids or output order,
// but it is the same on every little-endian target (x86-64, wasm32) so a profile reads alike natively
// and in the browser. All of it is always inlined: in wasm32 a string_view argument of a call is passed
// through memory, written as two 32-bit halves and read back as one 64-bit value, which the CPU cannot
// forward from the two stores (a stall on every row while HashPair was a call).
#include <cstdint>
#include <cstring>
#include <string_view>

namespace chartmix {

// The last 1-7 bytes of a string (n of them, at p), as one little-endian word.
[[gnu::always_inline]] inline uint64_t TailWord(const unsigned char* p, size_t n, size_t size)
{
    uint64_t w = 0;
    if (size >= 8) {
        // One load of the string's last eight bytes (their overlap with bytes already mixed is harmless).
        std::memcpy(&w, p + n - 8, 8);
        return w >> (8 * (8 - n));
    }
    if (n >= 4) {
        // The first four and the last four bytes (overlapping for 4-7 bytes) hold every byte.
        uint32_t lo, hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + n - 4, 4);
        return (uint64_t)hi << 32 | lo;
    }
    w = p[0];
    w |= (uint64_t)p[n / 2] << 8;
    w |= (uint64_t)p[n - 1] << 16;
    return w;
}

// Mixes the bytes of s into the running hash h (no length, no final mix: see HashBytes).
[[gnu::always_inline]] inline uint64_t HashBytesInto(uint64_t h, std::string_view s)
{
    const unsigned char* p = (const unsigned char*)s.data();
    size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0x9FB21C651E98DF25ull;
        h ^= h >> 29;
    }
    if (n) {
        h = (h ^ TailWord(p, n, s.size())) * 0x9FB21C651E98DF25ull;
        h ^= h >> 29;
    }
    return h;
}

// The final mix of a running hash, so every input bit reaches the low bits tables index by.
[[gnu::always_inline]] inline uint64_t FinishHash(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return h;
}

[[gnu::always_inline]] inline uint64_t HashBytes(std::string_view s)
{
    return FinishHash(HashBytesInto(0x9E3779B97F4A7C15ull ^ ((uint64_t)s.size() * 0xC2B2AE3D27D4EB4Full), s));
}

// One hash of two strings (a title and an artist): one chain through both, their lengths up front
// so that moving bytes from one to the other changes the hash.
[[gnu::always_inline]] inline uint64_t HashPair(std::string_view a, std::string_view b)
{
    const uint64_t lengths = (uint64_t)a.size() << 32 | (uint32_t)b.size();
    return FinishHash(HashBytesInto(HashBytesInto(0x9E3779B97F4A7C15ull ^ (lengths * 0xC2B2AE3D27D4EB4Full), a), b));
}

// Byte equality, eight bytes per step. The lookups above compare a found key with the text of each
// row: in wasm, memcmp is musl's byte-at-a-time loop, several times slower on titles of 20-40 bytes.
[[gnu::always_inline]] inline bool SameBytes(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    size_t n = a.size();
    if (n >= 8) {
        for (size_t i = 0; i + 8 <= n; i += 8) {
            uint64_t x, y;
            std::memcpy(&x, p + i, 8);
            std::memcpy(&y, q + i, 8);
            if (x != y) return false;
        }
        uint64_t x, y;  // the last eight bytes (overlapping the loop's last step is harmless)
        std::memcpy(&x, p + n - 8, 8);
        std::memcpy(&y, q + n - 8, 8);
        return x == y;
    }
    for (size_t i = 0; i < n; i++)
        if (p[i] != q[i]) return false;
    return true;
}

} // namespace chartmix
