#include "test_support.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace chartmix::test {

std::string ReadFile(const std::string& path, bool* ok)
{
    std::ifstream in(path, std::ios::binary);
    if (ok) *ok = bool(in);
    if (!in) return {};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string FixturePath(const std::string& name) { return std::string(CHARTMIX_TESTS_DIR) + "/fixtures/" + name; }

std::string SharedDatasetPath(const std::string& name) { return std::string(CHARTMIX_SHARED_DIR) + "/datasets/" + name; }

bool HaveSharedDatasets()
{
    static int have = -1;
    if (have < 0) {
        std::ifstream probe(SharedDatasetPath("README.md"));
        have = bool(probe);
        if (!have) std::printf("note: %s/datasets is absent: the tests on real published charts are skipped.\n", CHARTMIX_SHARED_DIR);
    }
    return have == 1;
}

} // namespace chartmix::test
