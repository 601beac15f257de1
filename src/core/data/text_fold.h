#pragma once
// UTF-8 decoding and encoding, and simple case and width folding, with the project's own tables (no C
// locale): native and wasm builds fold every title alike. The match keys (text_normalize.h) build on it.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace chartmix {

// Decodes one UTF-8 code point at text[*pos] and advances; invalid bytes come back as U+FFFD.
uint32_t DecodeUtf8(std::string_view text, size_t* pos);
// Appends a code point as UTF-8.
void AppendUtf8(std::string& out, uint32_t cp);

// Simple case folding and width folding: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic letters
// to lower case with diacritics removed ("ROSÉ" -> "rose", "Straße" -> "strasse"), fullwidth forms
// to ASCII ("ＢＴＳ" -> "bts"), the ideographic space to a space, "$" to "s" ("Ke$ha"). Everything else is kept.
std::string FoldCase(std::string_view text);

namespace detail {

// Writes cp as UTF-8 at w (at most four bytes) and returns the end.
inline char* WriteUtf8(char* w, uint32_t cp)
{
    if (cp < 0x80) *w++ = (char)cp;
    else if (cp < 0x800) { *w++ = (char)(0xC0 | (cp >> 6)); *w++ = (char)(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) { *w++ = (char)(0xE0 | (cp >> 12)); *w++ = (char)(0x80 | ((cp >> 6) & 0x3F)); *w++ = (char)(0x80 | (cp & 0x3F)); }
    else {
        *w++ = (char)(0xF0 | (cp >> 18)); *w++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *w++ = (char)(0x80 | ((cp >> 6) & 0x3F)); *w++ = (char)(0x80 | (cp & 0x3F));
    }
    return w;
}

// Lower case, and "$" read as the "s" it stands for in names ("Ke$ha", "Pe$o Pluma", "A$AP").
inline char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c == '$' ? 's' : c; }

// True when every byte is ASCII.
inline bool IsAscii(std::string_view text)
{
    // Eight bytes per step: every title and artist of a load is tested.
    uint64_t any = 0;
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        any |= w;
    }
    for (; i < text.size(); i++) any |= (unsigned char)text[i];
    return (any & 0x8080808080808080ull) == 0;
}

// FoldCase into out, which has room for 3 * text.size() bytes (an invalid byte becomes U+FFFD, three
// bytes; nothing else grows); returns the folded length.
size_t FoldCaseInto(std::string_view text, char* out);

} // namespace detail

} // namespace chartmix
