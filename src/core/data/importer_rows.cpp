#include "core/data/importer_rows.h"

#include <algorithm>
#include <cstdio>

#include "core/base/json.h"
#include "core/data/csv.h"
#include "core/data/units.h"

namespace chartmix::detail {

static const char* const kFieldNames[kFieldCount] = { "source", "period", "rank", "title", "artist", "units", "unit_type", "ids", "year" };

const char* FieldName(int field) { return field >= 0 && field < kFieldCount ? kFieldNames[field] : "value"; }

static const ColumnRef* MappedColumn(const FileMapping& m, int field)
{
    switch (field) {
    case kFieldSource: return &m.SourceColumn;
    case kFieldPeriod: return &m.Period;
    case kFieldRank: return &m.Rank;
    case kFieldTitle: return &m.Title;
    case kFieldArtist: return &m.Artist;
    case kFieldUnits: return &m.Units;
    case kFieldUnitType: return &m.UnitType;
    case kFieldIds: return &m.Ids;
    case kFieldYear: return &m.Year;
    }
    return nullptr;
}

// [SECTION] CSV

static bool SameName(std::string_view a, std::string_view b, bool case_insensitive)
{
    a = TrimSpaces(a);
    b = TrimSpaces(b);
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++) {
        char x = a[i], y = b[i];
        if (case_insensitive) {
            if (x >= 'A' && x <= 'Z') x += 32;
            if (y >= 'A' && y <= 'Z') y += 32;
        }
        if (x != y) return false;
    }
    return true;
}

namespace {

class CsvLocator final : public RowLocator {
public:
    const CsvReader* Reader = nullptr;
    const int* Index = nullptr;
    Error Locate(int field, std::string message) const override
    {
        int line = 0, column = 0;
        Reader->FieldPosition(Index[field] >= 0 ? (size_t)Index[field] : 0, &line, &column);
        Error e = MakeErrorAt("", line, column, std::move(message));
        return e;
    }
};

} // namespace

