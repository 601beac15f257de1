// chartmix inspect: load a dataset as the app would and show what came out of it, including every
// row that could not be read, so a user can fix a manifest or a file without guessing.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/base/json.h"
#include "core/data/importer.h"
#include "core/data/manifest.h"

namespace chartmix::cli {

namespace {

std::string Folder(const std::string& path)
{
    size_t slash = path.rfind('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

struct SourceStats {
    size_t Entries = 0, Periods = 0, OffChart = 0;
};

std::vector<SourceStats> CountBySource(const Dataset& d)
{
    std::vector<SourceStats> stats(d.Sources.size());
    for (const EntryGroup& g : d.Groups) {
        stats[g.Source].Entries += g.End - g.Begin;
        stats[g.Source].Periods++;
        for (uint32_t e = g.Begin; e < g.End; e++) stats[g.Source].OffChart += d.EntryRank[e] == kNoRank;
    }
    return stats;
}

void PrintText(const LoadedDataset& loaded)
{
    const Dataset& d = loaded.Data;
    const LoadReport& r = loaded.Report;
    std::printf("dataset: %s\n", d.Name.c_str());
    std::printf("files: %zu (%zu bytes); rows read %zu, loaded %zu, left out on purpose %zu, rejected %zu\n", r.Files.size(), r.InputBytes, r.RowsRead,
                r.RowsLoaded, r.RowsFiltered, r.RowsRejected);
    for (const FileReport& f : r.Files)
        std::printf("  %s: %s%s, %zu rows read, %zu loaded, %zu left out, %zu rejected\n", f.Name.c_str(), TextEncodingName(f.Encoding),
                    f.HadBom ? " with BOM" : "", f.RowsRead, f.RowsLoaded, f.RowsFiltered, f.RowsRejected);
    std::vector<SourceStats> stats = CountBySource(d);
    std::printf("sources: %zu\n", d.Sources.size());
    for (size_t i = 0; i < d.Sources.size(); i++) {
        const Source& s = d.Sources[i];
        std::printf("  %-22s %-8s %-18s %-8s depth %-5d offset %+d  %zu entries in %zu periods%s%s\n", s.Key.c_str(), s.Region.empty() ? "-" : s.Region.c_str(),
                    SourceKindName(s.Kind), GranularityName(s.PeriodGranularity), s.Depth, s.PublicationOffsetDays, stats[i].Entries, stats[i].Periods,
                    s.UnitName.empty() ? "" : (", units: " + s.UnitName).c_str(), stats[i].OffChart ? (", " + std::to_string(stats[i].OffChart) + " off-chart").c_str() : "");
    }
    if (!d.Periods.empty())
        std::printf("periods: %zu, %s .. %s\n", d.Periods.size(), d.Periods.front().Label.c_str(), d.Periods.back().Label.c_str());
    const MatchReport& m = r.Matching;
    std::printf("songs: %zu (from %zu spellings; %zu on two or more sources, %zu on one source only, %zu ambiguous, %zu overrides applied)\n", m.Songs,
                m.Spellings, m.MatchedAcrossSources, m.SingleSource, m.Ambiguous.size(), m.OverridesApplied);
    std::printf("entries: %zu\n", d.EntryCount());
    std::printf("memory: %zu bytes for %zu bytes of input (%.2fx)\n", d.MemoryBytes(), r.InputBytes, r.InputBytes ? (double)d.MemoryBytes() / (double)r.InputBytes : 0.0);
    for (const std::string& n : r.Notes) std::printf("note: %s\n", n.c_str());
    for (const std::string& a : m.Ambiguous) std::printf("ambiguous: %s\n", a.c_str());
    for (const std::string& p : m.Problems) std::printf("problem: %s\n", p.c_str());
    // Every rejection is counted; the list keeps the first ones (core/base/limits.h) so that a file of
    // garbage cannot fill memory with messages.
    if (r.RowsRejected) std::printf("rejected rows: %zu%s\n", r.RowsRejected, r.RowsRejected > r.Rejected.size() ? " (the first ones listed)" : "");
    for (const Error& e : r.Rejected) std::printf("  %s\n", e.ToString().c_str());
}

void PrintJson(const LoadedDataset& loaded)
{
    const Dataset& d = loaded.Data;
    const LoadReport& r = loaded.Report;
    std::string out;
    JsonWriter w(&out);
    w.StartObject();
    w.String("dataset", d.Name);
    w.Number("input_bytes", (double)r.InputBytes);
    w.Number("memory_bytes", (double)d.MemoryBytes());
    w.Key("rows");
    w.StartObject();
    w.Number("read", (double)r.RowsRead);
    w.Number("loaded", (double)r.RowsLoaded);
    w.Number("filtered", (double)r.RowsFiltered);
    w.Number("rejected", (double)r.RowsRejected);
    w.EndObject();
    w.Key("files");
    w.StartArray();
    for (const FileReport& f : r.Files) {
        w.StartObject();
        w.String("name", f.Name);
        w.String("encoding", TextEncodingName(f.Encoding));
        w.Bool("bom", f.HadBom);
        w.Number("rows_read", (double)f.RowsRead);
        w.Number("rows_loaded", (double)f.RowsLoaded);
        w.Number("rows_rejected", (double)f.RowsRejected);
        w.EndObject();
    }
    w.EndArray();
    w.Key("sources");
    w.StartArray();
    std::vector<SourceStats> stats = CountBySource(d);
    for (size_t i = 0; i < d.Sources.size(); i++) {
        const Source& s = d.Sources[i];
        w.StartObject();
        w.String("key", s.Key);
        w.String("name", s.Name);
        w.String("region", s.Region);
        w.String("kind", SourceKindName(s.Kind));
        w.String("granularity", GranularityName(s.PeriodGranularity));
        w.Number("depth", s.Depth);
        w.Number("publication_offset_days", s.PublicationOffsetDays);
        w.String("units", s.UnitName);
        w.Bool("official", s.IsOfficial);
        w.Number("entries", (double)stats[i].Entries);
        w.Number("periods", (double)stats[i].Periods);
        w.Number("off_chart", (double)stats[i].OffChart);
        w.EndObject();
    }
    w.EndArray();
    w.Key("periods");
    w.StartObject();
    w.Number("count", (double)d.Periods.size());
    if (!d.Periods.empty()) {
        w.String("first", d.Periods.front().Label);
        w.String("last", d.Periods.back().Label);
    }
    w.EndObject();
    const MatchReport& m = r.Matching;
    w.Number("entries", (double)d.EntryCount());
    w.Key("songs");
    w.StartObject();
    w.Number("count", (double)m.Songs);
    w.Number("spellings", (double)m.Spellings);
    w.Number("matched", (double)m.MatchedAcrossSources);
    w.Number("unmatched", (double)m.SingleSource);
    w.Number("overrides_applied", (double)m.OverridesApplied);
    w.Key("ambiguous");
    w.StartArray();
    for (const std::string& a : m.Ambiguous) w.String(a);
    w.EndArray();
    w.EndObject();
    w.Key("notes");
    w.StartArray();
    for (const std::string& note : r.Notes) w.String(note);
    w.EndArray();
    w.Key("rejected");
    w.StartArray();
    for (const Error& e : r.Rejected) {
        w.StartObject();
        w.String("file", e.File);
        w.Number("line", e.Line);
        w.Number("column", e.Column);
        w.String("field", e.Field);
        w.String("reason", e.Message);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out += "\n";
    std::fputs(out.c_str(), stdout);
}

void PrintUsage(FILE* out)
{
    std::fprintf(out,
                 "usage: chartmix inspect <manifest.json|file.csv> [--format text|json] [--strict|--lenient]\n"
                 "  Loads a dataset and lists its sources, periods, songs, entries, song matching and every\n"
                 "  row it could not read (file:line:column and why).\n"
                 "  --strict    fail on the first unreadable row (exit 1)\n"
                 "  --lenient   load the rest and list what was skipped (default)\n");
}

} // namespace

int RunInspect(int argc, char** argv)
{
    std::string path, format = "text";
    LoadOptions options;
    for (int i = 1; i < argc; i++) {
        std::string_view a = argv[i];
        if (a == "--help" || a == "-h") { PrintUsage(stdout); return 0; }
        if (a == "--strict") options.Strict = true;
        else if (a == "--lenient") options.Strict = false;
        else if (a == "--format" && i + 1 < argc) format = argv[++i];
        else if (a.substr(0, 9) == "--format=") format = std::string(a.substr(9));
        else if (!a.empty() && a[0] == '-') { std::fprintf(stderr, "chartmix inspect: unknown option '%s'.\n", argv[i]); PrintUsage(stderr); return 2; }
        else if (path.empty()) path = std::string(a);
        else { std::fprintf(stderr, "chartmix inspect: give one manifest or CSV file.\n"); return 2; }
    }
    if (path.empty() || (format != "text" && format != "json")) { PrintUsage(stderr); return 2; }

    std::vector<InputFile> files(1);
    files[0].Name = path;
    if (!ReadWholeFile(path, &files[0].Bytes)) { std::fprintf(stderr, "chartmix inspect: cannot read %s.\n", path.c_str()); return 1; }
    if (LooksLikeManifest(files[0].Bytes)) {
        Result<std::vector<std::string>> listed = ManifestFilePaths(files[0].Bytes, path);
        if (!listed) { std::fprintf(stderr, "chartmix inspect: %s\n", listed.Err().ToString().c_str()); return 1; }
        std::string folder = Folder(path);
        for (const std::string& p : *listed) {
            InputFile f;
            f.Name = p;
            if (!ReadWholeFile(ListedPath(folder, p), &f.Bytes)) {
                std::fprintf(stderr, "chartmix inspect: %s lists %s, which cannot be read (looked at %s).\n", path.c_str(), p.c_str(), ListedPath(folder, p).c_str());
                return 1;
            }
            files.push_back(std::move(f));
        }
    }
    Result<LoadedDataset> loaded = LoadDataset(files, options);
    if (!loaded) { std::fprintf(stderr, "chartmix inspect: %s\n", loaded.Err().ToString().c_str()); return 1; }
    if (format == "json") PrintJson(*loaded);
    else PrintText(*loaded);
    return 0;
}

} // namespace chartmix::cli
