#include "core/base/json.h"

#include <algorithm>
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

// The first place rapidjson must not be given, found in one pass before it parses: nesting beyond
// kMaxJsonDepth, or a number longer than kMaxJsonNumberChars (rapidjson 1.1's full-precision parser
// reads out of bounds on a long enough run of digits: found by fuzz_mix). Strings are skipped, so
// brackets and digits inside titles do not count.
struct JsonHazard {
    enum class Kind { None, TooDeep, LongNumber } What = Kind::None;
    size_t Offset = 0;
    // A number rapidjson 1.1's full-precision reader gets wrong, read with the ordinary reader instead
    // (both found by fuzz_mix; chartmix itself writes at most 17 significant digits):
    // - a zero with an exponent or many decimals ("0e-90", "0.000…0"): it normalizes the zero
    //   significand with clz(0), which is undefined;
    // - more than 19 significant digits: rounding the 20th can carry the 64-bit significand over to
    //   zero ("1844674407370955161 5 5…"), the same clz(0);
    // - an exponent of 300 or more either way ("0.00000003…e-323"): its check for underflow leaves out
    //   the zeros after the point, and the power of ten it then looks up lies outside its table.
    bool OrdinaryReader = false;
};

static JsonHazard FindJsonHazard(std::string_view text)
{
    JsonHazard found;
    int depth = 0;
    size_t number_run = 0;
    bool in_number = false, nonzero_digit = false;  // inside a token that starts like a number
    size_t significant = 0;                          // its digits from the first non-zero one
    bool in_exponent = false;                        // after its e
    int exponent = 0;                                // the digits after the e, capped
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
        if (number_run == 1) { in_number = (ch >= '0' && ch <= '9') || ch == '-'; nonzero_digit = false; significant = 0; in_exponent = false; }  // not the e of "true"
        if (in_exponent && ch >= '0' && ch <= '9') {
            exponent = std::min(exponent * 10 + (ch - '0'), 100000);
            found.OrdinaryReader |= exponent >= 300;
        }
        if (in_number && number_run > 0) {
            if (ch == 'e' || ch == 'E') { found.OrdinaryReader |= !nonzero_digit; in_number = false; in_exponent = true; exponent = 0; }
            else nonzero_digit |= ch >= '1' && ch <= '9';
            if (nonzero_digit && ch >= '0' && ch <= '9') significant++;
            found.OrdinaryReader |= in_number && !nonzero_digit && number_run > 16;  // the fast path reads up to 22 decimals
            found.OrdinaryReader |= significant > 19;
        }
        if (ch == '"') {
            in_string = true;
        } else if (ch == '[' || ch == '{') {
            if (++depth > kMaxJsonDepth) return { JsonHazard::Kind::TooDeep, i };
        } else if (ch == ']' || ch == '}') {
            depth--;
        }
    }
    return found;
}

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
    // Full precision: a number chartmix wrote as the shortest round-trip decimal must read back as the
    // same double (rapidjson's fast path can be off by an ulp; found by fuzz_mix).
    constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag;
    if (hazard.OrdinaryReader) doc.Parse<kFlags>(text.data(), text.size());
    else doc.Parse<kFlags | rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
    if (doc.HasParseError()) {
        LocateOffset(text, doc.GetErrorOffset(), &line, &column);
        return MakeErrorAt(std::string(file_name), line, column,
                           "this is not valid JSON: " + DescribeParseError(doc.GetParseError(), doc.GetErrorOffset() >= text.size()) + ".");
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