Status ReadCsvRows(const FileMapping& mapping, char* data, size_t size, std::string_view file_name, bool case_insensitive_header, RowSink& sink)
{
    char delimiter = mapping.Delimiter ? mapping.Delimiter : SniffDelimiter(std::string_view(data, size));
    CsvReader reader(file_name, data, size, delimiter);
    int index[kFieldCount];
    std::string constants[kFieldCount];
    std::vector<std::string> header;
    if (mapping.Header) {
        if (!reader.Next()) return MakeErrorAt(std::string(file_name), 1, 1, "the file has no header line.");
        if (reader.RecordError()) return *reader.RecordError();
        for (size_t i = 0; i < reader.FieldCount(); i++) header.emplace_back(TrimSpaces(reader.Field(i)));
    }
    for (int f = 0; f < kFieldCount; f++) {
        index[f] = -1;
        const ColumnRef* ref = MappedColumn(mapping, f);
        if (ref->How == ColumnRef::Kind::Index) index[f] = ref->Index;
        else if (ref->How == ColumnRef::Kind::Constant) constants[f] = ref->Constant;
        else if (ref->How == ColumnRef::Kind::Root) return MakeFieldError(std::string("columns.") + kFieldNames[f], "{\"root\": ...} only applies to JSON files.");
        else if (ref->How == ColumnRef::Kind::Name) {
            if (!mapping.Header) return MakeFieldError(std::string("columns.") + kFieldNames[f], "a file without a header row maps columns by index.");
            for (const std::string& name : ref->Names) {
                for (size_t i = 0; i < header.size() && index[f] < 0; i++)
                    if (SameName(header[i], name, case_insensitive_header)) index[f] = (int)i;
                if (index[f] >= 0) break;
            }
            if (index[f] < 0) {
                std::string have;
                for (const std::string& h : header) have += (have.empty() ? "\"" : ", \"") + h + "\"";
                Error e = MakeErrorAt(std::string(file_name), 1, 1, "there is no column named \"" + ref->Names[0] + "\" for the " + kFieldNames[f] +
                                                                      " (the header has " + have + ").");
                return e;
            }
        }
    }
    // Columns after the last one mapped and after the header's width are scanned but not stored; one
    // past the header is kept so that a record with more fields than the header is seen.
    int last_column = 0;
    for (int f = 0; f < kFieldCount; f++) last_column = std::max(last_column, index[f]);
    reader.KeepFields(std::max((size_t)last_column + 1, header.size() + 1));
    CsvLocator locator;
    locator.Reader = &reader;
    locator.Index = index;
    RawRow row;
    // What is the same for every row is set once: which fields exist, and the constant or empty
    // value of each field no column maps. A row then only reads its mapped columns.
    int columns_of[kFieldCount], column_fields[kFieldCount], mapped = 0;
    size_t longest_constant = 0;
    for (int f = 0; f < kFieldCount; f++) {
        row.Has[f] = MappedColumn(mapping, f)->Present();
        if (index[f] >= 0) {
            column_fields[mapped] = f;
            columns_of[mapped++] = index[f];
        } else {
            row.Values[f] = constants[f];
            longest_constant = std::max(longest_constant, constants[f].size());
        }
    }
    // Exports that concatenate files repeat the header line; such a line names the title and period columns.
    const bool check_repeated_header = mapping.Header && mapping.SkipRepeatedHeaders && index[kFieldTitle] >= 0 && index[kFieldPeriod] >= 0 &&
                                       (size_t)index[kFieldTitle] < header.size() && (size_t)index[kFieldPeriod] < header.size();
    const std::string_view header_title = check_repeated_header ? std::string_view(header[(size_t)index[kFieldTitle]]) : std::string_view();
    const std::string_view header_period = check_repeated_header ? std::string_view(header[(size_t)index[kFieldPeriod]]) : std::string_view();
    std::string last_period;
    while (reader.Next()) {
        if (reader.RecordError()) {
            if (!sink.Reject(*reader.RecordError())) return OkStatus();
            continue;
        }
        if (int line, column; reader.FindLoneCr(&line, &column)) {
            Error e = MakeErrorAt(std::string(file_name), line, column,
                                  "a carriage return (CR) that ends no line: this line seems to end with a lone CR where the file's lines end with "
                                  "CRLF or LF, so the next line was read into this row; the row is not loaded (make the line ends alike).");
            if (!sink.Reject(std::move(e))) return OkStatus();
            continue;
        }
        if (mapping.Header && reader.FieldCount() != header.size() && !sink.FieldCountDiffers(reader.Line(), reader.FieldCount(), header.size()))
            return OkStatus();
        for (int k = 0; k < mapped; k++) row.Values[column_fields[k]] = reader.Field((size_t)columns_of[k]);
        row.LongestBound = std::max(reader.RecordBytes(), longest_constant);
        reader.FieldPosition(index[kFieldRank] >= 0 ? (size_t)index[kFieldRank] : 0, &row.RankPlace.Line, &row.RankPlace.Column);
        reader.FieldPosition(index[kFieldTitle] >= 0 ? (size_t)index[kFieldTitle] : 0, &row.TitlePlace.Line, &row.TitlePlace.Column);
        if (check_repeated_header && TrimSpaces(row.Values[kFieldTitle]).size() == header_title.size() && SameName(row.Values[kFieldTitle], header_title, false) &&
            SameName(row.Values[kFieldPeriod], header_period, false)) {
            if (!sink.Filter()) return OkStatus();
            continue;
        }
        if (mapping.FillDownPeriod) {
            // Exports of grouped tables write the period once and leave it blank below.
            if (TrimSpaces(row.Values[kFieldPeriod]).empty()) {
                row.Values[kFieldPeriod] = last_period;
                row.LongestBound = std::max(row.LongestBound, last_period.size());  // from an earlier record
            } else {
                last_period.assign(row.Values[kFieldPeriod]);
            }
        }
        if (!sink.Row(row, locator)) return OkStatus();
    }
    return OkStatus();
}

// [SECTION] JSON

static const rapidjson::Value* FollowPath(const rapidjson::Value* v, std::string_view path)
{
    while (v && !path.empty()) {
        size_t dot = path.find('.');
        std::string_view key = path.substr(0, dot);
        if (!v->IsObject()) return nullptr;
        auto it = v->FindMember(rapidjson::Value(rapidjson::StringRef(key.data(), key.size())));
        if (it == v->MemberEnd()) return nullptr;
        v = &it->value;
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    }
    return v;
}

