#include "core/base/json.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

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

// The first place rapidjson must not be given, found in one pass before it parses: nesting beyond
// kMaxJsonDepth, or a number longer than kMaxJsonNumberChars. Strings are skipped, so brackets and
// digits inside titles do not count.
struct JsonHazard {
    enum class Kind { None, TooDeep, LongNumber } What = Kind::None;
    size_t Offset = 0;
};

static JsonHazard FindJsonHazard(std::string_view text)
{
    int depth = 0;
    size_t number_run = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); i++) {
        const char ch = text[i];
        if (in_string) {
            if (ch == '\\') i++;
            else if (ch == '"') in_string = false;
            continue;
        }
        const bool number_char = (ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-';
        number_run = number_char ? number_run + 1 : 0;
        if (number_run > (size_t)kMaxJsonNumberChars) return { JsonHazard::Kind::LongNumber, i + 1 - number_run };
        if (ch == '"') {
            in_string = true;
        } else if (ch == '[' || ch == '{') {
            if (++depth > kMaxJsonDepth) return { JsonHazard::Kind::TooDeep, i };
        } else if (ch == ']' || ch == '}') {
            depth--;
        }
    }
    return {};
}

// Builds the document from rapidjson's events, reading each number from its text with the C
// library's strtod, which rounds correctly: rapidjson 1.1's own readers are off by an ulp on long
// decimals (the default) or undefined on zeros, 20-digit significands and tiny exponents (full
// precision; all four found by fuzz_mix). Integers keep rapidjson's types (Int, Uint, Int64, Uint64).
class ExactNumbers {
public:
    explicit ExactNumbers(rapidjson::Document& doc) : Doc_(doc) {}
    bool TooBig = false;  // a number beyond the largest double stopped the parse

    bool Null() { return Doc_.Null(); }
    bool Bool(bool b) { return Doc_.Bool(b); }
    bool Int(int i) { return Doc_.Int(i); }
    bool Uint(unsigned u) { return Doc_.Uint(u); }
    bool Int64(int64_t i) { return Doc_.Int64(i); }
    bool Uint64(uint64_t u) { return Doc_.Uint64(u); }
    bool Double(double d) { return Doc_.Double(d); }
    bool String(const char* s, rapidjson::SizeType n, bool copy) { return Doc_.String(s, n, copy); }
    bool StartObject() { return Doc_.StartObject(); }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return Doc_.Key(s, n, copy); }
    bool EndObject(rapidjson::SizeType members) { return Doc_.EndObject(members); }
    bool StartArray() { return Doc_.StartArray(); }
    bool EndArray(rapidjson::SizeType items) { return Doc_.EndArray(items); }

    bool RawNumber(const char* s, rapidjson::SizeType n, bool)
    {
        char text[kMaxJsonNumberChars + 1];
        if (n > (rapidjson::SizeType)kMaxJsonNumberChars) return false;  // FindJsonHazard refused it already
        std::memcpy(text, s, n);
        text[n] = '\0';
        if (!std::memchr(text, '.', n) && !std::memchr(text, 'e', n) && !std::memchr(text, 'E', n)) {
            errno = 0;
            if (text[0] == '-') {
                const long long v = std::strtoll(text, nullptr, 10);
                if (errno == 0) return v >= INT32_MIN ? Doc_.Int((int)v) : Doc_.Int64(v);
            } else {
                const unsigned long long v = std::strtoull(text, nullptr, 10);
                if (errno == 0) return v <= UINT32_MAX ? Doc_.Uint((unsigned)v) : Doc_.Uint64(v);
            }
        }
        const double d = std::strtod(text, nullptr);
        if (!std::isfinite(d)) {
            TooBig = true;
            return false;
        }
        return Doc_.Double(d);
    }

private:
    rapidjson::Document& Doc_;
};

// What a parse error means, in words for someone who typed the JSON by hand (an inline --mix).
static std::string DescribeParseError(rapidjson::ParseErrorCode code, bool at_end)
{
    using namespace rapidjson;
    if (at_end && code != kParseErrorDocumentEmpty) return "the text ends before the JSON does (is it cut short, or a } or ] missing?)";
    switch (code) {
    case kParseErrorDocumentEmpty: return "there is no JSON in it (the text is empty)";
    case kParseErrorDocumentRootNotSingular: return "there is more text after the end of the JSON";
    case kParseErrorValueInvalid: return "expected a value here: a number, a \"quoted string\", true, false, null, {...} or [...] (words such as zero need quotes)";
    case kParseErrorObjectMissName: return "expected a \"quoted\" field name here (JSON allows no comma before })";
    case kParseErrorObjectMissColon: return "expected ':' between a field name and its value";
    case kParseErrorObjectMissCommaOrCurlyBracket: return "expected ',' or '}' after a field's value";
    case kParseErrorArrayMissCommaOrSquareBracket: return "expected ',' or ']' after an item of a list";
    case kParseErrorStringMissQuotationMark: return "a \"quoted string\" is not closed";
    case kParseErrorStringInvalidEncoding: return "the text is not valid UTF-8";
    case kParseErrorNumberTooBig: return "this number is larger than any a chart, manifest or mix can hold";
    case kParseErrorNumberMissFraction: case kParseErrorNumberMissExponent: return "a number is cut short (digits must follow '.' or 'e')";
    default: return GetParseError_En(code);
    }
}

Result<rapidjson::Document> ParseJson(std::string_view text, std::string_view file_name)
{
    int line = 0, column = 0;
    const JsonHazard hazard = FindJsonHazard(text);
    if (hazard.What != JsonHazard::Kind::None) {
        LocateOffset(text, hazard.Offset, &line, &column);
        return MakeErrorAt(std::string(file_name), line, column,
                           hazard.What == JsonHazard::Kind::TooDeep
                               ? "JSON is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep; no chart, manifest or mix needs that."
                               : "this number is longer than " + std::to_string(kMaxJsonNumberChars) + " characters; no chart, manifest or mix needs that.");
    }
    rapidjson::Document doc;
    ExactNumbers numbers(doc);
    rapidjson::ParseResult parsed;
    auto fill = [&](rapidjson::Document&) {
        rapidjson::Reader reader;
        rapidjson::MemoryStream bytes(text.data(), text.size());
        rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> stream(bytes);  // skips a UTF-8 BOM
        constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseNumbersAsStringsFlag;
        parsed = reader.Parse<kFlags>(stream, numbers);
        return !parsed.IsError();
    };
    doc.Populate(fill);
    if (numbers.TooBig) {
        LocateOffset(text, parsed.Offset(), &line, &column);
        return MakeErrorAt(std::string(file_name), line, column, "this is not valid JSON: " + DescribeParseError(rapidjson::kParseErrorNumberTooBig, false) + ".");
    }
    if (parsed.IsError()) {
        LocateOffset(text, parsed.Offset(), &line, &column);
        return MakeErrorAt(std::string(file_name), line, column,
                           "this is not valid JSON: " + DescribeParseError(parsed.Code(), parsed.Offset() >= text.size()) + ".");
    }
    return doc;
}

void JsonWriter::Number(double value)
{
    char buf[kMaxNumberChars];
    const size_t n = FormatNumber(value, Digits_, buf);
    if (n == 0) Writer_.Null();
    else Writer_.RawValue(buf, n, rapidjson::kNumberType);  // RawNumber would quote it (rapidjson 1.1)
}

} // namespace chartmix
