#pragma once
// A fast 64-bit hash of bytes, eight at a time, for the lookup tables of the import path (interned
// strings, songs). Only table positions depend on it, never ids or output order, but it is the same
// on every little-endian target (x86-64, wasm32) so a profile reads alike natively and in the browser.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace chartmix {

inline uint64_t HashBytes(std::string_view s, uint64_t seed = 0x9E3779B97F4A7C15ull)
{
    const unsigned char* p = (const unsigned char*)s.data();
    size_t n = s.size();
    uint64_t h = seed ^ ((uint64_t)n * 0xC2B2AE3D27D4EB4Full);
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0x9FB21C651E98DF25ull;
        h ^= h >> 29;
    }
    if (n) {
        // The last 1-7 bytes: one load of the string's last eight bytes when it has them (their
        // overlap with the bytes already mixed is harmless), else byte by byte.
        uint64_t w = 0;
        if (s.size() >= 8) {
            std::memcpy(&w, p + n - 8, 8);
            w >>= 8 * (8 - n);
        } else {
            for (size_t i = 0; i < n; i++) w |= (uint64_t)p[i] << (8 * i);
        }
        h = (h ^ w) * 0x9FB21C651E98DF25ull;
        h ^= h >> 29;
    }
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return h;
}

} // namespace chartmix
