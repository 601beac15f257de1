// Match keys for titles and artists, built on the folded text (text_fold.h).
// Index:
// [SECTION] Match keys
// [SECTION] Credits, editions and notes
// [SECTION] Title keys
// [SECTION] Artist keys
#include "core/data/text_normalize.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/base/hash.h"
#include "core/data/text_fold.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chartmix {

using detail::FoldCaseInto;
using detail::IsAscii;
using detail::LowerAscii;
using detail::WriteUtf8;

// [SECTION] Match keys

static bool IsApostrophe(uint32_t cp) { return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 || cp == 0xB4 || cp == 0x2032; }

static bool IsPunctuation(uint32_t cp)
{
    if (cp < 0x80) return cp != '&' && cp != '$' && !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
    if (cp == 0xA0 || cp == 0xA1 || cp == 0xAB || cp == 0xB7 || cp == 0xBB || cp == 0xBF) return true;
    if (cp >= 0x2000 && cp <= 0x206F) return true;  // general punctuation: dashes, quotes, ellipsis
    if (cp >= 0x3001 && cp <= 0x3011) return true;  // 、。〈〉《》「」『』【】
    if (cp == 0x30FB || cp == 0xFF65) return true;  // katakana middle dot
    return false;
}

// True when a space at text[i] starts what StripCreditsAndEditions looks for after a space: " - ",
// or " feat", " ft." or " ft " in any case ("featuring" starts with "feat").
static bool CreditAfterSpace(std::string_view text, size_t i)
{
    const std::string_view rest = text.substr(i + 1, 4);
    auto is = [&](size_t k, char lower) { return k < rest.size() && LowerAscii(rest[k]) == lower; };
    return is(0, '-') || (is(0, 'f') && ((is(1, 'e') && is(2, 'a') && is(3, 't')) || (is(1, 't') && (is(2, '.') || is(2, ' ')))));
}

// MatchKey of ASCII text in one pass: the same steps as the general path below, on bytes, with the
// class of each byte from a table (this runs for every title and artist of every load). Writes the
// key into buffer (4 * text.size() bytes: "&" becomes " and") and returns it; empty when the text
// holds only punctuation, whose key (FoldCase) the caller makes. With credits, also tells in the same
// pass whether the text may have anything StripCreditsAndEditions removes (a bracket, or a credit
// after a space: CreditAfterSpace).
static std::string_view MatchKeyAsciiInto(std::string_view text, char* buffer, bool* credits)
{
    enum : uint8_t { kKeep, kDrop, kSpace, kAnd };
    struct Tables {
        uint8_t Lower[128];
        uint8_t Class[128];
    };
    static const Tables kTables = [] {
        Tables t{};
        for (int c = 0; c < 128; c++) {
            t.Lower[c] = (uint8_t)LowerAscii((char)c);
            t.Class[c] = IsApostrophe((uint32_t)c) ? kDrop : c == '&' ? kAnd : IsPunctuation((uint32_t)c) ? kSpace : kKeep;
        }
        return t;
    }();
    const char* const data = text.data();  // locals: the stores through w may alias anything in memory
    const size_t size = text.size();
    char* const begin = buffer;
    char* w = begin;
    bool pending_space = false, marks = false;
    // An if-chain with the common class first: faster in wasm than a switch (bench/analysis.md).
    for (size_t i = 0; i < size; i++) {
        const unsigned char c = (unsigned char)data[i] & 0x7F;  // ASCII by the caller's test
        const uint8_t type = kTables.Class[c];
        if (type == kKeep) {
            if (pending_space) { *w++ = ' '; pending_space = false; }
            *w++ = (char)kTables.Lower[c];
        } else if (type == kSpace) {
            pending_space = w != begin;
            // Most spaces are followed by neither '-' nor 'f': one test before the full check.
            marks = marks || c == '(' || c == '[' || c == ':' ||
                    (c == ' ' && credits && i + 1 < size && (data[i + 1] == '-' || (data[i + 1] | 0x20) == 'f') && CreditAfterSpace(text, i));
        } else if (type == kAnd) {
            if (w != begin) *w++ = ' ';
            *w++ = 'a'; *w++ = 'n'; *w++ = 'd';
            pending_space = true;
        }
    }
    if (credits) *credits = marks;
    const char* key = begin;
    size_t length = (size_t)(w - begin);
    if (length > 4 && key[0] == 't' && key[1] == 'h' && key[2] == 'e' && key[3] == ' ') { key += 4; length -= 4; }
    return std::string_view(key, length);
}

