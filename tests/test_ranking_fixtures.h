#pragma once
// Small hand-checked datasets and a seeded random one, shared by the ranking suites.
#include <algorithm>
#include <cmath>
#include <vector>
#include <string>

#include "core/base/random.h"
#include "core/data/dataset.h"

namespace chartmix::test {

inline Source MakeSource(std::string key, std::string region, SourceKind kind, int depth, bool official = false)
{
    Source s;
    s.Key = key;
    s.Name = key;
    s.Region = region;
    s.Kind = kind;
    s.Depth = depth;
    s.IsOfficial = official;
    return s;
}

// One period "w1", songs A..E:
//   melon (KR, audio, depth 3, units):  A 500, B 300, C 200
//   genie (KR, audio, depth 3, ranks only): B 1, A 2, D 3
//   qq    (CN, audio, depth 2, units):  E 900, C 100
// Period "w2": melon only: C 50 (rank 1), A 40 (rank 2).
inline Dataset SmallMarket()
{
    DatasetBuilder b;
    uint32_t melon = b.AddSource(MakeSource("melon", "KR", SourceKind::AudioStreams, 3));
    uint32_t genie = b.AddSource(MakeSource("genie", "KR", SourceKind::AudioStreams, 3));
    uint32_t qq = b.AddSource(MakeSource("qq", "CN", SourceKind::AudioStreams, 2));
    uint32_t w1 = b.AddPeriod(0, 6, "w1");
    uint32_t w2 = b.AddPeriod(7, 13, "w2");
    uint32_t a = b.AddSong("A", "x"), bb = b.AddSong("B", "x"), c = b.AddSong("C", "x");
    uint32_t d = b.AddSong("D", "x"), e = b.AddSong("E", "y");
    b.AddEntry(w1, melon, a, 1, 500);
    b.AddEntry(w1, melon, bb, 2, 300);
    b.AddEntry(w1, melon, c, 3, 200);
    b.AddEntry(w1, genie, bb, 1, NAN);
    b.AddEntry(w1, genie, a, 2, NAN);
    b.AddEntry(w1, genie, d, 3, NAN);
    b.AddEntry(w1, qq, e, 1, 900);
    b.AddEntry(w1, qq, c, 2, 100);
    b.AddEntry(w2, melon, c, 1, 50);
    b.AddEntry(w2, melon, a, 2, 40);
    return b.Finish();
}

// sources x periods charts of the given depth drawn from a pool of songs with Zipf-like units.
inline Dataset RandomMarket(int sources, int periods, int depth, int songs, uint64_t seed)
{
    DatasetBuilder b;
    Random r(seed);
    for (int s = 0; s < sources; s++)
        b.AddSource(MakeSource("src" + std::to_string(s), s % 3 == 0 ? "CN" : "KR", SourceKind::AudioStreams, depth));
    for (int i = 0; i < songs; i++) b.AddSong("song " + std::to_string(i), "artist " + std::to_string(i % 97));
    b.Reserve((size_t)sources * periods * depth);
    std::vector<double> pop((size_t)songs);
    for (int i = 0; i < songs; i++) pop[i] = 1.0 / (1.0 + i);
    std::vector<std::pair<double, uint32_t>> draw((size_t)songs);
    for (int p = 0; p < periods; p++) {
        uint32_t period = b.AddPeriod(p * 7, p * 7 + 6, "p" + std::to_string(p));
        for (int s = 0; s < sources; s++) {
            for (int i = 0; i < songs; i++) draw[i] = { pop[i] * (0.5 + r.NextDouble()) * 1e6, (uint32_t)i };
            std::partial_sort(draw.begin(), draw.begin() + depth, draw.end(),
                              [](const auto& x, const auto& y) { return x.first > y.first; });
            for (int k = 0; k < depth; k++)
                b.AddEntry(period, (uint32_t)s, draw[k].second, (uint16_t)(k + 1), std::floor(draw[k].first));
        }
    }
    return b.Finish();
}

} // namespace chartmix::test
