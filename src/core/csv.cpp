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

static inline uint64_t HasZeroByte(uint64_t v) { return (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull; }

// First byte equal to a, b or c at or after p (end when none). Sixteen bytes per step where the
// target has vectors (wasm SIMD, SSE2), else eight with the zero-byte trick: the lowest flagged byte
// of that trick is always a true match (its false positives only sit above a true one).
static inline const char* FindAny3(const char* p, const char* end, char a, char b, char c)
{
#if defined(__wasm_simd128__)
    const v128_t va = wasm_i8x16_splat(a), vb = wasm_i8x16_splat(b), vc = wasm_i8x16_splat(c);
    while (p + 16 <= end) {
        v128_t x = wasm_v128_load(p);
        v128_t hit = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(x, va), wasm_i8x16_eq(x, vb)), wasm_i8x16_eq(x, vc));
        if (uint32_t mask = (uint32_t)wasm_i8x16_bitmask(hit)) return p + __builtin_ctz(mask);
        p += 16;
    }
#elif defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
    while (p + 16 <= end) {
        __m128i x = _mm_loadu_si128((const __m128i*)p);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)), _mm_cmpeq_epi8(x, vc));
        if (uint32_t mask = (uint32_t)_mm_movemask_epi8(hit)) return p + __builtin_ctz(mask);
        p += 16;
    }
#endif
    const uint64_t wa = 0x0101010101010101ull * (uint8_t)a, wb = 0x0101010101010101ull * (uint8_t)b, wc = 0x0101010101010101ull * (uint8_t)c;
    while (p + 8 <= end) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        uint64_t hit = HasZeroByte(w ^ wa) | HasZeroByte(w ^ wb) | HasZeroByte(w ^ wc);
        if (hit) return p + (__builtin_ctzll(hit) >> 3);
        p += 8;
    }
    while (p < end && *p != a && *p != b && *p != c) p++;
    return p;
}

// First delimiter, newline or quote at or after p.
static inline const char* FindSpecial(const char* p, const char* end, char delimiter) { return FindAny3(p, end, delimiter, '\n', '"'); }

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
                // The next quote, counting the (rare) newlines on the way.
                const char* stop = FindAny3(r, end, '"', '\n', '"');
                while (stop < end && *stop == '\n') {
                    NextLine_++;
                    LineStart_ = (size_t)(stop + 1 - begin);
                    RecordNewlines_.push_back((uint32_t)LineStart_);
                    stop = FindAny3(stop + 1, end, '"', '\n', '"');
                }
                size_t run = (size_t)(stop - r);
                if (w != r) std::memmove(w, r, run);
                w += run;
                r = stop;
                if (stop == end) break;
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