// MatchKeyAsciiInto, the key written into *out (whose capacity the caller may reuse).
static void MatchKeyAscii(std::string_view text, std::string* out, bool* credits = nullptr)
{
    // Titles fit the stack buffer.
    char stack[512];
    std::unique_ptr<char[]> heap;
    char* buffer = stack;
    if (text.size() * 4 > sizeof(stack)) {
        heap.reset(new char[text.size() * 4]);
        buffer = heap.get();
    }
    const std::string_view key = MatchKeyAsciiInto(text, buffer, credits);
    if (key.empty()) *out = FoldCase(text);
    else out->assign(key.data(), key.size());
}

// MatchKey of text FoldCase has folded (folding it again would change nothing), written into out
// (4 * folded.size() bytes: "&" becomes " and"). A text of punctuation alone ("=", "-" by Ed Sheeran)
// keys on itself, not on "": the result is then folded itself.
static std::string_view KeyOfFolded(std::string_view folded, char* out)
{
    char* w = out;
    bool pending_space = false;
    for (size_t i = 0; i < folded.size();) {
        const uint32_t cp = DecodeUtf8(folded, &i);
        if (IsApostrophe(cp)) continue;
        if (cp == '&') {
            if (w != out) *w++ = ' ';
            *w++ = 'a'; *w++ = 'n'; *w++ = 'd';
            pending_space = true;
            continue;
        }
        if (IsPunctuation(cp)) { pending_space = w != out; continue; }
        if (pending_space) { *w++ = ' '; pending_space = false; }
        w = WriteUtf8(w, cp);
    }
    std::string_view key(out, (size_t)(w - out));
    if (key.size() > 4 && key.substr(0, 4) == "the ") key.remove_prefix(4);
    return key.empty() ? folded : key;
}

namespace detail {

std::string MatchKeyGeneral(std::string_view text)
{
    std::string folded = FoldCase(text);
    std::unique_ptr<char[]> key(new char[4 * folded.size() + 1]);
    return std::string(KeyOfFolded(folded, key.get()));
}

} // namespace detail

std::string MatchKey(std::string_view text)
{
    if (!IsAscii(text)) return detail::MatchKeyGeneral(text);
    std::string key;
    MatchKeyAscii(text, &key);
    return key;
}

// [SECTION] Credits, editions and notes

static bool StartsWithWord(std::string_view text, std::string_view word)
{
    if (text.size() < word.size()) return false;
    for (size_t i = 0; i < word.size(); i++)  // a loop, not a memcmp call (musl's, byte at a time, in wasm)
        if (text[i] != word[i]) return false;
    if (text.size() == word.size()) return true;
    char next = text[word.size()];
    return !((next >= 'a' && next <= 'z') || (next >= '0' && next <= '9'));
}

// True when text holds word as a whole word (ASCII, folded text).
static bool HasWord(std::string_view text, std::string_view word)
{
    for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        const bool starts = at == 0 || !((text[at - 1] >= 'a' && text[at - 1] <= 'z') || (text[at - 1] >= '0' && text[at - 1] <= '9'));
        if (starts && StartsWithWord(text.substr(at), word)) return true;
    }
    return false;
}

