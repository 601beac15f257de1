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
#include "core/importer.h"
#include "core/json.h"
#include "core/manifest.h"

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
                    SourceKindName(s.Kind), GranularityName(s.Granularity_), s.Depth, s.PublicationOffsetDays, stats[i].Entries, stats[i].Periods,
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
    // Every rejection is counted; the list keeps the first ones (core/limits.h) so that a file of
    // garbage cannot fill memory with messages.
    if (r.RowsRejected) std::printf("rejected rows: %zu%s\n", r.RowsRejected, r.RowsRejected > r.Rejected.size() ? " (the first ones listed)" : "");
    for (const Error& e : r.Rejected) std::printf("  %s\n", e.ToString().c_str());
}

void PrintJson(const LoadedDataset& loaded)
{
    const Dataset& d = loaded.Data;
    const LoadReport& r = loaded.Report;
    std::string out = "{\"dataset\":";
    AppendJsonString(out, d.Name);
    out += ",\"input_bytes\":" + std::to_string(r.InputBytes) + ",\"memory_bytes\":" + std::to_string(d.MemoryBytes());
    out += ",\"rows\":{\"read\":" + std::to_string(r.RowsRead) + ",\"loaded\":" + std::to_string(r.RowsLoaded) + ",\"filtered\":" +
           std::to_string(r.RowsFiltered) + ",\"rejected\":" + std::to_string(r.RowsRejected) + "}";
    out += ",\"files\":[";
    for (size_t i = 0; i < r.Files.size(); i++) {
        const FileReport& f = r.Files[i];
        out += i ? ",{\"name\":" : "{\"name\":";
        AppendJsonString(out, f.Name);
        out += ",\"encoding\":\"" + std::string(TextEncodingName(f.Encoding)) + "\",\"bom\":" + (f.HadBom ? "true" : "false") + ",\"rows_read\":" +
               std::to_string(f.RowsRead) + ",\"rows_loaded\":" + std::to_string(f.RowsLoaded) + ",\"rows_rejected\":" + std::to_string(f.RowsRejected) + "}";
    }
    out += "],\"sources\":[";
    std::vector<SourceStats> stats = CountBySource(d);
    for (size_t i = 0; i < d.Sources.size(); i++) {
        const Source& s = d.Sources[i];
        out += i ? ",{\"key\":" : "{\"key\":";
        AppendJsonString(out, s.Key);
        out += ",\"name\":";
        AppendJsonString(out, s.Name);
        out += ",\"region\":";
        AppendJsonString(out, s.Region);
        out += ",\"kind\":\"" + std::string(SourceKindName(s.Kind)) + "\",\"granularity\":\"" + GranularityName(s.Granularity_) + "\",\"depth\":" +
               std::to_string(s.Depth) + ",\"publication_offset_days\":" + std::to_string(s.PublicationOffsetDays) + ",\"units\":";
        AppendJsonString(out, s.UnitName);
        out += ",\"official\":" + std::string(s.IsOfficial ? "true" : "false") + ",\"entries\":" + std::to_string(stats[i].Entries) + ",\"periods\":" +
               std::to_string(stats[i].Periods) + ",\"off_chart\":" + std::to_string(stats[i].OffChart) + "}";
    }
    out += "],\"periods\":{\"count\":" + std::to_string(d.Periods.size());
    if (!d.Periods.empty()) {
        out += ",\"first\":";
        AppendJsonString(out, d.Periods.front().Label);
        out += ",\"last\":";
        AppendJsonString(out, d.Periods.back().Label);
    }
    const MatchReport& m = r.Matching;
    out += "},\"entries\":" + std::to_string(d.EntryCount());
    out += ",\"songs\":{\"count\":" + std::to_string(m.Songs) + ",\"spellings\":" + std::to_string(m.Spellings) + ",\"matched\":" +
           std::to_string(m.MatchedAcrossSources) + ",\"unmatched\":" + std::to_string(m.SingleSource) + ",\"overrides_applied\":" + std::to_string(m.OverridesApplied) +
           ",\"ambiguous\":[";
    for (size_t i = 0; i < m.Ambiguous.size(); i++) {
        if (i) out += ",";
        AppendJsonString(out, m.Ambiguous[i]);
    }
    out += "]},\"notes\":[";
    for (size_t i = 0; i < r.Notes.size(); i++) {
        if (i) out += ",";
        AppendJsonString(out, r.Notes[i]);
    }
    out += "],\"rejected\":[";
    for (size_t i = 0; i < r.Rejected.size(); i++) {
        const Error& e = r.Rejected[i];
        out += i ? ",{\"file\":" : "{\"file\":";
        AppendJsonString(out, e.File);
        out += ",\"line\":" + std::to_string(e.Line) + ",\"column\":" + std::to_string(e.Column) + ",\"field\":";
        AppendJsonString(out, e.Field);
        out += ",\"reason\":";
        AppendJsonString(out, e.Message);
        out += "}";
    }
    out += "]}\n";
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
