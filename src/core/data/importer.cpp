// Loads chart files into a Dataset: the checks of each file, then LoadDataset, which runs the per-row
// rules (row_importer.h) over every file.
// Index:
// [SECTION] Files
// [SECTION] LoadDataset
#include "core/data/importer.h"

#include <algorithm>
#include <cstring>

#include "core/base/json.h"
#include "core/base/limits.h"
#include "core/data/csv.h"
#include "core/data/importer_rows.h"
#include "core/data/load_checks.h"
#include "core/data/manifest.h"
#include "core/data/period.h"
#include "core/data/row_importer.h"
#include "core/data/units.h"

namespace chartmix {

using namespace detail;

namespace {

// [SECTION] Files

// "3 MB", or "1,000 bytes" below a megabyte, so a limit message never says "0 MB".
std::string DescribeBytes(size_t bytes)
{
    if (bytes >= (size_t(1) << 20)) return std::to_string(bytes >> 20) + " MB";
    return std::to_string(bytes) + " bytes";
}

bool EndsWith(std::string_view s, std::string_view suffix) { return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix; }

// Checks a file and decodes it to UTF-8; with consume, the bytes move into the decoded text (no copy).
Result<DecodedText> CheckAndDecode(InputFile& file, TextEncoding encoding, const LoadOptions& options, bool consume)
{
    if (file.Bytes.empty()) return MakeErrorAt(file.Name, 0, 0, "the file is empty: there is no chart in it.");
    if (file.Bytes.size() > options.MaxFileBytes)
        return MakeErrorAt(file.Name, 0, 0, "the file is " + DescribeBytes(file.Bytes.size()) + ", more than the " + DescribeBytes(options.MaxFileBytes) +
                                                " one load may hold (the browser app has 1 GB of memory); split it into smaller files.");
    if (file.Bytes.size() >= 2 && (unsigned char)file.Bytes[0] == 0x1F && (unsigned char)file.Bytes[1] == 0x8B)
        return MakeErrorAt(file.Name, 0, 0, "the file is gzip-compressed: decompress it first.");
    if (LooksBinary(file.Bytes)) return MakeErrorAt(file.Name, 0, 0, "the file holds binary data, not a chart (CSV or JSON text).");
    return DecodeToUtf8InPlace(consume ? std::move(file.Bytes) : std::string(file.Bytes), encoding, file.Name);
}

// About how many lines a CSV has, from the lines in its first 64 KB: the entry columns are reserved
// once instead of doubling their way up (which would hold two copies at the peak).
size_t EstimateRows(std::string_view text)
{
    const size_t sample = std::min<size_t>(text.size(), 1 << 16);
    size_t lines = 1;
    for (const char* p = text.data(); (p = (const char*)std::memchr(p, '\n', (size_t)(text.data() + sample - p))) != nullptr; p++) lines++;
    return (size_t)((double)lines * ((double)text.size() / (double)std::max<size_t>(sample, 1)) * 1.05) + 16;
}

// The header of a CSV, read from a copy of its first 64 KiB so the caller's text stays untouched.
std::vector<std::string> PeekHeader(std::string_view text, char delimiter)
{
    std::string copy(text.substr(0, std::min<size_t>(text.size(), 1 << 16)));
    CsvReader reader("", copy.data(), copy.size(), delimiter);
    std::vector<std::string> header;
    if (reader.Next())
        for (size_t i = 0; i < reader.FieldCount(); i++) header.emplace_back(TrimSpaces(reader.Field(i)));
    return header;
}

int FindColumn(const std::vector<std::string>& header, std::initializer_list<const char*> names)
{
    for (const char* name : names)
        for (size_t i = 0; i < header.size(); i++) {
            std::string lower = header[i];
            for (char& c : lower) if (c >= 'A' && c <= 'Z') c += 32;
            if (lower == name) return (int)i;
        }
    return -1;
}

// The mapping of a canonical tidy CSV, or an Error saying what its header lacks.
// Its grid comes from its first readable date, as the rows are read (RowImporter::ResolvePeriod).
Result<FileMapping> CanonicalMapping(const std::string& name, std::string_view text)
{
    std::vector<std::string> header = PeekHeader(text, ',');
    std::string missing;
    for (const char* required : { "source", "period", "rank", "title", "artist" })
        if (FindColumn(header, { required }) < 0) missing += (missing.empty() ? "" : ", ") + std::string(required);
    if (!missing.empty())
    {
        Error e = MakeErrorAt(name, 1, 1, "chartmix cannot tell which columns of this file hold the chart: its first line has no " + missing +
                                              " column. Open it together with a manifest, a small JSON file that names its columns.");
        e.Details = "How to write a manifest: docs/dataset-format.md, section 2.";
        return e;
    }
    FileMapping m;
    m.Path = name;
    m.Delimiter = ',';
    auto named = [](const char* column) { ColumnRef r; r.How = ColumnRef::Kind::Name; r.Names = { column }; return r; };
    m.SourceColumn = named("source");
    m.Period = named("period");
    m.Rank = named("rank");
    m.Title = named("title");
    m.Artist = named("artist");
    if (FindColumn(header, { "units" }) >= 0) m.Units = named("units");
    if (FindColumn(header, { "unit_type" }) >= 0) m.UnitType = named("unit_type");
    if (FindColumn(header, { "ids" }) >= 0) m.Ids = named("ids");
    return m;
}

// Refuses a dataset whose busiest period, times its sources, is more than the per-song breakdown
// of a ranking may hold (kMaxPeriodCells). Linear in the entries.
Status CheckPeriodCells(const Dataset& d, const std::string& name)
{
    const size_t sources = d.Sources.size();
    std::vector<uint32_t> seen(d.Songs.size(), UINT32_MAX);
    for (uint32_t p = 0; p + 1 < d.PeriodGroupBegin.size(); p++) {
        size_t songs = 0;
        for (uint32_t g = d.PeriodGroupBegin[p]; g < d.PeriodGroupBegin[p + 1]; g++)
            for (uint32_t e = d.Groups[g].Begin; e < d.Groups[g].End; e++)
                if (seen[d.EntrySong[e]] != p) { seen[d.EntrySong[e]] = p; songs++; }
        if (songs * sources > kMaxPeriodCells)
            return MakeErrorAt(name, 0, 0, "the period " + d.Periods[p].Label + " has " + std::to_string(songs) + " songs on " + std::to_string(sources) +
                                               " charts; the per-chart breakdown of its ranking would hold more than " + std::to_string(kMaxPeriodCells) +
                                               " values, too many for the browser app's 1 GB of memory. Load fewer charts or split the data.");
    }
    return OkStatus();
}

InputFile* FindInput(std::vector<InputFile>& files, const std::string& path)
{
    for (InputFile& f : files) if (f.Name == path) return &f;
    // Callers that only kept base names still match.
    std::string_view base = path;
    if (size_t slash = base.rfind('/'); slash != std::string_view::npos) base = base.substr(slash + 1);
    for (InputFile& f : files) if (f.Name == base || EndsWith(f.Name, "/" + std::string(base))) return &f;
    return nullptr;
}

} // namespace

// [SECTION] LoadDataset

Result<LoadedDataset> LoadDataset(const std::vector<InputFile>& files, const LoadOptions& options)
{
    return LoadDataset(std::vector<InputFile>(files), options);
}

Result<LoadedDataset> LoadDataset(std::vector<InputFile>&& files, const LoadOptions& options)
{
    if (files.empty()) return MakeError("no file was given.");
    if (files.size() > kMaxFiles)
        return MakeError(std::to_string(files.size()) + " files were given; one load takes at most " + std::to_string(kMaxFiles) + " files.");
    LoadedDataset loaded;
    LoadReport& report = loaded.Report;
    for (const InputFile& f : files) report.InputBytes += f.Bytes.size();
    if (files.size() > 1 && report.InputBytes > options.MaxFileBytes)
        return MakeError("the files are " + DescribeBytes(report.InputBytes) + " together, more than the " + DescribeBytes(options.MaxFileBytes) +
                         " one load may hold (the browser app has 1 GB of memory); load fewer files at a time.");

    const InputFile* manifest_file = nullptr;
    for (const InputFile& f : files)
        if (EndsWith(f.Name, ".json") && LooksLikeManifest(f.Bytes)) { manifest_file = &f; break; }

    Manifest manifest;
    std::vector<std::pair<InputFile*, FileMapping>> work;
    if (manifest_file) {
        Result<Manifest> parsed = ParseManifest(manifest_file->Bytes, manifest_file->Name);
        if (!parsed) return parsed.Err();
        manifest = parsed.Take();
        for (const FileMapping& m : manifest.Files) {
            InputFile* input = FindInput(files, m.Path);
            if (!input) return MakeErrorAt(manifest_file->Name, 0, 0, "the manifest lists \"" + m.Path + "\" but that file was not given.");
            work.emplace_back(input, m);
        }
    } else {
        manifest.Name = files[0].Name;
        for (InputFile& f : files) {
            if (EndsWith(f.Name, ".json") && !f.Bytes.empty()) {
                // A manifest cut short may lack "files": JSON that does not parse says where it stops.
                if (Result<rapidjson::Document> parsed = ParseJson(f.Bytes, f.Name); !parsed) return parsed.Err();
                return MakeErrorAt(f.Name, 0, 0, "this JSON file is not a manifest (a manifest has \"sources\" and \"files\"); JSON chart layouts load through a manifest.");
            }
            work.emplace_back(&f, FileMapping{});
        }
    }

    DatasetBuilder builder;
    builder.SetName(manifest.Name, false);
    for (const Source& s : manifest.Sources) builder.AddSource(s);
    PeriodRules rules = manifest.Periods;

    std::vector<DecodedText> decoded(work.size());
    std::vector<size_t> input_bytes(work.size());
    for (size_t i = 0; i < work.size(); i++) {
        auto& [input, mapping] = work[i];
        input_bytes[i] = input->Bytes.size();
        // A file the manifest maps once gives its bytes up to the decoded text; one mapped twice is copied.
        bool mapped_once = true;
        for (size_t j = i + 1; j < work.size(); j++) mapped_once = mapped_once && work[j].first != input;
        Result<DecodedText> text = CheckAndDecode(*input, mapping.Encoding, options, mapped_once);
        if (!text) {
            if (files.size() == 1 || options.Strict) return text.Err();
            report.Rejected.push_back(text.Err());
            input = nullptr;
            continue;
        }
        decoded[i] = text.Take();
        std::string& t = decoded[i].Text;
        if (mapping.Format == FileFormat::Csv && t.find('\n') == std::string::npos && t.find('\r') != std::string::npos) {
            // Classic Mac line endings (CR only): without this the whole file would read as one record.
            std::replace(t.begin(), t.end(), '\r', '\n');
            report.Notes.push_back(input->Name + ": lines end with CR only (classic Mac); read as ordinary lines.");
        }
        if (!manifest_file) {
            Result<FileMapping> m = CanonicalMapping(input->Name, decoded[i].View());
            if (!m) {
                if (files.size() == 1 || options.Strict) return m.Err();
                report.Rejected.push_back(m.Err());
                input = nullptr;
                continue;
            }
            mapping = m.Take();
        }
    }

    RowImporter importer(options, report, builder, rules, manifest_file == nullptr);
    importer.PrepareSources();
    size_t rows = 0;
    for (size_t i = 0; i < work.size(); i++)
        if (work[i].first && work[i].second.Format == FileFormat::Csv) rows += EstimateRows(decoded[i].View());
    rows = std::min(rows, kMaxRows);
    builder.Reserve(rows);
    importer.Reserve(rows);
    for (size_t i = 0; i < work.size(); i++) {
        auto& [input, mapping] = work[i];
        if (!input) continue;
        FileReport file;
        file.Name = input->Name;
        file.Bytes = input_bytes[i];
        file.Encoding = decoded[i].Found;
        file.HadBom = decoded[i].HadBom;
        if (file.Encoding == TextEncoding::Cp949) importer.NoteOnce(file.Name + ": decoded from CP949 (Korean) to UTF-8.");
        report.Files.push_back(file);
        importer.BeginFile(mapping, &report.Files.back(), (uint32_t)report.Files.size() - 1);
        DecodedText& text = decoded[i];
        Status status = mapping.Format == FileFormat::Json
                            ? ReadJsonRows(mapping, text.View(), input->Name, importer)
                            : ReadCsvRows(mapping, text.Text.data() + text.Skip, text.Text.size() - text.Skip, input->Name, !manifest_file, importer);
        std::string().swap(decoded[i].Text);
        importer.EndFile();
        if (importer.FatalError()) return *importer.FatalError();
        if (importer.StrictError()) {
            Error e = *importer.StrictError();
            e.Message += " (strict loading stops at the first row it cannot read)";
            return e;
        }
        if (!status) {
            Error e = status.Err();
            if (e.File.empty()) e.File = input->Name;
            if (options.Strict) return e;
            report.Rejected.push_back(e);
        }
    }
    if (!importer.RejectRepeatedSlots()) {
        Error e = *importer.StrictError();
        e.Message += " (strict loading stops at the first row it cannot read)";
        return e;
    }
    importer.FinishRollups();
    rules = importer.Rules();
    if (report.RowsRejected > kMaxListedRejections)
        report.Notes.push_back(std::to_string(report.RowsRejected) + " rows could not be read; the first " + std::to_string(kMaxListedRejections) +
                               " are listed with the reason (the count per file is exact).");
    for (const Source& s : builder.Peek().Sources)
        if (s.PeriodGranularity == Granularity::Daily && rules.Target != Granularity::Daily)
            report.Notes.push_back(s.Key + ": daily chart rolled up to " + GranularityName(rules.Target) +
                                   " periods (rank = rounded mean of the daily ranks on the days charted; units = sum of daily units).");

    if (builder.EntryCount() == 0) {
        std::string name = work.size() == 1 ? files[0].Name : manifest.Name;
        if (!report.Rejected.empty()) {
            Error first = report.Rejected.front();
            first.Message = "no row could be read; the first problem: " + first.Message;
            return first;
        }
        return MakeErrorAt(name, 0, 0, "there are no chart rows in it.");
    }
    loaded.Data = builder.Finish();
    // Songs whose every row was refused (a repeated rank) are not songs of the data.
    DropSongsWithoutEntries(loaded.Data);
    std::vector<uint8_t> rolled_up(loaded.Data.Sources.size(), 0);
    for (size_t s = 0; s < rolled_up.size(); s++)
        rolled_up[s] = loaded.Data.Sources[s].PeriodGranularity == Granularity::Daily && rules.Target != Granularity::Daily;
    NoteRankGaps(loaded.Data, rolled_up, &report.Notes);
    if (options.Match) report.Matching = MatchSongs(loaded.Data, manifest.Aliases, manifest.Overrides);
    else report.Matching.Spellings = report.Matching.Songs = loaded.Data.Songs.size();
    report.RepeatsLeftOut = DropRepeatedSongs(loaded.Data, &report.Notes);
    if (Status st = CheckPeriodCells(loaded.Data, work.size() == 1 ? files[0].Name : manifest.Name); !st) return st.Err();
    return loaded;
}

} // namespace chartmix