// Words that name another recording of a song: a note holding one is never dropped as a mere credit.
static bool NamesVersion(std::string_view note)
{
    static const std::string_view kWords[] = { "remix", "mix", "version", "ver", "live", "acoustic", "sped", "slowed", "instrumental", "demo", "extended",
                                               "edit", "acapella", "reprise", "interlude", "poem", "intro", "outro", "cover", "piano", "solo", "en vivo" };
    for (const std::string_view w : kWords)
        if (HasWord(note, w)) return true;
    return note.find("\xE4\xBC\xB4\xE5\xA5\x8F") != std::string_view::npos || note.find("\xE7\x89\x88") != std::string_view::npos;  // 伴奏, 版
}

// "1959" alone, or "1959 version": the year of a recording, which matching compares (SpellingTraits::Year).
static bool IsYearNote(std::string_view note)
{
    size_t i = 0;
    while (i < note.size() && note[i] >= '0' && note[i] <= '9') i++;
    if (i != 4) return false;
    const std::string_view rest = note.substr(4);
    return rest.empty() || rest == " version";
}

// Credits and edition notes that do not make a different song. Remixes, live and acoustic versions do.
static bool IsCreditOrEdition(std::string_view inner)
{
    while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
    while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
    static const std::string_view kWords[] = {
        "feat", "ft", "featuring", "with", "prod", "remaster", "remastered", "from", "bonus track", "radio edit", "edited",
        "single version", "explicit", "clean", "mono", "stereo", "original motion picture", "ep",
    };
    for (const std::string_view w : kWords)
        if (StartsWithWord(inner, w)) return true;
    // "2011 remaster"
    size_t i = 0;
    while (i < inner.size() && inner[i] >= '0' && inner[i] <= '9') i++;
    if (i == 4 && StartsWithWord(inner.substr(i + (i < inner.size() && inner[i] == ' ')), "remaster")) return true;
    if (IsYearNote(inner)) return true;
    if (NamesVersion(inner)) return false;
    // A film or soundtrack note ("Spider-Man: Across the Spider-Verse", "BLACKPINK THE GAME OST"), or a
    // list of the credited acts ("Metro Boomin & Swae Lee, NAV").
    if (HasWord(inner, "ost") || HasWord(inner, "soundtrack") || HasWord(inner, "motion picture") || inner.find(": ") != std::string_view::npos) return true;
    return inner.find('&') != std::string_view::npos || inner.find(", ") != std::string_view::npos;
}

// Offset of the first of the bytes a or b in s[from, n), or n. The searches below are plain loops: in
// wasm, string_view's find and find_first_of call musl's byte-at-a-time memchr for every position.
static size_t FindEitherByte(const char* s, size_t n, size_t from, char a, char b)
{
    for (size_t i = from; i < n; i++)
        if (s[i] == a || s[i] == b) return i;
    return n;
}

// Offset of the first occurrence of needle in s[from, n), or n.
static size_t FindText(const char* s, size_t n, size_t from, std::string_view needle)
{
    const size_t m = needle.size();
    for (size_t i = from; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && s[i + k] == needle[k]) k++;
        if (k == m) return i;
    }
    return n;
}

