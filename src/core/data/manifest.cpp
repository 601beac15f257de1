#include "core/data/manifest.h"

#include "core/base/json.h"
#include "core/base/limits.h"

namespace chartmix {

namespace {

using JsonValue = rapidjson::Value;

struct Reader {
    std::string File;
    Error Fail(const std::string& field, const std::string& message) const
    {
        Error e = MakeFieldError(field, message);
        e.File = File;
        return e;
    }
};

const JsonValue* Member(const JsonValue& object, const char* name)
{
    auto it = object.FindMember(name);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

// Reads an optional string member; false (with *error) when present but not a string.
bool ReadString(const Reader& r, const JsonValue& object, const char* name, const std::string& where, std::string* out, Error* error)
{
    const JsonValue* v = Member(object, name);
    if (!v || v->IsNull()) return true;
    if (!v->IsString()) { *error = r.Fail(where + "." + name, "must be a string."); return false; }
    if (v->GetStringLength() > kMaxFieldBytes) {
        *error = r.Fail(where + "." + name, "is " + std::to_string(v->GetStringLength()) + " bytes long; manifest values are at most " + std::to_string(kMaxFieldBytes) + " bytes.");
        return false;
    }
    out->assign(v->GetString(), v->GetStringLength());
    return true;
}

bool ReadInt(const Reader& r, const JsonValue& object, const char* name, const std::string& where, int* out, Error* error)
{
    const JsonValue* v = Member(object, name);
    if (!v || v->IsNull()) return true;
    if (!v->IsInt()) { *error = r.Fail(where + "." + name, "must be a whole number."); return false; }
    *out = v->GetInt();
    return true;
}

bool ReadBool(const Reader& r, const JsonValue& object, const char* name, const std::string& where, bool* out, Error* error)
{
    const JsonValue* v = Member(object, name);
    if (!v || v->IsNull()) return true;
    if (!v->IsBool()) { *error = r.Fail(where + "." + name, "must be true or false."); return false; }
    *out = v->GetBool();
    return true;
}

bool ReadStringMap(const Reader& r, const JsonValue& object, const char* name, const std::string& where,
                   std::map<std::string, std::string>* out, Error* error)
{
    const JsonValue* v = Member(object, name);
    if (!v || v->IsNull()) return true;
    if (!v->IsObject()) { *error = r.Fail(where + "." + name, "must be an object of strings."); return false; }
    for (auto it = v->MemberBegin(); it != v->MemberEnd(); ++it) {
        if (!it->value.IsString()) { *error = r.Fail(where + "." + name + "." + it->name.GetString(), "must be a string."); return false; }
        (*out)[std::string(it->name.GetString(), it->name.GetStringLength())] = std::string(it->value.GetString(), it->value.GetStringLength());
    }
    return true;
}

bool ReadColumn(const Reader& r, const JsonValue& v, const std::string& where, ColumnRef* out, Error* error)
{
    if (v.IsNull()) return true;
    if (v.IsString()) {
        out->How = ColumnRef::Kind::Name;
        out->Names.assign(1, std::string(v.GetString(), v.GetStringLength()));
        return true;
    }
    if (v.IsInt()) {
        if (v.GetInt() < 0 || v.GetInt() > 4095) { *error = r.Fail(where, "a column index must be between 0 and 4095."); return false; }
        out->How = ColumnRef::Kind::Index;
        out->Index = v.GetInt();
        return true;
    }
    if (v.IsArray() && v.Size() > 0) {
        out->How = ColumnRef::Kind::Name;
        for (auto& name : v.GetArray()) {
            if (!name.IsString()) { *error = r.Fail(where, "alternatives must all be column names (strings)."); return false; }
            out->Names.emplace_back(name.GetString(), name.GetStringLength());
        }
        return true;
    }
    if (v.IsObject()) {
        if (const JsonValue* root = Member(v, "root"); root && root->IsString()) {
            out->How = ColumnRef::Kind::Root;
            out->Names.assign(1, root->GetString());
            return true;
        }
        if (const JsonValue* constant = Member(v, "value"); constant && constant->IsString()) {
            out->How = ColumnRef::Kind::Constant;
            out->Constant.assign(constant->GetString(), constant->GetStringLength());
            return true;
        }
    }
    *error = r.Fail(where, "must be a column name, a 0-based column index, a list of names, {\"root\": path} or {\"value\": text}.");
    return false;
}

bool ReadSource(const Reader& r, const JsonValue& v, const std::string& where, Source* out, Error* error)
{
    if (!v.IsObject()) { *error = r.Fail(where, "each source must be an object."); return false; }
    std::string kind = "other", granularity = "weekly";
    if (!ReadString(r, v, "key", where, &out->Key, error) || !ReadString(r, v, "name", where, &out->Name, error) ||
        !ReadString(r, v, "region", where, &out->Region, error) || !ReadString(r, v, "kind", where, &kind, error) ||
        !ReadString(r, v, "granularity", where, &granularity, error) || !ReadInt(r, v, "depth", where, &out->Depth, error) ||
        !ReadString(r, v, "units", where, &out->UnitName, error) ||
        !ReadInt(r, v, "publication_offset_days", where, &out->PublicationOffsetDays, error) ||
        !ReadString(r, v, "citation", where, &out->Citation, error) || !ReadBool(r, v, "official", where, &out->IsOfficial, error))
        return false;
    if (out->Key.empty()) { *error = r.Fail(where + ".key", "every source needs a key (a short id such as \"spotify-us\")."); return false; }
    if (out->Name.empty()) out->Name = out->Key;
    if (!ParseSourceKind(kind, &out->Kind)) {
        *error = r.Fail(where + ".kind", "\"" + kind + "\" is not a source kind; use physical_sales, download, audio_streams, video_streams, airplay, social, official_composite or other.");
        return false;
    }
    if (!ParseGranularity(granularity, &out->PeriodGranularity)) {
        *error = r.Fail(where + ".granularity", "\"" + granularity + "\" is not daily, weekly or monthly.");
        return false;
    }
    if (out->PublicationOffsetDays < -366 || out->PublicationOffsetDays > 366) {
        *error = r.Fail(where + ".publication_offset_days", "must be within a year of the tracking period.");
        return false;
    }
    return true;
}

bool ReadFile(const Reader& r, const JsonValue& v, const std::string& where, const Manifest& m, FileMapping* out, Error* error)
{
    if (!v.IsObject()) { *error = r.Fail(where, "each file must be an object."); return false; }
    std::string format = "", encoding = "auto", delimiter, date_format = "auto";
    if (!ReadString(r, v, "path", where, &out->Path, error) || !ReadString(r, v, "format", where, &format, error) ||
        !ReadString(r, v, "encoding", where, &encoding, error) || !ReadString(r, v, "delimiter", where, &delimiter, error) ||
        !ReadBool(r, v, "header", where, &out->Header, error) || !ReadString(r, v, "rows", where, &out->RowsPath, error) ||
        !ReadString(r, v, "source", where, &out->Source, error) || !ReadString(r, v, "date_format", where, &date_format, error) ||
        !ReadString(r, v, "date_range", where, &out->DateRange, error) ||
        !ReadStringMap(r, v, "source_values", where, &out->SourceValues, error) ||
        !ReadStringMap(r, v, "date_fixes", where, &out->DateFixes, error) ||
        !ReadBool(r, v, "skip_repeated_headers", where, &out->SkipRepeatedHeaders, error) ||
        !ReadBool(r, v, "fill_down_period", where, &out->FillDownPeriod, error))
        return false;
    if (out->Path.empty()) { *error = r.Fail(where + ".path", "every file needs a path, relative to the manifest."); return false; }
    if (format.empty()) format = out->Path.size() >= 5 && out->Path.substr(out->Path.size() - 5) == ".json" ? "json" : "csv";
    if (format == "csv") out->Format = FileFormat::Csv;
    else if (format == "json") out->Format = FileFormat::Json;
    else { *error = r.Fail(where + ".format", "must be \"csv\" or \"json\"."); return false; }
    if (!ParseTextEncoding(encoding, &out->Encoding)) { *error = r.Fail(where + ".encoding", "must be \"auto\", \"utf-8\" or \"cp949\"."); return false; }
    if (delimiter == "\\t" || delimiter == "tab") delimiter = "\t";
    if (delimiter.size() > 1 || delimiter == "\"" || delimiter == "\n") { *error = r.Fail(where + ".delimiter", "must be one character such as \",\", \";\" or \"\\t\"."); return false; }
    out->Delimiter = delimiter.empty() ? 0 : delimiter[0];
    out->Dates.Pattern = date_format;
    if (size_t year = date_format.find("YYYY"); year != std::string::npos && date_format.find("YYYY", year + 4) != std::string::npos) {
        // Read as one date, the second would silently win: a range is read with date_range.
        *error = r.Fail(where + ".date_format", "writes the year twice; a date range such as \"2025-01-02_to_2025-01-08\" is read with \"date_range\": \"_to_\" and a format for one date.");
        return false;
    }
    if (const JsonValue* scale = Member(v, "units_scale")) {
        if (!scale->IsNumber() || scale->GetDouble() <= 0) { *error = r.Fail(where + ".units_scale", "must be a positive number."); return false; }
        out->UnitsScale = scale->GetDouble();
    }
    if (const JsonValue* year = Member(v, "year"); year && !year->IsNull()) {
        if (!year->IsInt() || year->GetInt() < 1900 || year->GetInt() > 2200) { *error = r.Fail(where + ".year", "must be a year such as 2023 (1900..2200)."); return false; }
        out->Year.How = ColumnRef::Kind::Constant;
        out->Year.Constant = std::to_string(year->GetInt());
    }
    if (const JsonValue* source_column = Member(v, "source_column"))
        if (!ReadColumn(r, *source_column, where + ".source_column", &out->SourceColumn, error)) return false;
    const JsonValue* columns = Member(v, "columns");
    if (!columns || !columns->IsObject()) { *error = r.Fail(where + ".columns", "each file needs a \"columns\" object mapping rank, title, artist, period (and units)."); return false; }
    struct Slot { const char* Name; ColumnRef* Ref; };
    Slot slots[] = { { "period", &out->Period }, { "rank", &out->Rank }, { "title", &out->Title }, { "artist", &out->Artist },
                     { "units", &out->Units }, { "unit_type", &out->UnitType }, { "ids", &out->Ids }, { "year", &out->Year } };
    for (auto it = columns->MemberBegin(); it != columns->MemberEnd(); ++it) {
        std::string name(it->name.GetString(), it->name.GetStringLength());
        Slot* slot = nullptr;
        for (Slot& s : slots) if (name == s.Name) slot = &s;
        if (!slot) { *error = r.Fail(where + ".columns." + name, "is not a column this importer reads (period, rank, title, artist, units, unit_type, ids, year)."); return false; }
        if (slot->Ref == &out->Year && out->Year.Present()) { *error = r.Fail(where + ".columns.year", "give the year either as the file's \"year\" or as a column, not both."); return false; }
        if (!ReadColumn(r, it->value, where + ".columns." + name, slot->Ref, error)) return false;
    }
    for (const char* required : { "period", "title" }) {
        for (Slot& s : slots)
            if (std::string_view(s.Name) == required && !s.Ref->Present()) {
                *error = r.Fail(where + ".columns." + required, "is required.");
                return false;
            }
    }
    if (!out->Rank.Present() && !out->Units.Present()) { *error = r.Fail(where + ".columns", "needs a rank or a units column."); return false; }
    if (out->Source.empty() == !out->SourceColumn.Present()) {
        *error = r.Fail(where, "give either \"source\" (one source for every row) or \"source_column\" with \"source_values\".");
        return false;
    }
    auto known = [&](const std::string& key) {
        for (const Source& s : m.Sources) if (s.Key == key) return true;
        return false;
    };
    if (!out->Source.empty() && !known(out->Source)) { *error = r.Fail(where + ".source", "\"" + out->Source + "\" is not one of the manifest's sources."); return false; }
    for (auto& [value, key] : out->SourceValues)
        if (!known(key)) { *error = r.Fail(where + ".source_values." + value, "\"" + key + "\" is not one of the manifest's sources."); return false; }
    return true;
}

} // namespace

bool LooksLikeManifest(std::string_view text)
{
    size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) i++;
    if (i >= text.size() || text[i] != '{') return false;
    std::string_view head = text.substr(0, 1 << 16);
    return head.find("\"sources\"") != std::string_view::npos && head.find("\"files\"") != std::string_view::npos;
}

Result<Manifest> ParseManifest(std::string_view text, std::string_view file_name)
{
    Result<rapidjson::Document> parsed = ParseJson(text, file_name);
    if (!parsed) return parsed.Err();
    const rapidjson::Document& doc = *parsed;
    Reader r{ std::string(file_name) };
    if (!doc.IsObject()) return r.Fail("", "a manifest is a JSON object with \"sources\" and \"files\".");
    Manifest m;
    Error error;
    if (!ReadString(r, doc, "name", "", &m.Name, &error)) return error;

    const JsonValue* sources = Member(doc, "sources");
    if (!sources || !sources->IsArray() || sources->Empty()) return r.Fail("sources", "a manifest needs a non-empty \"sources\" list.");
    if (sources->Size() > kMaxSources)
        return r.Fail("sources", "lists " + std::to_string(sources->Size()) + " sources; a dataset has at most " + std::to_string(kMaxSources) +
                                     " (each is a slider and a weight in every mix); split it into several datasets.");
    for (rapidjson::SizeType i = 0; i < sources->Size(); i++) {
        Source s;
        std::string where = "sources[" + std::to_string(i) + "]";
        if (!ReadSource(r, (*sources)[i], where, &s, &error)) return error;
        for (const Source& other : m.Sources)
            if (other.Key == s.Key) return r.Fail(where + ".key", "\"" + s.Key + "\" is used by two sources.");
        m.Sources.push_back(std::move(s));
    }

    // The dataset's period grid: the coarsest source granularity unless the manifest says otherwise.
    Granularity coarsest = Granularity::Daily;
    for (const Source& s : m.Sources) if ((int)s.PeriodGranularity > (int)coarsest) coarsest = s.PeriodGranularity;
    m.Periods.Target = coarsest;
    if (const JsonValue* period = Member(doc, "period")) {
        if (!period->IsObject()) return r.Fail("period", "must be an object with \"granularity\" and \"week_ends_on\".");
        std::string granularity, week_end;
        if (!ReadString(r, *period, "granularity", "period", &granularity, &error) || !ReadString(r, *period, "week_ends_on", "period", &week_end, &error)) return error;
        if (!granularity.empty() && !ParseGranularity(granularity, &m.Periods.Target)) return r.Fail("period.granularity", "must be daily, weekly or monthly.");
        if (!week_end.empty()) {
            m.Periods.WeekEndsOn = ParseWeekday(week_end);
            if (m.Periods.WeekEndsOn < 0) return r.Fail("period.week_ends_on", "must be a weekday name such as \"thursday\".");
        }
    }

    const JsonValue* files = Member(doc, "files");
    if (!files || !files->IsArray() || files->Empty()) return r.Fail("files", "a manifest needs a non-empty \"files\" list.");
    if (files->Size() > kMaxFiles)
        return r.Fail("files", "lists " + std::to_string(files->Size()) + " files; one load takes at most " + std::to_string(kMaxFiles) + ".");
    for (rapidjson::SizeType i = 0; i < files->Size(); i++) {
        FileMapping f;
        if (!ReadFile(r, (*files)[i], "files[" + std::to_string(i) + "]", m, &f, &error)) return error;
        m.Files.push_back(std::move(f));
    }

    if (const JsonValue* aliases = Member(doc, "aliases")) {
        if (!aliases->IsArray()) return r.Fail("aliases", "must be a list of lists of names.");
        for (rapidjson::SizeType i = 0; i < aliases->Size(); i++) {
            const JsonValue& group = (*aliases)[i];
            std::string where = "aliases[" + std::to_string(i) + "]";
            if (!group.IsArray() || group.Size() < 2) return r.Fail(where, "each alias group lists two or more names of one artist.");
            std::vector<std::string> names;
            for (auto& name : group.GetArray()) {
                if (!name.IsString()) return r.Fail(where, "names must be strings.");
                names.emplace_back(name.GetString(), name.GetStringLength());
            }
            m.Aliases.push_back(std::move(names));
        }
    }

    if (const JsonValue* overrides = Member(doc, "overrides")) {
        if (!overrides->IsArray()) return r.Fail("overrides", "must be a list.");
        for (rapidjson::SizeType i = 0; i < overrides->Size(); i++) {
            const JsonValue& o = (*overrides)[i];
            std::string where = "overrides[" + std::to_string(i) + "]";
            if (!o.IsObject()) return r.Fail(where, "each override is an object.");
            MatchOverride mo;
            if (!ReadString(r, o, "title", where, &mo.Title, &error) || !ReadString(r, o, "artist", where, &mo.Artist, &error) ||
                !ReadBool(r, o, "distinct", where, &mo.Distinct, &error))
                return error;
            if (mo.Title.empty()) return r.Fail(where + ".title", "an override names a song by its title and artist as one chart prints them.");
            if (const JsonValue* same = Member(o, "same_as")) {
                if (!same->IsObject()) return r.Fail(where + ".same_as", "must be an object with title and artist.");
                if (!ReadString(r, *same, "title", where + ".same_as", &mo.SameTitle, &error) ||
                    !ReadString(r, *same, "artist", where + ".same_as", &mo.SameArtist, &error))
                    return error;
            }
            if (mo.Distinct == !mo.SameTitle.empty()) return r.Fail(where, "say either \"distinct\": true or \"same_as\": {title, artist}.");
            m.Overrides.push_back(std::move(mo));
        }
    }
    return m;
}

Result<std::vector<std::string>> ManifestFilePaths(std::string_view text, std::string_view file_name)
{
    Result<Manifest> m = ParseManifest(text, file_name);
    if (!m) return m.Err();
    std::vector<std::string> paths;
    for (const FileMapping& f : m->Files) {
        bool seen = false;
        for (const std::string& p : paths) seen |= p == f.Path;
        if (!seen) paths.push_back(f.Path);
    }
    return paths;
}

} // namespace chartmix
