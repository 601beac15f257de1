#pragma once
// The benchmark cases, written once and run natively, as wasm under node and as wasm in the
// benchmark page, so the three columns of docs/performance.md time exactly the same code.
#include <string>
#include <vector>

#include "bench_common.h"

namespace chartmix::bench {

struct SuiteOptions {
    int Samples = 11;           // timed samples per measurement (the median is reported)
    double MinSampleMs = 20.0;  // each sample repeats the call until it lasts this long
    bool Scaling = true;        // the entries / sources / periods growth tables
    bool Progress = false;      // one line on stderr per case
};

// One-period re-mix (20 x 2,000), whole-history re-mix (1M entries, demo market and synthetic
// shares) and the scaling tables. Appends "synthetic": {...} to j.
void RunSyntheticSuite(Json& j, const SuiteOptions& o);

// Ingest (LoadDataset: decode, CSV/JSON parse, validate, intern, match), memory and whole-history
// re-mix of one real dataset given as a manifest plus its files. Appends one object to an open array.
void RunDatasetCase(Json& j, const std::string& name, const std::vector<InputFile>& files, const SuiteOptions& o);

// Order-sensitive FNV-1a of a ranking's song ids and score bits: equal hashes = identical bytes.
uint64_t RankingHash(const uint32_t* songs, const double* scores, size_t n);

} // namespace chartmix::bench