// Removes credits and edition notes from folded text in place (s, n bytes); returns the new length.
// In place on a buffer, so an ASCII title strips on the stack without a string made per step.
static size_t StripCreditsAndEditions(char* s, size_t n)
{
    // A lead act named before the title ("Shakira: Bzrp Music Sessions, Vol. 53"): a prefix of at most
    // three words before ": ", with more title after it.
    for (size_t i = 0, spaces = 0; i + 2 < n && spaces < 3 && s[i] != '(' && s[i] != '['; i++) {
        if (s[i] == ' ') spaces++;
        if (s[i] == ':' && s[i + 1] == ' ' && i > 0) {
            std::memmove(s, s + i + 2, n - i - 2);
            n -= i + 2;
            break;
        }
    }
    // Bracketed notes anywhere: "(feat. x)", "[with y]".
    for (size_t open = 0; (open = FindEitherByte(s, n, open, '(', '[')) < n;) {
        const char close_char = s[open] == '(' ? ')' : ']';
        const size_t close = FindEitherByte(s, n, open + 1, close_char, close_char);
        if (close == n) break;
        if (IsCreditOrEdition(std::string_view(s + open + 1, close - open - 1))) {
            const size_t count = close - open + 1;
            std::memmove(s + open, s + open + count, n - open - count);
            n -= count;
        } else {
            open = close + 1;
        }
    }
    // Both searches below look for a space before a '-' or an 'f': most titles (with only brackets) have none.
    bool dash_or_f = false;
    for (size_t i = 0; i + 1 < n && !dash_or_f; i++) dash_or_f = s[i] == ' ' && (s[i + 1] == '-' || s[i + 1] == 'f');
    if (!dash_or_f) return n;
    // " - Remastered 2011", " - Bonus Track", " - From \"Pathaan\"".
    for (size_t dash = 0; (dash = FindText(s, n, dash, " - ")) < n; dash += 3)
        if (IsCreditOrEdition(std::string_view(s + dash + 3, n - dash - 3))) { n = dash; break; }
    // Unbracketed "feat. x" / "ft. x" at the end.
    for (const std::string_view marker : { std::string_view(" feat. "), std::string_view(" feat "), std::string_view(" ft. "), std::string_view(" featuring ") }) {
        const size_t at = FindText(s, n, 0, marker);
        if (at < n && at > 0) n = at;
    }
    return n;
}

// Copies key into out without its spaces ("christmas time" = "christmastime"); key itself when it has none.
static std::string_view WithoutSpaces(std::string_view key, char* out)
{
    if (key.find(' ') == std::string_view::npos) return key;
    char* w = out;
    for (const char c : key)
        if (c != ' ') *w++ = c;
    return std::string_view(out, (size_t)(w - out));
}

std::string detail::BaseTitleKeyGeneral(std::string_view title)
{
    std::string folded = FoldCase(title);
    folded.resize(StripCreditsAndEditions(folded.data(), folded.size()));
    std::string key = MatchKey(folded);
    key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
    return key;
}

// [SECTION] Title keys

// Bit i set for each of the 16 bytes at p that is an ASCII letter, digit or space (allowed), a space,
// or an 'f' or 'F'; *lowered gets the 16 bytes with letters in lower case.
static inline void ClassifyPlain16(const unsigned char* p, uint32_t* allowed, uint32_t* space, uint32_t* f, unsigned char* lowered)
{
#if defined(__wasm_simd128__)
    const v128_t x = wasm_v128_load(p);
    const v128_t folded = wasm_v128_or(x, wasm_i8x16_splat(0x20));
    // Signed compares: bytes past 0x7F are negative and in no range.
    const v128_t alpha = wasm_v128_and(wasm_i8x16_gt(folded, wasm_i8x16_splat('a' - 1)), wasm_i8x16_lt(folded, wasm_i8x16_splat('z' + 1)));
    const v128_t digit = wasm_v128_and(wasm_i8x16_gt(x, wasm_i8x16_splat('0' - 1)), wasm_i8x16_lt(x, wasm_i8x16_splat('9' + 1)));
    const v128_t sp = wasm_i8x16_eq(x, wasm_i8x16_splat(' '));
    *allowed = (uint32_t)wasm_i8x16_bitmask(wasm_v128_or(wasm_v128_or(alpha, digit), sp));
    *space = (uint32_t)wasm_i8x16_bitmask(sp);
    *f = (uint32_t)wasm_i8x16_bitmask(wasm_i8x16_eq(folded, wasm_i8x16_splat('f')));
    wasm_v128_store(lowered, wasm_v128_or(x, wasm_v128_and(alpha, wasm_i8x16_splat(0x20))));
#elif defined(__SSE2__)
    const __m128i x = _mm_loadu_si128((const __m128i*)p);
    const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
    const __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
    const __m128i sp = _mm_cmpeq_epi8(x, _mm_set1_epi8(' '));
    *allowed = (uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(alpha, digit), sp));
    *space = (uint32_t)_mm_movemask_epi8(sp);
    *f = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(folded, _mm_set1_epi8('f')));
    _mm_storeu_si128((__m128i*)lowered, _mm_or_si128(x, _mm_and_si128(alpha, _mm_set1_epi8(0x20))));
