#include "core/json.h"

#include <cmath>
#include <cstdio>

#include <rapidjson/error/en.h>

namespace chartmix {

void LocateOffset(std::string_view text, size_t offset, int* line, int* column)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < offset && i < text.size(); i++) {
        if (text[i] == '\n') { l++; c = 1; }
        else c++;
    }
    *line = l;
    *column = c;
}

// Returns the offset where nesting first exceeds the limit, or npos. Strings are skipped so that
// brackets inside titles do not count.
static size_t FindExcessiveNesting(std::string_view text)
{
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); i++) {
        char ch = text[i];
        if (in_string) {
            if (ch == '\\') i++;
            else if (ch == '"') in_string = false;
        } else if (ch == '"') {
            in_string = true;
        } else if (ch == '[' || ch == '{') {
            if (++depth > kMaxJsonDepth) return i;
        } else if (ch == ']' || ch == '}') {
            depth--;
        }
    }
    return std::string_view::npos;
}

Result<rapidjson::Document> ParseJson(std::string_view text, std::string_view file_name)
{
    int line = 0, column = 0;
    if (size_t deep = FindExcessiveNesting(text); deep != std::string_view::npos) {
        LocateOffset(text, deep, &line, &column);
        return MakeErrorAt(std::string(file_name), line, column,
                           "JSON is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep; no chart, manifest or mix needs that.");
    }
    rapidjson::Document doc;
    // Full precision: a number chartmix wrote as the shortest round-trip decimal must read back as the
    // same double (rapidjson's fast path can be off by an ulp; found by fuzz_mix).
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
    if (doc.HasParseError()) {
        LocateOffset(text, doc.GetErrorOffset(), &line, &column);
        return MakeErrorAt(std::string(file_name), line, column,
                           std::string("this is not valid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
    }
    return doc;
}

void AppendJsonString(std::string& out, std::string_view text)
{
    out += '"';
    for (unsigned char ch : text) {
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (ch < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof(buf), "\\u%04x", ch);
                out += buf;
            } else {
                out += (char)ch;
            }
        }
    }
    out += '"';
}

void AppendJsonNumber(std::string& out, double value)
{
    if (!std::isfinite(value)) { out += "null"; return; }
    char buf[32];
    if (value == std::floor(value) && std::fabs(value) < 1e15) std::snprintf(buf, sizeof(buf), "%.0f", value);
    else std::snprintf(buf, sizeof(buf), "%.10g", value);
    out += buf;
}

} // namespace chartmix
