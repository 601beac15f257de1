#pragma once
// Chart files arrive as UTF-8, UTF-8 with a byte-order mark, or Korean CP949/EUC-KR (Circle's own
// exports). Everything past this point is UTF-8.
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace chartmix {

enum class TextEncoding : uint8_t {
    Auto,   // UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise CP949
    Utf8,
    Cp949,  // CP949 (Unified Hangul Code), a superset of EUC-KR
};
// "auto", "utf-8", "cp949" (the spelling used in manifests).
const char* TextEncodingName(TextEncoding encoding);
// Accepts "auto", "utf-8"/"utf8", "cp949"/"uhc"/"euc-kr"/"euckr" (case-insensitive).
bool ParseTextEncoding(std::string_view name, TextEncoding* out);

struct DecodedText {
    std::string Text;                           // UTF-8, without BOM (but see Skip)
    TextEncoding Found = TextEncoding::Utf8;    // what the bytes were
    bool HadBom = false;
    size_t Skip = 0;                            // DecodeToUtf8InPlace only: the BOM is left at the front rather
                                                // than moving the whole file three bytes down
    std::string_view View() const { return std::string_view(Text).substr(Skip); }
};

// Offset of the first byte that breaks UTF-8, or npos when the text is valid.
size_t FindInvalidUtf8(std::string_view text);
// True for bytes that are no text at all (NUL bytes early on: images, archives, gzip).
bool LooksBinary(std::string_view bytes);

// Decodes CP949 to UTF-8; false with *bad_offset at the first byte that is not CP949 (npos: cannot decode at all).
using Cp949Decoder = bool (*)(std::string_view bytes, std::string* out, size_t* bad_offset);
// Native builds decode CP949 with iconv. The browser build has no iconv tables (musl's cover every
// legacy CJK encoding, a large share of the download): src/web installs the browser's TextDecoder here.
// Returns the decoder it replaces.
Cp949Decoder SetCp949Decoder(Cp949Decoder decoder);
// False when this build has no CP949 decoder (a JS engine whose TextDecoder lacks windows-949).
bool CanDecodeCp949();

// Turns a file's bytes into UTF-8. CP949 goes through the decoder above (iconv natively, the browser's
// TextDecoder("euc-kr") in wasm; both decode the UHC extension syllables). Errors name the file, line
// and column of the bad byte.
Result<DecodedText> DecodeToUtf8(std::string_view bytes, TextEncoding declared, std::string_view file_name);
// The same, taking the bytes: UTF-8 input becomes the decoded text without a copy.
Result<DecodedText> DecodeToUtf8InPlace(std::string&& bytes, TextEncoding declared, std::string_view file_name);

} // namespace chartmix
