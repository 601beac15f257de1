// How fast ParseJson reads a document of numbers alone: a million of them, half counts (integers)
// and half scores written to 17 significant digits, the worst case for the number path.
//   cmake --build build/native-release --target chartmix_bench_json && build/native-release/chartmix_bench_json
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "core/base/json.h"

int main()
{
    std::string text = "[";
    unsigned x = 12345;
    for (int i = 0; i < 1000000; i++) {
        x = x * 1103515245u + 12345u;
        char buf[64];
        if (i % 2) std::snprintf(buf, sizeof(buf), "%u,", x % 100000);
        else std::snprintf(buf, sizeof(buf), "%.17g,", (x % 1000000) / 7.0);
        text += buf;
    }
    text.back() = ']';
    double best = 1e9;
    for (int run = 0; run < 7; run++) {
        const auto t0 = std::chrono::steady_clock::now();
        const chartmix::Result<rapidjson::Document> doc = chartmix::ParseJson(text, "numbers.json");
        const auto t1 = std::chrono::steady_clock::now();
        if (!doc.Ok()) return 1;
        best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
    }
    std::printf("{\"bytes\": %zu, \"numbers\": 1000000, \"best_ms\": %.1f, \"mb_per_s\": %.0f}\n", text.size(), best * 1e3, text.size() / 1e6 / best);
    return 0;
}
