#pragma once
// RFC 4180 CSV, read in place: quoted fields ("a ""b""", embedded newlines) are unescaped inside the
// caller's buffer, so a record's fields are string_views and reading allocates nothing per field.
// The delimiters, quotes and newlines of each 64 bytes are found at once as a bit mask (wasm SIMD or
// SSE2), so the end of a field is a shift and a count of trailing zeros. Records are read straight from
// the masks; one with a quote to unescape, a newline inside quotes or a malformed quote takes the
// general path.
//
//   std::string bytes = ...;                     // UTF-8, owned by the caller, modified in place
//   CsvReader reader("hot100.csv", bytes.data(), bytes.size(), ',');
//   while (reader.Next()) {
//       if (reader.RecordError()) { report(*reader.RecordError()); continue; }
//       std::string_view title = reader.Field(2);
//   }
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace chartmix {

class CsvReader {
public:
    // The buffer must outlive the reader and the views it hands out; it is rewritten as fields are unescaped.
    CsvReader(std::string_view file_name, char* data, size_t size, char delimiter);

    // Reads the next record; false at the end of input. Blank lines are skipped.
    bool Next();
    // Keeps only the first n fields of each record from now on. The rest are not stored: a record
    // skips to its newline in vector steps, or, when a quote follows (a quoted newline still belongs
    // to its record), reads them one by one.
    void KeepFields(size_t n) { KeepFields_ = n; }
    // Fields of the current record (at most the KeepFields limit).
    size_t FieldCount() const { return Count_; }
    // The i-th field of the current record ("" past the end, so short rows read as empty fields).
    std::string_view Field(size_t i) const
    {
        return i < Count_ ? std::string_view(Data_ + Fields_[i].Text, Fields_[i].Length) : std::string_view();
    }
    // 1-based line where the current record starts.
    int Line() const { return RecordLine_; }
    // Bytes the current record spans in the input (its fields are never longer).
    size_t RecordBytes() const { return Pos_ - RecordStart_; }
    // 1-based line and byte column where field i starts (the record's end when i is past it).
    void FieldPosition(size_t i, int* line, int* column) const
    {
        if (i < Count_ && RecordNewlines_.empty()) {  // the record is one line (asked for every row)
            *line = RecordLine_;
            *column = (int)(Fields_[i].Start - RecordLineStart_) + 1;
            return;
        }
        FieldPositionAnywhere(i, line, column);
    }
    // Set when the current record is malformed (a quote that never closes, text after a closing quote).
    const std::optional<Error>& RecordError() const { return RecordError_; }
    // True, with its 1-based line and column, when the current record holds a carriage return that
    // no LF follows: in a file whose lines end with LF or CRLF, that is a line ending with CR alone,
    // and the next line was read into this record.
    bool FindLoneCr(int* line, int* column) const;

private:
    std::string FileName_;
    char* Data_;
    size_t Size_;
    char Delimiter_;
    size_t Pos_ = 0;
    size_t RecordStart_ = 0;
    int NextLine_ = 1;
    int RecordLine_ = 0;
    // One small record per field: where its text is and where it starts, for errors. Lines inside a
    // record are rare (quoted newlines), so they are kept apart and searched only when asked.
    struct FieldSpan {
        uint32_t Text;    // offset of the (unescaped) text
        uint32_t Length;
        uint32_t Start;   // offset of the field's first byte (its opening quote, if any)
    };
    std::vector<FieldSpan> Fields_;           // storage; the first Count_ are the current record's
    size_t Count_ = 0;
    size_t KeepFields_ = SIZE_MAX;
    size_t LineStart_ = 0;                    // offset where the current line starts
    size_t RecordLineStart_ = 0;              // ... and where the record's first line starts
    std::vector<uint32_t> RecordNewlines_;    // offsets just past newlines inside the current record
    std::optional<Error> RecordError_;
    // Which of the 64 bytes from BlockStart_ are delimiters, newlines or quotes (see NextSpecial).
    size_t BlockStart_ = SIZE_MAX / 2;
    uint64_t BlockMask_ = 0;
    void SetError(int line, int column, std::string message);
    void FieldPositionAnywhere(size_t i, int* line, int* column) const;
    void AddField(uint32_t text, uint32_t length, uint32_t start);
    // Reads a record from the masks; false, having changed nothing, when it needs the general path.
    bool ReadPlainRecord();
    // Reads any record, quotes included.
    void ReadRecord();
    // Offset of the first delimiter, newline or quote at or after pos; Size_ when there is none.
    size_t NextSpecial(size_t pos);
};

// Guesses the delimiter of a CSV from its first line: the most frequent of , ; \t | outside quotes.
char SniffDelimiter(std::string_view text);

} // namespace chartmix