#else
    *allowed = *space = *f = 0;
    for (int i = 0; i < 16; i++) {
        const unsigned char c = p[i], folded = c | 0x20;
        const bool alpha = folded >= 'a' && folded <= 'z';
        *allowed |= (uint32_t)(alpha || (c >= '0' && c <= '9') || c == ' ') << i;
        *space |= (uint32_t)(c == ' ') << i;
        *f |= (uint32_t)(folded == 'f') << i;
        lowered[i] = alpha ? folded : c;
    }
#endif
}

// The key of a title of at most 32 bytes made of ASCII letters, digits and single spaces between
// words ("Evermore", "Pink Friday 2"), written into key (32 bytes); empty for any other title. Such a
// title's key is the title in lower case, less a leading "the ", and StripCreditsAndEditions finds
// nothing in it when no word after a space starts with an 'f' (" feat", " ft"). Most chart titles are
// like this, and take two vector steps here instead of a table lookup per byte.
static std::string_view PlainWordsKey(std::string_view text, char* key)
{
    const size_t n = text.size();
    if (n == 0 || n > 32) return {};
    // Copied in fixed-size steps: a memcpy of n bytes is a call out of wasm code (memory.copy), which
    // costs as much as the rest of this function.
    unsigned char padded[32] = {};
    const char* p = text.data();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) std::memcpy(padded + i, p + i, 8);
    if (n >= 8) std::memcpy(padded + n - 8, p + n - 8, 8);  // the last 1-7 bytes (overlapping is harmless)
    else for (; i < n; i++) padded[i] = (unsigned char)p[i];
    uint32_t allowed[2], space[2], f[2];
    ClassifyPlain16(padded, &allowed[0], &space[0], &f[0], (unsigned char*)key);
    ClassifyPlain16(padded + 16, &allowed[1], &space[1], &f[1], (unsigned char*)key + 16);
    const uint32_t all = (uint32_t)(((uint64_t)1 << n) - 1);
    const uint32_t allowed_bits = allowed[0] | allowed[1] << 16, space_bits = (space[0] | space[1] << 16) & all, f_bits = f[0] | f[1] << 16;
    if ((allowed_bits & all) != all) return {};
    if (space_bits & (1u | 1u << (n - 1))) return {};  // a space first or last
    if (space_bits & space_bits >> 1) return {};       // two spaces in a row
    if ((space_bits << 1) & f_bits) return {};          // a word after a space starts with an f
    if (n > 4 && std::memcmp(key, "the ", 4) == 0) return std::string_view(key + 4, n - 4);
    return std::string_view(key, n);
}

namespace {

struct KeyViews {
    std::string_view Full, Base;  // Base views Full's bytes when nothing was stripped
};

// Scratch bytes per title byte for TitleKeyViews: the folded title (3 at most: an invalid byte becomes
// U+FFFD), a stripped copy of it, two keys of it (4 per folded byte each: "&" becomes " and") and the
// base key without its spaces.
constexpr size_t kKeyScratchPerByte = 3 + 3 + 12 + 12 + 12;

} // namespace

