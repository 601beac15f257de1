// UTF-8 decoding and encoding, and the case and width folding every match key starts from.
// Index:
// [SECTION] UTF-8
// [SECTION] Folding tables
#include "core/data/text_fold.h"

namespace chartmix {

using detail::FoldCaseInto;
using detail::IsAscii;
using detail::LowerAscii;
using detail::WriteUtf8;

// [SECTION] UTF-8

uint32_t DecodeUtf8(std::string_view text, size_t* pos)
{
    const unsigned char c = (unsigned char)text[*pos];
    if (c < 0x80) { (*pos)++; return c; }
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || *pos + len > text.size()) { (*pos)++; return 0xFFFD; }
    uint32_t cp = c & (0x7F >> len);
    for (int k = 1; k < len; k++) {
        unsigned char next = (unsigned char)text[*pos + k];
        if ((next & 0xC0) != 0x80) { (*pos)++; return 0xFFFD; }
        cp = (cp << 6) | (next & 0x3F);
    }
    *pos += len;
    return cp;
}

void AppendUtf8(std::string& out, uint32_t cp)
{
    char bytes[4];
    out.append(bytes, (size_t)(WriteUtf8(bytes, cp) - bytes));
}

// [SECTION] Folding tables

// U+00C0..U+00FF: base letter, '*' = two letters (see below), '.' = keep the code point (× ÷).
static const char kLatin1[] = "aaaaaa*ceeeeiiiidnooooo.ouuuuy**aaaaaa*ceeeeiiiidnooooo.ouuuuy*y";
// U+0100..U+017F, base letters; '*' = two letters.
static const char kLatinExtA[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(sizeof(kLatin1) == 65, "Latin-1 table covers U+00C0..U+00FF");
static_assert(sizeof(kLatinExtA) == 129, "Latin Extended-A table covers U+0100..U+017F");

static const char* TwoLetters(uint32_t cp)
{
    switch (cp) {
    case 0xC6: case 0xE6: return "ae";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: return "ss";
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";
    }
    return "";
}

// Greek U+0386..U+03CE with tonos/dialytika removed, lower case; 0 = unassigned, keep.
static uint32_t FoldGreek(uint32_t cp)
{
    switch (cp) {
    case 0x386: case 0x3AC: return 0x3B1;
    case 0x388: case 0x3AD: return 0x3B5;
    case 0x389: case 0x3AE: return 0x3B7;
    case 0x38A: case 0x3AF: case 0x390: case 0x3AA: case 0x3CA: return 0x3B9;
    case 0x38C: case 0x3CC: return 0x3BF;
    case 0x38E: case 0x3CD: case 0x3B0: case 0x3AB: case 0x3CB: return 0x3C5;
    case 0x38F: case 0x3CE: return 0x3C9;
    case 0x3C2: return 0x3C3;  // final sigma
    }
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
    return cp;
}

static uint32_t FoldCyrillic(uint32_t cp)
{
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
    if (cp == 0x451) return 0x435;  // ё is written е as often as not
    return cp;
}

// Writes the folded form of one code point at w (at most four bytes) and returns the end.
static char* WriteFolded(char* w, uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // fullwidth ASCII
    else if (cp == 0x3000) cp = ' ';
    if (cp < 0x80) {
        *w++ = LowerAscii((char)cp);
        return w;
    }
    if (cp >= 0xC0 && cp <= 0x17F) {
        const char base = cp <= 0xFF ? kLatin1[cp - 0xC0] : kLatinExtA[cp - 0x100];
        if (base == '.') return WriteUtf8(w, cp);
        if (base != '*') {
            *w++ = base;
            return w;
        }
        for (const char* two = TwoLetters(cp); *two; two++) *w++ = *two;
        return w;
    }
    if (cp >= 0x386 && cp <= 0x3CE) return WriteUtf8(w, FoldGreek(cp));
    if (cp >= 0x400 && cp <= 0x42F) return WriteUtf8(w, FoldCyrillic(cp));
    if (cp == 0x451) return WriteUtf8(w, 0x435);
    return WriteUtf8(w, cp);
}

size_t detail::FoldCaseInto(std::string_view text, char* out)
{
    if (IsAscii(text)) {
        // Most chart titles are plain ASCII: folding is lowering.
        for (size_t i = 0; i < text.size(); i++) out[i] = LowerAscii(text[i]);
        return text.size();
    }
    char* w = out;
    for (size_t i = 0; i < text.size();) w = WriteFolded(w, DecodeUtf8(text, &i));
    return (size_t)(w - out);
}

std::string FoldCase(std::string_view text)
{
    std::string out(3 * text.size(), '\0');
    out.resize(FoldCaseInto(text, out.data()));
    return out;
}

} // namespace chartmix
