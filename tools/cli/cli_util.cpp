#include "cli/cli_util.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/data/importer.h"
#include "core/data/manifest.h"
#include "core/rank/presets.h"

namespace chartmix::cli {

std::string Options::Get(const std::string& name, const std::string& fallback) const
{
    auto it = Values.find(name);
    return it == Values.end() ? fallback : it->second;
}

Options ParseOptions(int argc, char** argv, const std::vector<std::string>& known, const std::vector<std::string>& flags)
{
    Options o;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        if (a.size() < 3 || a[0] != '-' || a[1] != '-') {
            o.Positional.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        size_t eq = name.find('=');
        bool has_value = eq != std::string::npos;
        if (has_value) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        bool is_flag = std::find(flags.begin(), flags.end(), name) != flags.end();
        if (!is_flag && std::find(known.begin(), known.end(), name) == known.end()) {
            if (o.Unknown.empty()) o.Unknown = "--" + name;
            continue;
        }
        if (!is_flag && !has_value) {
            if (i + 1 >= argc) {
                if (o.Unknown.empty()) o.Unknown = "--" + name + " (needs a value)";
                continue;
            }
            value = argv[++i];
        }
        o.Values[name] = is_flag ? "1" : value;
    }
    return o;
}

std::string ListedPath(const std::string& folder, const std::string& path)
{
    return !path.empty() && path[0] == '/' ? path : folder + "/" + path;
}

bool ReadWholeFile(const std::string& path, std::string* out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    *out = s.str();
    return true;
}

Result<Dataset> LoadDatasetFile(const std::string& path)
{
    std::vector<InputFile> files(1);
    files[0].Name = path;
    if (!ReadWholeFile(path, &files[0].Bytes)) return MakeFieldError("dataset", "cannot read " + path);
    if (LooksLikeManifest(files[0].Bytes)) {
        Result<std::vector<std::string>> listed = ManifestFilePaths(files[0].Bytes, path);
        if (!listed) return listed.Err();
        size_t slash = path.rfind('/');
        std::string folder = slash == std::string::npos ? "." : path.substr(0, slash);
        for (const std::string& p : *listed) {
            InputFile f;
            f.Name = p;
            if (!ReadWholeFile(ListedPath(folder, p), &f.Bytes)) return MakeFieldError("dataset", path + " lists " + p + ", which cannot be read");
            files.push_back(std::move(f));
        }
    }
    Result<LoadedDataset> loaded = LoadDataset(files, LoadOptions{});
    if (!loaded) return loaded.Err();
    return std::move(loaded->Data);
}

Result<Mix> LoadMixArgument(const std::string& arg)
{
    if (arg.empty()) return MakeFieldError("mix", "give --mix with a mix JSON file, a preset name or inline JSON");
    std::string text;
    if (arg[0] != '{' && ReadWholeFile(arg, &text)) return MixFromTextOrPreset(text, arg);
    return MixFromTextOrPreset(arg);
}

Result<uint32_t> FindPeriodArgument(const Dataset& data, const std::string& label)
{
    if (data.Periods.empty()) return MakeFieldError("period", "the dataset has no periods");
    if (label.empty()) return (uint32_t)(data.Periods.size() - 1);
    int p = data.FindPeriod(label);
    if (p < 0)
        return MakeFieldError("period", "period '" + label + "' is not in the data (first " + data.Periods.front().Label + ", last " +
                                            data.Periods.back().Label + ")");
    return (uint32_t)p;
}

Result<uint32_t> FindSourceArgument(const Dataset& data, const std::string& key, const std::string& field)
{
    int s = data.FindSource(key);
    if (s < 0) {
        std::string keys;
        for (const Source& src : data.Sources) keys += (keys.empty() ? "" : ", ") + src.Key;
        return MakeFieldError(field, "there is no source '" + key + "'; sources are " + keys);
    }
    return (uint32_t)s;
}

Result<int> IntArgument(const Options& o, const std::string& name, int fallback, int lo, int hi)
{
    if (!o.Has(name)) return fallback;
    std::string v = o.Get(name);
    char* end = nullptr;
    long x = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || x < lo || x > hi)
        return MakeFieldError(name, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return (int)x;
}

int Refuse(const char* command, const Error& error)
{
    std::fprintf(stderr, "chartmix %s: %s\n", command, error.ToString().c_str());
    return 1;
}

} // namespace chartmix::cli