// Both keys of a title as views into scratch (kKeyScratchPerByte * title.size() + 32 bytes): the one
// implementation behind MakeTitleKeysTo and TitleKeyHashes. The steps are BaseTitleKeyGeneral's:
// fold, key the folded text, strip a copy of it and key that (folding folded text changes nothing).
static KeyViews TitleKeyViewsSpaced(std::string_view title, char* scratch)
{
    if (const std::string_view plain = PlainWordsKey(title, scratch); !plain.empty()) return { plain, plain };
    const size_t size = title.size();
    char* const folded = scratch;
    char* const stripped = folded + 3 * size;
    char* const full_key = stripped + 3 * size;
    char* const base_key = full_key + 12 * size;
    if (IsAscii(title)) {
        // Folding ASCII is lowering, and its keys come from the table-driven loop, which also tells
        // whether there is anything to strip.
        for (size_t i = 0; i < size; i++) folded[i] = LowerAscii(title[i]);
        bool credits = false;
        std::string_view full = MatchKeyAsciiInto(std::string_view(folded, size), full_key, &credits);
        if (full.empty()) full = std::string_view(folded, size);  // punctuation alone keys on itself
        if (!credits) return { full, full };
        std::memcpy(stripped, folded, size);
        const std::string_view rest(stripped, StripCreditsAndEditions(stripped, size));
        const std::string_view base = MatchKeyAsciiInto(rest, base_key, nullptr);
        if (!base.empty()) return { full, base };
        return { full, rest.empty() ? full : rest };
    }
    const size_t n = FoldCaseInto(title, folded);
    const std::string_view full = KeyOfFolded(std::string_view(folded, n), full_key);
    std::memcpy(stripped, folded, n);
    const std::string_view base = KeyOfFolded(std::string_view(stripped, StripCreditsAndEditions(stripped, n)), base_key);
    return { full, base.empty() ? full : base };
}

// TitleKeyViewsSpaced with the base key's spaces dropped: charts split and join words differently
// ("Christmastime" and "Christmas Time", "Smoke Show" and "Smokeshow").
static KeyViews TitleKeyViews(std::string_view title, char* scratch)
{
    KeyViews keys = TitleKeyViewsSpaced(title, scratch);
    char* const out = scratch + (kKeyScratchPerByte - 12) * title.size() + 32;
    keys.Base = WithoutSpaces(keys.Base, out);
    if (keys.Base.empty()) keys.Base = WithoutSpaces(keys.Full, out);
    if (keys.Base.empty()) keys.Base = keys.Full;  // spaces alone key on themselves
    return keys;
}

// Calls use with the keys of title, in scratch on the stack for titles of ordinary length.
template <class Use>
static void WithTitleKeys(std::string_view title, Use&& use)
{
    char stack[kKeyScratchPerByte * 128 + 32];
    std::unique_ptr<char[]> heap;
    char* scratch = stack;
    if (title.size() > 128) {
        heap.reset(new char[kKeyScratchPerByte * title.size() + 32]);
        scratch = heap.get();
    }
    use(TitleKeyViews(title, scratch));
}

void MakeTitleKeysTo(std::string_view title, TitleKeys* keys)
{
    WithTitleKeys(title, [&](const KeyViews& k) {
        keys->Full.assign(k.Full);
        if (k.Base.data() == k.Full.data()) keys->Stripped.clear();
        else keys->Stripped.assign(k.Base);
    });
}

void TitleKeyHashes(std::string_view title, uint64_t* full, uint64_t* base)
{
    WithTitleKeys(title, [&](const KeyViews& k) {
        *full = HashBytes(k.Full);
        *base = k.Base.data() == k.Full.data() ? *full : HashBytes(k.Base);
    });
}

TitleKeys MakeTitleKeys(std::string_view title)
{
    TitleKeys keys;
    MakeTitleKeysTo(title, &keys);
    return keys;
}

// [SECTION] Artist keys

