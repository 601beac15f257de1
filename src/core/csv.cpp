#include "core/csv.h"

#include <cstring>

namespace chartmix {

CsvReader::CsvReader(std::string_view file_name, char* data, size_t size, char delimiter)
    : FileName_(file_name), Data_(data), Size_(size), Delimiter_(delimiter)
{
    Fields_.reserve(32);
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

void CsvReader::LoadBlock(size_t pos)
{
    BlockStart_ = pos;
    if (Size_ - pos >= 64) {
        BlockMask_ = SpecialMask64(Data_ + pos, Delimiter_);
        return;
    }
    BlockMask_ = 0;  // the last bytes: no bit past the end
    for (size_t i = 0; pos + i < Size_; i++) {
        const char c = Data_[pos + i];
        BlockMask_ |= (uint64_t)(c == Delimiter_ || c == '\n' || c == '"') << i;
    }
}

inline size_t CsvReader::NextSpecial(size_t pos)
{
    for (;;) {
        const size_t offset = pos - BlockStart_;  // wraps to a huge value before the first block
        if (offset < 64) {
            if (const uint64_t rest = BlockMask_ >> offset) return pos + (size_t)__builtin_ctzll(rest);
            pos = BlockStart_ + 64;
        }
        if (pos >= Size_) return Size_;
        LoadBlock(pos);
    }
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
                Fields_.push_back(FieldSpan{ (uint32_t)text, (uint32_t)(w - text), start });
                Pos_ = Size_;
                return true;
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
            Fields_.push_back(FieldSpan{ (uint32_t)text, (uint32_t)(w - text), start });
        } else {
            size_t q = NextSpecial(p);
            // A quote inside an unquoted field is kept as text (common in real exports: 12" Mix).
            while (q < Size_ && Data_[q] == '"') q = NextSpecial(q + 1);
            size_t field_end = q;
            if (field_end > p && (q == Size_ || Data_[q] == '\n') && Data_[field_end - 1] == '\r') field_end--;
            Fields_.push_back(FieldSpan{ start, (uint32_t)(field_end - p), start });
            p = q;
        }
        if (p >= Size_) { Pos_ = Size_; break; }
        if (Data_[p] == Delimiter_) {
            p++;
            if (p == Size_) { Fields_.push_back(FieldSpan{ (uint32_t)p, 0, (uint32_t)p }); Pos_ = Size_; break; }
            continue;
        }
        if (Data_[p] == '\r') p++;
        if (p < Size_ && Data_[p] == '\n') { p++; NextLine_++; LineStart_ = p; }
        Pos_ = p;
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
