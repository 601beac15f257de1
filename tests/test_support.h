#pragma once
// Helpers shared by the test suites: fixture and ../shared paths, file reading.
#include <string>

namespace chartmix::test {

// Contents of a file, or "" with *ok = false when it cannot be read.
std::string ReadFile(const std::string& path, bool* ok = nullptr);
// tests/fixtures/<name>
std::string FixturePath(const std::string& name);
// ../shared/datasets/<name>
std::string SharedDatasetPath(const std::string& name);
// True when ../shared/datasets is present. Prints once why the tests that need it skip otherwise.
bool HaveSharedDatasets();

} // namespace chartmix::test