// The text of a scalar; numbers are printed the way a CSV would hold them. Returns false for objects and arrays.
static bool ScalarText(const rapidjson::Value& v, std::string* out)
{
    char buf[40];
    if (v.IsString()) out->assign(v.GetString(), v.GetStringLength());
    else if (v.IsNull()) out->clear();
    else if (v.IsInt64()) { std::snprintf(buf, sizeof(buf), "%lld", (long long)v.GetInt64()); *out = buf; }
    else if (v.IsUint64()) { std::snprintf(buf, sizeof(buf), "%llu", (unsigned long long)v.GetUint64()); *out = buf; }
    else if (v.IsDouble()) { std::snprintf(buf, sizeof(buf), "%.17g", v.GetDouble()); *out = buf; }
    else if (v.IsBool()) *out = v.GetBool() ? "true" : "false";
    else return false;
    return true;
}

static bool Found(const rapidjson::Value& doc, const rapidjson::Value& item, const ColumnRef& ref)
{
    for (const std::string& name : ref.Names)
        if (FollowPath(ref.How == ColumnRef::Kind::Root ? &doc : &item, name)) return true;
    return false;
}

namespace {

class JsonLocator : public RowLocator {
public:
    std::string RowsPath;
    size_t Row = 0;
    const std::string* Keys = nullptr;
    Error Locate(int field, std::string message) const override
    {
        Error e;
        e.Field = (RowsPath.empty() ? std::string("rows") : RowsPath) + "[" + std::to_string(Row) + "]";
        if (!Keys[field].empty()) e.Field += "." + Keys[field];
        e.Message = std::move(message);
        return e;
    }
};

} // namespace

Status ReadJsonRows(const FileMapping& mapping, std::string_view text, std::string_view file_name, RowSink& sink)
{
    Result<rapidjson::Document> parsed = ParseJson(text, file_name);
    if (!parsed) return parsed.Err();
    const rapidjson::Document& doc = *parsed;
    const rapidjson::Value* rows = FollowPath(&doc, mapping.RowsPath);
    if (!rows || !rows->IsArray())
        return MakeErrorAt(std::string(file_name), 0, 0, "there is no list of rows at \"" + (mapping.RowsPath.empty() ? std::string("(root)") : mapping.RowsPath) + "\".");
    std::string values[kFieldCount];
    std::string keys[kFieldCount];
    JsonLocator locator;
    locator.RowsPath = mapping.RowsPath;
    locator.Keys = keys;
    RawRow row;
    for (rapidjson::SizeType i = 0; i < rows->Size(); i++) {
        const rapidjson::Value& item = (*rows)[i];
        locator.Row = i;
        row.RankPlace = row.TitlePlace = RawRow::Place{ (int)i, 0 };
        if (!item.IsObject()) {
            Error e = locator.Locate(kFieldCount - 1, "this row is not a JSON object.");
            e.Field = (mapping.RowsPath.empty() ? std::string("rows") : mapping.RowsPath) + "[" + std::to_string(i) + "]";
            if (!sink.Reject(e)) return OkStatus();
            continue;
        }
        bool bad = false;
        for (int f = 0; f < kFieldCount && !bad; f++) {
            const ColumnRef* ref = MappedColumn(mapping, f);
            row.Has[f] = ref->Present();
            values[f].clear();
            keys[f].clear();
            if (ref->How == ColumnRef::Kind::Constant) values[f] = ref->Constant;
            else if (ref->How == ColumnRef::Kind::Name || ref->How == ColumnRef::Kind::Root) {
                const rapidjson::Value* found = nullptr;
                for (const std::string& name : ref->Names) {
                    found = FollowPath(ref->How == ColumnRef::Kind::Root ? &doc : &item, name);
                    keys[f] = name;
                    if (found) break;
                }
                if (found && !ScalarText(*found, &values[f])) {
                    if (!sink.Reject(locator.Locate(f, std::string("the ") + kFieldNames[f] + " is a list or object, not a value."))) return OkStatus();
                    bad = true;
                }
            } else if (ref->How == ColumnRef::Kind::Index) {
                return MakeFieldError(std::string("columns.") + kFieldNames[f], "JSON rows are mapped by key, not by column index.");
            }
            row.Values[f] = values[f];
            // A key the row does not have is a value the chart did not publish, unlike an empty one.
            if ((ref->How == ColumnRef::Kind::Name || ref->How == ColumnRef::Kind::Root) && keys[f].size() && values[f].empty() && !Found(doc, item, *ref))
                row.Has[f] = false;
        }
        if (bad) continue;
        if (!sink.Row(row, locator)) return OkStatus();
    }
    return OkStatus();
}

} // namespace chartmix::detail