static void AddArtistName(std::string_view name, std::vector<std::string>& out)
{
    // "아이유 (IU)", "멜로망스(Melomance)": both the name and the parenthesised alternative.
    size_t open = name.find('(');
    size_t close = open == std::string_view::npos ? std::string_view::npos : name.find(')', open);
    if (open != std::string_view::npos && close != std::string_view::npos && open > 0) {
        std::string outer = MatchKey(std::string(name.substr(0, open)) + std::string(name.substr(close + 1)));
        std::string inner = MatchKey(name.substr(open + 1, close - open - 1));
        if (!outer.empty()) out.push_back(outer);
        if (!inner.empty()) out.push_back(inner);
        return;
    }
    std::string key = MatchKey(name);
    if (!key.empty()) out.push_back(key);
}

// False when an ASCII artist credit names one artist for sure: none of the separators MakeArtistKeys
// splits at (",", "&", "/", ";", and " feat", " ft", " with", " x " after a space) and no bracket.
static bool MayCreditSeveral(std::string_view artist)
{
    for (size_t i = 0; i < artist.size(); i++) {
        const char c = artist[i];
        if (c == ',' || c == '&' || c == '/' || c == ';' || c == '(') return true;
        if (c == ' ' && i + 1 < artist.size()) {
            const char next = LowerAscii(artist[i + 1]);
            if (next == 'f' || next == 'w' || next == 'x') return true;
        }
    }
    return false;
}

std::vector<std::string> MakeArtistKeys(std::string_view artist)
{
    if (IsAscii(artist) && !MayCreditSeveral(artist)) {
        std::vector<std::string> keys;
        std::string key = MatchKey(artist);
        if (!key.empty()) keys.push_back(std::move(key));
        return keys;
    }
    return detail::ArtistKeysGeneral(artist);
}

std::vector<std::string> detail::ArtistKeysGeneral(std::string_view artist)
{
    std::string folded = FoldCase(artist);
    // Normalise every credit separator to '\x1f', then split.
    static const char* const kSeparators[] = { " featuring ", " feat. ", " feat ", " ft. ", " ft ", " with ", " x ", " & ", "&", ",", "/", "\xE3\x80\x81", ";" };
    // Replacing a separator by '\x1f' never makes a new one, so a separator whose first byte (or, after a
    // space, first two) is nowhere in the credit is skipped without a search: most credits hold one kind.
    bool seen[13] = {};
    for (size_t i = 0; i < folded.size(); i++) {
        const char c = folded[i];
        if (c == ' ' && i + 1 < folded.size()) {
            const char next = folded[i + 1];
            if (next == 'f') seen[0] = seen[1] = seen[2] = seen[3] = seen[4] = true;  // " featuring " .. " ft "
            seen[5] = seen[5] || next == 'w';
            seen[6] = seen[6] || next == 'x';
            seen[7] = seen[7] || next == '&';
        }
        seen[8] = seen[8] || c == '&';
        seen[9] = seen[9] || c == ',';
        seen[10] = seen[10] || c == '/';
        seen[11] = seen[11] || c == '\xE3';
        seen[12] = seen[12] || c == ';';
    }
    for (int k = 0; k < 13; k++) {
        if (!seen[k]) continue;
        std::string_view s = kSeparators[k];
        for (size_t at = 0; (at = folded.find(s, at)) != std::string::npos;) {
            // Do not split inside parentheses: "아이유 (IU)" stays one name with an alternative.
            int depth = 0;
            for (size_t k = 0; k < at; k++) depth += folded[k] == '(' ? 1 : folded[k] == ')' ? -1 : 0;
            if (depth > 0) { at += s.size(); continue; }
            folded.replace(at, s.size(), "\x1f");
            at += 1;
        }
    }
    std::vector<std::string> keys;
    size_t begin = 0;
    for (size_t i = 0; i <= folded.size(); i++) {
        if (i == folded.size() || folded[i] == '\x1f') {
            AddArtistName(std::string_view(folded).substr(begin, i - begin), keys);
            begin = i + 1;
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

} // namespace chartmix
