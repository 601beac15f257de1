#include "core/data/encoding.h"

#include <cerrno>
#include <cstring>

#if CHARTMIX_ICONV
#include <iconv.h>
#endif

#include "core/base/json.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chartmix {

const char* TextEncodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Auto: return "auto";
    case TextEncoding::Utf8: return "utf-8";
    case TextEncoding::Cp949: return "cp949";
    }
    return "auto";
}

bool ParseTextEncoding(std::string_view name, TextEncoding* out)
{
    std::string lower;
    for (char c : name)
        if (c != '-' && c != '_') lower += (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (lower == "auto") *out = TextEncoding::Auto;
    else if (lower == "utf8") *out = TextEncoding::Utf8;
    else if (lower == "cp949" || lower == "uhc" || lower == "euckr" || lower == "ksc5601") *out = TextEncoding::Cp949;
    else return false;
    return true;
}

// True when none of the 64 bytes at p has its high bit set (all ASCII): one OR of four vectors
// where the target has them (wasm SIMD, SSE2), eight words otherwise.
static inline bool Ascii64(const unsigned char* p)
{
#if defined(__wasm_simd128__)
    const v128_t x = wasm_v128_or(wasm_v128_or(wasm_v128_load(p), wasm_v128_load(p + 16)), wasm_v128_or(wasm_v128_load(p + 32), wasm_v128_load(p + 48)));
    return wasm_i8x16_bitmask(x) == 0;
#elif defined(__SSE2__)
    const __m128i x = _mm_or_si128(_mm_or_si128(_mm_loadu_si128((const __m128i*)p), _mm_loadu_si128((const __m128i*)(p + 16))),
                                   _mm_or_si128(_mm_loadu_si128((const __m128i*)(p + 32)), _mm_loadu_si128((const __m128i*)(p + 48))));
    return _mm_movemask_epi8(x) == 0;
#else
    uint64_t w[8];
    std::memcpy(w, p, 64);
    return ((w[0] | w[1] | w[2] | w[3] | w[4] | w[5] | w[6] | w[7]) & 0x8080808080808080ull) == 0;
#endif
}

size_t FindInvalidUtf8(std::string_view text)
{
    const unsigned char* s = (const unsigned char*)text.data();
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        // ASCII runs dominate chart files: skip 64 bytes at a time, then eight.
        while (i + 64 <= n && Ascii64(s + i)) i += 64;
        while (i + 8 <= n) {
            uint64_t w;
            std::memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c < 0x80) { i++; continue; }
        int len = 0;
        uint32_t min = 0;
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
        else return i;
        if (i + len > n) return i;
        uint32_t cp = c & (0x7F >> len);
        for (int k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::string_view::npos;
}

bool LooksBinary(std::string_view bytes)
{
    size_t probe = bytes.size() < 65536 ? bytes.size() : 65536;
    return std::memchr(bytes.data(), 0, probe) != nullptr;
}

#if CHARTMIX_ICONV
// glibc's iconv natively. The browser build installs the browser's decoder instead (src/web).
static bool IconvCp949(std::string_view bytes, std::string* out, size_t* bad_offset)
{
    iconv_t cd = iconv_open("UTF-8", "CP949");
    if (cd == (iconv_t)-1) cd = iconv_open("UTF-8", "EUC-KR");
    if (cd == (iconv_t)-1) {
        *bad_offset = std::string_view::npos;
        return false;
    }
    out->resize(bytes.size() * 3 / 2 + 16);  // Hangul: 2 bytes in CP949, 3 in UTF-8
    char* in_ptr = const_cast<char*>(bytes.data());
    size_t in_left = bytes.size();
    size_t written = 0;
    while (in_left > 0) {
        char* out_ptr = out->data() + written;
        size_t out_left = out->size() - written;
        size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
        written = out->size() - out_left;
        if (r != (size_t)-1) break;
        if (errno == E2BIG) {
            out->resize(out->size() * 2);
            continue;
        }
        *bad_offset = bytes.size() - in_left;
        iconv_close(cd);
        return false;
    }
    iconv_close(cd);
    out->resize(written);
    return true;
}
static Cp949Decoder g_cp949 = &IconvCp949;
#else
static Cp949Decoder g_cp949 = nullptr;
#endif

Cp949Decoder SetCp949Decoder(Cp949Decoder decoder)
{
    Cp949Decoder previous = g_cp949;
    g_cp949 = decoder;
    return previous;
}

bool CanDecodeCp949() { return g_cp949 != nullptr; }

static Result<std::string> DecodeCp949(std::string_view bytes, std::string_view file_name)
{
    std::string out;
    size_t bad = std::string_view::npos;
    if (g_cp949 && g_cp949(bytes, &out, &bad)) return out;
    if (!g_cp949 || bad == std::string_view::npos)
        return MakeErrorAt(std::string(file_name), 0, 0, "this file is Korean CP949, which this browser cannot decode (its TextDecoder lacks windows-949); save it as UTF-8 and load it again.");
    int line, column;
    LocateOffset(bytes, bad, &line, &column);
    return MakeErrorAt(std::string(file_name), line, column,
                       "the bytes here are neither UTF-8 nor CP949 (Korean); the file may be damaged or in another encoding.");
}

Result<DecodedText> DecodeToUtf8InPlace(std::string&& bytes, TextEncoding declared, std::string_view file_name)
{
    DecodedText decoded;
    std::string_view view = bytes;
    if (view.size() >= 3 && std::memcmp(view.data(), "\xEF\xBB\xBF", 3) == 0) {
        decoded.HadBom = true;
        view.remove_prefix(3);
        if (declared == TextEncoding::Auto) declared = TextEncoding::Utf8;
    }
    size_t bad = FindInvalidUtf8(view);
    if (declared == TextEncoding::Auto && bad != std::string_view::npos && !CanDecodeCp949()) {
        int line, column;
        LocateOffset(view, bad, &line, &column);
        return MakeErrorAt(std::string(file_name), line, column + (decoded.HadBom && line == 1 ? 3 : 0),
                           "the bytes here are neither UTF-8 nor CP949 this browser can read (its TextDecoder lacks windows-949); save the file as UTF-8 and load it again.");
    }
    if (declared == TextEncoding::Auto) declared = bad == std::string_view::npos ? TextEncoding::Utf8 : TextEncoding::Cp949;
    if (declared == TextEncoding::Utf8) {
        if (bad != std::string_view::npos) {
            int line, column;
            LocateOffset(view, bad, &line, &column);
            return MakeErrorAt(std::string(file_name), line, column + (decoded.HadBom && line == 1 ? 3 : 0),
                               "this byte is not valid UTF-8; if the file is Korean CP949/EUC-KR, say \"encoding\": \"cp949\" in the manifest.");
        }
        decoded.Text = std::move(bytes);
        decoded.Skip = decoded.HadBom ? 3 : 0;
        decoded.Found = TextEncoding::Utf8;
        return decoded;
    }
    Result<std::string> text = DecodeCp949(view, file_name);
    if (!text) return text.Err();
    decoded.Text = text.Take();
    decoded.Found = TextEncoding::Cp949;
    return decoded;
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes, TextEncoding declared, std::string_view file_name)
{
    Result<DecodedText> decoded = DecodeToUtf8InPlace(std::string(bytes), declared, file_name);
    if (decoded && decoded->Skip) {
        decoded->Text.erase(0, decoded->Skip);
        decoded->Skip = 0;
    }
    return decoded;
}

} // namespace chartmix
