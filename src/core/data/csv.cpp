#include "core/data/csv.h"

#include <cstring>

namespace chartmix {

CsvReader::CsvReader(std::string_view file_name, char* data, size_t size, char delimiter)
    : FileName_(file_name), Data_(data), Size_(size), Delimiter_(delimiter)
{
    Fields_.resize(32);
}

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

// Bit i set when p[i] is the delimiter, a newline or a quote, for 64 bytes. Vector compares where the
// target has them (wasm SIMD, SSE2): about half an instruction per byte, so finding the end of a
// short field costs a shift and a count of trailing zeros instead of a scan.
static inline uint64_t SpecialMask64(const char* p, char delimiter)
{
    uint64_t mask = 0;
#if defined(__wasm_simd128__)
    const v128_t d = wasm_i8x16_splat(delimiter), n = wasm_i8x16_splat('\n'), q = wasm_i8x16_splat('"');
    for (int k = 0; k < 4; k++) {
        v128_t x = wasm_v128_load(p + 16 * k);
        v128_t hit = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(x, d), wasm_i8x16_eq(x, n)), wasm_i8x16_eq(x, q));
        mask |= (uint64_t)(uint32_t)wasm_i8x16_bitmask(hit) << (16 * k);
    }
#elif defined(__SSE2__)
    const __m128i d = _mm_set1_epi8(delimiter), n = _mm_set1_epi8('\n'), q = _mm_set1_epi8('"');
    for (int k = 0; k < 4; k++) {
        __m128i x = _mm_loadu_si128((const __m128i*)(p + 16 * k));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, d), _mm_cmpeq_epi8(x, n)), _mm_cmpeq_epi8(x, q));
        mask |= (uint64_t)(uint32_t)_mm_movemask_epi8(hit) << (16 * k);
    }
#else
    for (int i = 0; i < 64; i++) mask |= (uint64_t)(p[i] == delimiter || p[i] == '\n' || p[i] == '"') << i;
#endif
    return mask;
}

// The mask of the 64 bytes from pos (fewer at the end of the input: no bit past it).
static inline uint64_t BlockMaskAt(const char* data, size_t size, size_t pos, char delimiter)
{
    if (size - pos >= 64) return SpecialMask64(data + pos, delimiter);
    uint64_t mask = 0;
    for (size_t i = 0; pos + i < size; i++) {
        const char c = data[pos + i];
        mask |= (uint64_t)(c == delimiter || c == '\n' || c == '"') << i;
    }
    return mask;
}

// Offset of the first delimiter, newline or quote at or after pos (size when there is none), moving
// the mask of the current block (block, mask) along as needed.
static inline size_t FindSpecial(const char* data, size_t size, char delimiter, size_t pos, size_t& block, uint64_t& mask)
{
    for (;;) {
        const size_t offset = pos - block;  // wraps to a huge value when pos is before the block
        if (offset < 64) {
            if (const uint64_t rest = mask >> offset) return pos + (size_t)__builtin_ctzll(rest);
            pos = block + 64;
        }
        if (pos >= size) return size;
        block = pos;
        mask = BlockMaskAt(data, size, pos, delimiter);
    }
}

// Offset of the first newline or quote at or after pos (size when there is none), sixteen bytes per
// step: how a record skips the columns after the last one kept, when no quote makes them need reading.
static inline size_t FindNewlineOrQuote(const char* data, size_t size, size_t pos)
{
#if defined(__wasm_simd128__)
    const v128_t n = wasm_i8x16_splat('\n'), q = wasm_i8x16_splat('"');
    for (; size - pos >= 16; pos += 16) {
        const v128_t x = wasm_v128_load(data + pos);
        if (const uint32_t hit = (uint32_t)wasm_i8x16_bitmask(wasm_v128_or(wasm_i8x16_eq(x, n), wasm_i8x16_eq(x, q)))) return pos + (size_t)__builtin_ctz(hit);
    }
#elif defined(__SSE2__)
    const __m128i n = _mm_set1_epi8('\n'), q = _mm_set1_epi8('"');
    for (; size - pos >= 16; pos += 16) {
        const __m128i x = _mm_loadu_si128((const __m128i*)(data + pos));
        if (const uint32_t hit = (uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, n), _mm_cmpeq_epi8(x, q)))) return pos + (size_t)__builtin_ctz(hit);
    }
#endif
    for (; pos < size; pos++)
        if (data[pos] == '\n' || data[pos] == '"') break;
    return pos;
}

