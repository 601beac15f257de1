#pragma once
// JSON documents (manifests, mixes, JSON chart layouts) parsed with rapidjson from Debian's
// rapidjson-dev: fast, small in wasm, and iterative, so hostile nesting cannot overflow the stack.
// JSON output goes through rapidjson's Writer too (JsonWriter).
#include <string>
#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/base/number_format.h"
#include "core/base/result.h"

namespace chartmix {

// Deeper documents are refused: no chart layout, manifest or mix needs more, and a limit keeps
// hostile input from costing memory and time.
constexpr int kMaxJsonDepth = 64;
// Longer numbers are refused too: chartmix writes at most 24 characters for a double, and charts
// publish counts of a dozen digits.
constexpr int kMaxJsonNumberChars = 64;

// 1-based line and column of a byte offset in a text (columns count bytes).
void LocateOffset(std::string_view text, size_t offset, int* line, int* column);

// Parses a JSON text. On failure the Error names the file, line and column and what is wrong.
Result<rapidjson::Document> ParseJson(std::string_view text, std::string_view file_name);

// Writes one JSON value into a string through rapidjson's Writer (commas, nesting and string escapes
// are rapidjson's) with numbers in the house format (number_format.h; NaN and infinities as null).
// Every JSON text chartmix prints goes through it.
//   std::string out;
//   JsonWriter w(&out);
//   w.StartObject(); w.String("title", "Pink Venom"); w.Number("rank", 1); w.EndObject();
class JsonWriter {
public:
    // digits: Ten for reports (rankings, the CLI, the probe), Shortest for JSON read back (mixes).
    explicit JsonWriter(std::string* out, NumberDigits digits = NumberDigits::Ten) : Out_{ out }, Writer_(Out_), Digits_(digits) {}
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    void StartObject() { Writer_.StartObject(); }
    void EndObject() { Writer_.EndObject(); }
    void StartArray() { Writer_.StartArray(); }
    void EndArray() { Writer_.EndArray(); }
    // An object's key; the value follows with one of the calls below.
    void Key(std::string_view key) { Writer_.Key(key.data(), (rapidjson::SizeType)key.size()); }
    void String(std::string_view text) { Writer_.String(text.data(), (rapidjson::SizeType)text.size()); }
    void Number(double value);
    void Bool(bool value) { Writer_.Bool(value); }
    void Null() { Writer_.Null(); }
    // A complete JSON value written elsewhere (a canonical mix), copied as it is.
    void Raw(std::string_view json) { Writer_.RawValue(json.data(), json.size(), rapidjson::kObjectType); }
    // Key and value in one call.
    void String(std::string_view key, std::string_view text) { Key(key); String(text); }
    void Number(std::string_view key, double value) { Key(key); Number(value); }
    void Bool(std::string_view key, bool value) { Key(key); Bool(value); }

private:
    struct StringStream {  // rapidjson's output stream concept, appending to a std::string
        using Ch = char;
        std::string* Text;
        void Put(char c) { Text->push_back(c); }
        void Flush() {}
    };
    StringStream Out_;
    rapidjson::Writer<StringStream> Writer_;
    NumberDigits Digits_;
};

} // namespace chartmix
