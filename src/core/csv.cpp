#include "core/csv.h"

#include <cstring>

namespace chartmix {

CsvReader::CsvReader(std::string_view file_name, char* data, size_t size, char delimiter)
    : FileName_(file_name), Data_(data), Size_(size), Delimiter_(delimiter)
{
    Fields_.reserve(32);
}

static inline uint64_t HasZeroByte(uint64_t v) { return (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull; }

// First delimiter, newline or quote at or after p. Eight bytes per step: the lowest flagged byte is
// always a true match (false positives of the zero-byte trick only sit above a true one).
static inline const char* FindSpecial(const char* p, const char* end, char delimiter)
{
    const uint64_t d = 0x0101010101010101ull * (uint8_t)delimiter;
    const uint64_t n = 0x0101010101010101ull * (uint8_t)'\n';
    const uint64_t q = 0x0101010101010101ull * (uint8_t)'"';
    while (p + 8 <= end) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        uint64_t hit = HasZeroByte(w ^ d) | HasZeroByte(w ^ n) | HasZeroByte(w ^ q);
        if (hit) return p + (__builtin_ctzll(hit) >> 3);
        p += 8;
    }
    while (p < end && *p != delimiter && *p != '\n' && *p != '"') p++;
    return p;
}

void CsvReader::FieldPosition(size_t i, int* line, int* column) const
{
    if (i < Fields_.size()) {
        size_t start = Fields_[i].Start, line_start = RecordLineStart_;
        int l = RecordLine_;
        for (uint32_t nl : RecordNewlines_)
            if (nl <= start) { l++; line_start = nl; }
        *line = l;
        *column = (int)(start - line_start) + 1;
    } else {
        *line = NextLine_;
        *column = (int)(Pos_ - LineStart_) + 1;
    }
}

void CsvReader::SetError(int line, int column, std::string message)
{
    if (RecordError_) return;
    RecordError_ = MakeErrorAt(FileName_, line, column, std::move(message));
}

bool CsvReader::Next()
{
    Fields_.clear();
    RecordNewlines_.clear();
    RecordError_.reset();
    const char* const begin = Data_;
    const char* const end = Data_ + Size_;
    // Skip blank lines (and a lone "\r" line).
    while (Pos_ < Size_ && (Data_[Pos_] == '\n' || (Data_[Pos_] == '\r' && Pos_ + 1 < Size_ && Data_[Pos_ + 1] == '\n'))) {
        Pos_ += Data_[Pos_] == '\r' ? 2 : 1;
        NextLine_++;
        LineStart_ = Pos_;
    }
    if (Pos_ >= Size_) return false;
    RecordStart_ = Pos_;
    RecordLine_ = NextLine_;
    RecordLineStart_ = LineStart_;
    const char* p = Data_ + Pos_;
    for (;;) {
        const int start_line = NextLine_;
        const int start_column = (int)((size_t)(p - begin) - LineStart_) + 1;
        const uint32_t start = (uint32_t)(p - begin);
        if (p < end && *p == '"') {
            // Quoted field: unescape "" in place, count embedded newlines.
            const char* r = p + 1;
            char* w = const_cast<char*>(p + 1);
            char* text = w;
            bool closed = false;
            while (r < end) {
                const char* quote = (const char*)std::memchr(r, '"', (size_t)(end - r));
                const char* stop = quote ? quote : end;
                for (const char* s = r; s < stop; s++)
                    if (*s == '\n') { NextLine_++; LineStart_ = (size_t)(s + 1 - begin); RecordNewlines_.push_back((uint32_t)LineStart_); }
                size_t run = (size_t)(stop - r);
                if (w != r) std::memmove(w, r, run);
                w += run;
                r = stop;
                if (!quote) break;
                if (r + 1 < end && r[1] == '"') {
                    *w++ = '"';
                    r += 2;
                    continue;
                }
                r++;
                closed = true;
                break;
            }
            if (!closed) {
                SetError(start_line, start_column, "the file ends inside a quoted field that starts here (is the file truncated?)");
                Fields_.push_back(FieldSpan{ (uint32_t)(text - begin), (uint32_t)(w - text), start });
                Pos_ = Size_;
                return true;
            }
            p = r;
            if (p < end && *p != Delimiter_ && *p != '\n' && !(*p == '\r' && (p + 1 == end || p[1] == '\n'))) {
                SetError(NextLine_, (int)((size_t)(p - begin) - LineStart_) + 1, "unexpected text after a closing quote; quotes inside a field must be doubled (\"\")");
                // Keep the stray text so nothing is silently lost, then continue to the field's end.
                const char* stray_end = FindSpecial(p, end, Delimiter_);
                while (stray_end < end && *stray_end == '"') stray_end = FindSpecial(stray_end + 1, end, Delimiter_);
                size_t run = (size_t)(stray_end - p);
                std::memmove(w, p, run);
                w += run;
                p = stray_end;
            }
            Fields_.push_back(FieldSpan{ (uint32_t)(text - begin), (uint32_t)(w - text), start });
        } else {
            const char* q = FindSpecial(p, end, Delimiter_);
            // A quote inside an unquoted field is kept as text (common in real exports: 12" Mix).
            while (q < end && *q == '"') q = FindSpecial(q + 1, end, Delimiter_);
            const char* field_end = q;
            if (field_end > p && (q == end || *q == '\n') && field_end[-1] == '\r') field_end--;
            Fields_.push_back(FieldSpan{ start, (uint32_t)(field_end - p), start });
            p = q;
        }
        if (p >= end) { Pos_ = Size_; break; }
        if (*p == Delimiter_) { p++; if (p == end) { Fields_.push_back(FieldSpan{ (uint32_t)(p - begin), 0, (uint32_t)(p - begin) }); Pos_ = Size_; break; } continue; }
        if (*p == '\r') p++;
        if (p < end && *p == '\n') { p++; NextLine_++; LineStart_ = (size_t)(p - begin); }
        Pos_ = (size_t)(p - begin);
        break;
    }
    return true;
}

char SniffDelimiter(std::string_view text)
{
    const char kCandidates[] = { ',', ';', '\t', '|' };
    int counts[4] = {};
    bool in_quotes = false;
    for (char c : text) {
        if (c == '"') in_quotes = !in_quotes;
        if (in_quotes) continue;
        if (c == '\n') break;
        for (int i = 0; i < 4; i++) counts[i] += c == kCandidates[i];
    }
    int best = 0;
    for (int i = 1; i < 4; i++)
        if (counts[i] > counts[best]) best = i;
    return kCandidates[best];
}

} // namespace chartmix
