// CP949 (Korean) files decode through the browser's own TextDecoder("euc-kr"), which the WHATWG
// Encoding standard defines as windows-949, UHC extension syllables included. The wasm core then
// links no iconv: musl's tables cover every legacy CJK encoding, a large share of the download.
// Linked into every wasm target that loads files (the app, the core tests, the benchmarks).
#include <emscripten.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/data/encoding.h"

// The UTF-8 length of the decoded text (kept on the module until taken), or -(n) when the first n
// bytes are the shortest prefix that does not decode (a character cut at the end is allowed).
EM_JS(int, chartmix_js_decode_euc_kr, (const char* bytes, uint32_t size), {
    const input = HEAPU8.subarray(bytes, bytes + size);
    const strict = () => new TextDecoder('euc-kr', { fatal: true });
    try {
        Module['chartmixDecoded'] = strict().decode(input);
        return lengthBytesUTF8(Module['chartmixDecoded']);
    } catch (e) {
        let ok = 0, bad = size;
        while (bad - ok > 1) {
            const mid = (ok + bad) >>> 1;
            try { strict().decode(input.subarray(0, mid), { stream: true }); ok = mid; } catch (e2) { bad = mid; }
        }
        return -bad;
    }
});

// True when the engine's "euc-kr" is the standard's windows-949: it must read the UHC extension
// syllable 똠 (0x8C 0x63). Browsers do; node's ICU build drops the lead byte without an error.
EM_JS(int, chartmix_js_has_uhc, (), {
    try { return new TextDecoder('euc-kr', { fatal: true }).decode(new Uint8Array([0x8C, 0x63])) === '\uB620' ? 1 : 0; } catch (e) { return 0; }
});

EM_JS(void, chartmix_js_take_decoded, (char* out, uint32_t capacity), {
    stringToUTF8(Module['chartmixDecoded'], out, capacity);
    Module['chartmixDecoded'] = null;
});

namespace {

bool BrowserDecodeCp949(std::string_view bytes, std::string* out, size_t* bad_offset)
{
    const int n = chartmix_js_decode_euc_kr(bytes.data(), (uint32_t)bytes.size());
    if (n < 0) {
        *bad_offset = (size_t)(-(int64_t)n) - 1;  // the byte that completes no character
        return false;
    }
    out->resize((size_t)n + 1);  // stringToUTF8 writes a terminating NUL
    chartmix_js_take_decoded(out->data(), (uint32_t)n + 1);
    out->resize((size_t)n);
    return true;
}

// Installed before main(): loads can start from the first exported call. An engine that would
// decode CP949 wrongly gets no decoder, so such a file fails with a sentence instead of lost letters.
struct InstallDecoder {
    InstallDecoder()
    {
        if (chartmix_js_has_uhc()) chartmix::SetCp949Decoder(&BrowserDecodeCp949);
    }
} g_install_decoder;

} // namespace