inline size_t CsvReader::NextSpecial(size_t pos) { return FindSpecial(Data_, Size_, Delimiter_, pos, BlockStart_, BlockMask_); }

void CsvReader::FieldPositionAnywhere(size_t i, int* line, int* column) const
{
    if (i < Count_) {
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

void CsvReader::AddField(uint32_t text, uint32_t length, uint32_t start)
{
    if (Count_ >= KeepFields_) return;
    if (Count_ == Fields_.size()) Fields_.resize(Fields_.size() * 2);
    Fields_[Count_++] = FieldSpan{ text, length, start };
}

bool CsvReader::Next()
{
    Count_ = 0;
    if (!RecordNewlines_.empty()) RecordNewlines_.clear();
    if (RecordError_) RecordError_.reset();
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
    if (!ReadPlainRecord()) ReadRecord();
    return true;
}

bool CsvReader::ReadPlainRecord()
{
    // Everything in locals: nothing here writes to the buffer, and the caller's state changes only
    // once the whole record has been read. A quoted field is read here too when it needs no
    // unescaping and holds no newline ("Drake, 21 Savage"); anything else goes to ReadRecord.
    const char* data = Data_;
    const size_t size = Size_;
    const char delimiter = Delimiter_;
    size_t block = BlockStart_;
    uint64_t mask = BlockMask_;
    FieldSpan* out = Fields_.data();
    size_t capacity = Fields_.size(), count = 0;
    const size_t keep = KeepFields_;
    auto general_path = [&] {
        BlockStart_ = block;
        BlockMask_ = mask;
        return false;
    };

    size_t p = Pos_;  // where the current field starts
    for (;;) {
        size_t q = FindSpecial(data, size, delimiter, p, block, mask);  // where the field ends
        char c = q < size ? data[q] : '\n';
        size_t text = p, end = q;
        if (c == '"') {
            if (q != p) return general_path();  // a quote inside an unquoted field: kept as text there
            size_t close = q + 1;
            for (;; close++) {
                close = FindSpecial(data, size, delimiter, close, block, mask);
                if (close >= size || data[close] == '\n') return general_path();  // unclosed, or a newline inside
                if (data[close] == '"') break;
            }
            if (close + 1 < size && data[close + 1] == '"') return general_path();  // a doubled quote to unescape
            q = close + 1;
            if (q < size && data[q] == '\r' && (q + 1 == size || data[q + 1] == '\n')) q++;  // CRLF after the closing quote
            c = q < size ? data[q] : '\n';
            if (c != delimiter && c != '\n') return general_path();  // text after the closing quote: an error to report
            text = p + 1;
            end = close;
        } else if (c != delimiter && end > p && data[end - 1] == '\r') {
            end--;  // CRLF (or a lone CR at the very end)
        }
        // The store is written out here and below: in a helper lambda its captured counters left
        // registers (bench/analysis.md).
        if (count < keep) {
            if (count == capacity) {
                Fields_.resize(capacity * 2);
                out = Fields_.data();
                capacity = Fields_.size();
            }
            out[count++] = FieldSpan{ (uint32_t)text, (uint32_t)(end - text), (uint32_t)p };
        }
        if (c == delimiter) {
            p = q + 1;
            if (count == keep && p < size) {
                // The rest of the record is not kept: without a quote in it, it ends at the next newline,
                // found in one vector step for most records instead of a step per column.
                size_t stop = FindNewlineOrQuote(data, size, p);
                if (stop == size) {
                    Pos_ = size;
                    break;
                }
                if (data[stop] == '\n') {
                    Pos_ = stop + 1;
                    NextLine_++;
                    LineStart_ = stop + 1;
                    break;
                }
                // A quote: the columns are read one by one from the one holding it (those before it hold
                // neither quote nor newline), as a quoted newline belongs to the record. Reading on from
                // p instead would try this skip again at every column, scanning to the same quote each
                // time: seconds for a line of many unread columns before a quote.
                while (stop > p && data[stop - 1] != delimiter) stop--;
                p = stop;
            }
            if (p < size) continue;
            if (count < keep) {  // a delimiter as the last byte: one more, empty field
                if (count == capacity) {
                    Fields_.resize(capacity * 2);
                    out = Fields_.data();
                }
                out[count++] = FieldSpan{ (uint32_t)p, 0, (uint32_t)p };
            }
            Pos_ = size;
            break;
        }
        if (q < size) {
            Pos_ = q + 1;
            NextLine_++;
            LineStart_ = q + 1;
        } else {
            Pos_ = size;
        }
        break;
    }
    BlockStart_ = block;
    BlockMask_ = mask;
    Count_ = count;
    return true;
}

void CsvReader::ReadRecord()
{
    size_t p = Pos_;
    for (;;) {
        const uint32_t start = (uint32_t)p;
        if (p < Size_ && Data_[p] == '"') {
            // Quoted field: unescape "" in place (writing only behind the read position, so the
            // mask of the bytes ahead stays true), count embedded newlines.
            const int start_line = NextLine_;
            const size_t start_line_begin = LineStart_;
            size_t r = p + 1, w = p + 1;
            const size_t text = w;
            bool closed = false;
            while (r < Size_) {
                size_t stop = NextSpecial(r);
                while (stop < Size_ && Data_[stop] != '"') {  // a delimiter or newline inside the quotes
                    if (Data_[stop] == '\n') {
                        NextLine_++;
                        LineStart_ = stop + 1;
                        RecordNewlines_.push_back((uint32_t)LineStart_);
                    }
                    stop = NextSpecial(stop + 1);
                }
                if (w != r) std::memmove(Data_ + w, Data_ + r, stop - r);
                w += stop - r;
                r = stop;
                if (stop == Size_) break;
                if (r + 1 < Size_ && Data_[r + 1] == '"') {
                    Data_[w++] = '"';
                    r += 2;
                    continue;
                }
                r++;
                closed = true;
                break;
            }
            if (!closed) {
                SetError(start_line, (int)(start - start_line_begin) + 1, "the file ends inside a quoted field that starts here (is the file truncated?)");
                AddField((uint32_t)text, (uint32_t)(w - text), start);
                Pos_ = Size_;
                return;
            }
            p = r;
            if (p < Size_ && Data_[p] != Delimiter_ && Data_[p] != '\n' && !(Data_[p] == '\r' && (p + 1 == Size_ || Data_[p + 1] == '\n'))) {
                SetError(NextLine_, (int)(p - LineStart_) + 1, "unexpected text after a closing quote; quotes inside a field must be doubled (\"\")");
                // Keep the stray text so nothing is silently lost, then continue to the field's end.
                size_t stray_end = NextSpecial(p);
                while (stray_end < Size_ && Data_[stray_end] == '"') stray_end = NextSpecial(stray_end + 1);
                std::memmove(Data_ + w, Data_ + p, stray_end - p);
                w += stray_end - p;
                p = stray_end;
            }
            AddField((uint32_t)text, (uint32_t)(w - text), start);
        } else {
            size_t q = NextSpecial(p);
            // A quote inside an unquoted field is kept as text (common in real exports: 12" Mix).
            while (q < Size_ && Data_[q] == '"') q = NextSpecial(q + 1);
            size_t field_end = q;
            if (field_end > p && (q == Size_ || Data_[q] == '\n') && Data_[field_end - 1] == '\r') field_end--;
            AddField(start, (uint32_t)(field_end - p), start);
            p = q;
        }
        if (p >= Size_) { Pos_ = Size_; break; }
        if (Data_[p] == Delimiter_) {
            p++;
            if (p == Size_) { AddField((uint32_t)p, 0, (uint32_t)p); Pos_ = Size_; break; }
            continue;
        }
        if (Data_[p] == '\r') p++;
        if (p < Size_ && Data_[p] == '\n') { p++; NextLine_++; LineStart_ = p; }
        Pos_ = p;
        break;
    }
}

bool CsvReader::FindLoneCr(int* line, int* column) const
{
    const char* begin = Data_ + RecordStart_;
    const char* end = Data_ + Pos_;
    if (end > begin && end[-1] == '\n') end--;
    if (end > begin && end[-1] == '\r') end--;  // the record's own CRLF, or a CR that ends the file
    for (const char* p = begin; (p = (const char*)std::memchr(p, '\r', (size_t)(end - p))) != nullptr; p++) {
        if (p + 1 < end && p[1] == '\n') continue;  // CRLF inside a quoted field
        const size_t at = (size_t)(p - Data_);
        size_t line_start = RecordLineStart_;
        int l = RecordLine_;
        for (uint32_t nl : RecordNewlines_)
            if (nl <= at) { l++; line_start = nl; }
        *line = l;
        *column = (int)(at - line_start) + 1;
        return true;
    }
    return false;
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
