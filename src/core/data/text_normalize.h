#pragma once
// Match keys for titles and artists. Charts spell the same song differently ("CREEPIN'" on the UK
// chart, "Creepin' (with The Weeknd & 21 Savage)" on Spotify, "Don`t" on Circle); the keys fold those
// differences away. Own tables, no C locale: native and wasm builds give byte-identical keys.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/text_fold.h"

namespace chartmix {

// FoldCase, then punctuation to spaces, apostrophes dropped ("don`t" = "don't" = "dont"), "&" to
// "and", runs of spaces collapsed and a leading "the " dropped. The key two spellings must share.
std::string MatchKey(std::string_view text);

namespace detail {
// MatchKey without its ASCII shortcut, so tests can hold the two to the same answers.
std::string MatchKeyGeneral(std::string_view text);
// The base title key without the shortcut for titles that carry no credit ("" when nothing is left).
std::string BaseTitleKeyGeneral(std::string_view title);
// MakeArtistKeys without the shortcut for a credit that names one artist.
std::vector<std::string> ArtistKeysGeneral(std::string_view artist);
} // namespace detail

struct TitleKeys {
    std::string Full;  // MatchKey of the whole title
    // The key without credits, edition, film and year notes ("(feat. X)", "- Remastered 2011",
    // "(Spider-Man: Across the Spider-Verse)", "- 1959 Version", a lead act before ": ") and without spaces.
    std::string_view Base() const { return Stripped.empty() ? std::string_view(Full) : std::string_view(Stripped); }
    // The base key of a title that may carry credits (it can equal Full). Empty when there was nothing
    // to strip or nothing was left: Base() is then Full, of which no copy is made.
    std::string Stripped;
};
// Both keys of a title.
TitleKeys MakeTitleKeys(std::string_view title);
// Both keys of a title into *keys, reusing their capacity.
void MakeTitleKeysTo(std::string_view title, TitleKeys* keys);

// HashBytes of a title's two keys (TitleKeys::Full and TitleKeys::Base()), without making them as
// strings: matching buckets every spelling by these and makes the keys of the few that share one.
void TitleKeyHashes(std::string_view title, uint64_t* full, uint64_t* base);

// The match keys of every credited artist: credits split at ",", "&", " x ", "feat.", "ft.", "with",
// "/" and "、"; a name with a parenthesised alternative ("아이유 (IU)") yields both names.
std::vector<std::string> MakeArtistKeys(std::string_view artist);

} // namespace chartmix
