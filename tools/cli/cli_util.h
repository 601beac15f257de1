#pragma once
// Option parsing and loading shared by the ranking subcommands (rank, compare, sensitivity, fit).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/dataset.h"
#include "core/rank/mix.h"

namespace chartmix::cli {

// Parsed "--name value" options and positional arguments. Flags listed in `flags` take no value.
struct Options {
    std::map<std::string, std::string> Values;
    std::vector<std::string> Positional;
    std::string Unknown;  // the first option not in `known`, "" when none

    bool Has(const std::string& name) const { return Values.count(name) != 0; }
    std::string Get(const std::string& name, const std::string& fallback = "") const;
};

// Splits argv (argv[0] is the subcommand) into options; accepts "--name value" and "--name=value".
Options ParseOptions(int argc, char** argv, const std::vector<std::string>& known, const std::vector<std::string>& flags = {});
// Where a file a manifest lists is: an absolute path as written, else relative to the manifest's folder.
std::string ListedPath(const std::string& folder, const std::string& path);
// Whole file into *out; false when it cannot be read.
bool ReadWholeFile(const std::string& path, std::string* out);
// A dataset from a canonical CSV or a manifest (and the files it lists), as 'inspect' loads it.
Result<Dataset> LoadDatasetFile(const std::string& path);
// --mix: a JSON file, a preset name, or inline JSON.
Result<Mix> LoadMixArgument(const std::string& arg);
// A period by label; the last period when label is empty. Error field "period".
Result<uint32_t> FindPeriodArgument(const Dataset& data, const std::string& label);
// A source by key. Error field is `field`.
Result<uint32_t> FindSourceArgument(const Dataset& data, const std::string& key, const std::string& field);
// A whole number option in [lo, hi]; Error field is the option name.
Result<int> IntArgument(const Options& o, const std::string& name, int fallback, int lo, int hi);
// Prints "chartmix <command>: <error>" to stderr and returns 1 (input refused).
int Refuse(const char* command, const Error& error);

} // namespace chartmix::cli
