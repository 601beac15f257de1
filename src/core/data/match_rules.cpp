#include "core/data/match_rules.h"

#include <algorithm>

#include "core/data/text_normalize.h"

namespace chartmix {

namespace {

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80; }

// "p!nk" -> "pink", "pe$o" -> "peso", "a$ap" -> "asap": a symbol standing for a letter inside a word.
std::string ReadStylised(std::string text)
{
    for (size_t i = 0; i < text.size(); i++) {
        const bool before = i > 0 && IsLetter(text[i - 1]), after = i + 1 < text.size() && IsLetter(text[i + 1]);
        if (text[i] == '!' && before && after) text[i] = 'i';
        else if (text[i] == '$' && after) text[i] = 's';
    }
    return text;
}

// The match key of one name without spaces, as title base keys are ("N Sync" = "NSYNC").
std::string NameKey(std::string_view name)
{
    std::string key = MatchKey(name);
    key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
    return key;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// An accompanying ensemble credited beside a singer ("His Orchestra", "The Ken Darby Singers").
bool IsEnsemble(std::string_view part)
{
    for (const std::string_view word : { "orchestra", "chorus", "choir", "singers" })
        if (part.find(word) != std::string_view::npos) return true;
    return false;
}

// The keys one credited name goes by: the name, a parenthesised alternative ("아이유 (IU)"), and the
// name before " of " ("Jimin of BTS").
void NameAlternatives(std::string_view part, std::vector<std::string>* out)
{
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    const size_t open = part.find('('), close = open == std::string_view::npos ? open : part.find(')', open);
    if (open != std::string_view::npos && close != std::string_view::npos && open > 0) {
        for (const std::string& key : { NameKey(std::string(part.substr(0, open)) + std::string(part.substr(close + 1))),
                                        NameKey(part.substr(open + 1, close - open - 1)) })
            if (!key.empty()) out->push_back(key);
        return;
    }
    if (std::string key = NameKey(part); !key.empty()) out->push_back(std::move(key));
    if (const size_t of = part.find(" of "); of != std::string_view::npos && of > 0) out->push_back(NameKey(part.substr(0, of)));
}

struct Separator {
    std::string_view Text;
    bool AddsAct;
};

const Separator kSeparators[] = {
    { " featuring ", true }, { " feat. ", true }, { " feat ", true }, { " ft. ", true }, { " ft ", true }, { " with ", true }, { " x ", true },
    { " & ", true }, { "&", true }, { " + ", true }, { "+", true }, { " and ", true }, { ", ", false }, { ",", false }, { "/", false },
    { ";", false }, { "\xE3\x80\x81", false },
};

// The title's credit notes ("(feat. X & Y)", "[with Z]"): the credited names, as one credit string.
std::string TitleCredits(std::string_view folded)
{
    std::string credits;
    for (size_t open = 0; (open = folded.find_first_of("([", open)) != std::string_view::npos; open++) {
        const size_t close = folded.find_first_of(")]", open);
        if (close == std::string_view::npos) break;
        std::string_view inner = folded.substr(open + 1, close - open - 1);
        for (const std::string_view word : { "featuring ", "feat. ", "feat ", "ft. ", "ft ", "with " })
            if (StartsWith(inner, word)) {
                credits += (credits.empty() ? "" : ", ") + std::string(inner.substr(word.size()));
                break;
            }
    }
    return credits;
}

// A recording year the folded title states: "(1959)" or "1959 version".
uint16_t TitleYear(std::string_view folded)
{
    for (size_t i = 0; i + 4 <= folded.size(); i++) {
        auto digits = [&](size_t at) {
            for (size_t k = at; k < at + 4; k++)
                if (k >= folded.size() || folded[k] < '0' || folded[k] > '9') return false;
            return true;
        };
        if (!digits(i) || (i > 0 && folded[i - 1] >= '0' && folded[i - 1] <= '9')) continue;
        const bool bracketed = i > 0 && folded[i - 1] == '(' && i + 4 < folded.size() && folded[i + 4] == ')';
        if (bracketed || StartsWith(folded.substr(i + 4), " version")) return (uint16_t)std::stoi(std::string(folded.substr(i, 4)));
    }
    return 0;
}

bool Meet(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b)
{
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) return true;
        if (a[i] < b[j]) i++; else j++;
    }
    return false;
}

void SortUnique(std::vector<uint32_t>* ids)
{
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
}

} // namespace

std::vector<std::vector<std::string>> CreditedActs(std::string_view artist, bool* adds_act)
{
    const std::string text = ReadStylised(FoldCase(artist));
    std::vector<std::vector<std::string>> acts;
    std::vector<std::string> parts;
    std::vector<bool> after_comma;
    *adds_act = false;
    size_t begin = 0;
    int depth = 0;
    bool comma_before = false;
    for (size_t i = 0; i <= text.size();) {
        const Separator* found = nullptr;
        if (i < text.size()) {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (depth <= 0)
                for (const Separator& s : kSeparators)
                    if (text.compare(i, s.Text.size(), s.Text) == 0) { found = &s; break; }
        }
        if (i == text.size() || found) {
            parts.push_back(text.substr(begin, i - begin));
            after_comma.push_back(comma_before);
            if (!found) break;
            comma_before = found->Text[0] == ',';
            *adds_act = *adds_act || found->AddsAct;
            i += found->Text.size();
            begin = i;
            continue;
        }
        i++;
    }
    for (size_t k = 0; k < parts.size(); k++) {
        std::string_view part = parts[k];
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        if (part.empty()) continue;
        // "Tyler, The Creator": the name before an inverted "The" also goes by the whole; "Metro Boomin,
        // The Weeknd" lists two acts, so the part stays an act of its own as well.
        if (after_comma[k] && StartsWith(part, "the ") && !acts.empty()) acts.back().push_back(NameKey(std::string(parts[k - 1]) + " " + std::string(part)));
        if (StartsWith(part, "with ")) part.remove_prefix(5);  // "(feat. X & with Y)"
        std::vector<std::string> names;
        NameAlternatives(part, &names);
        if (!names.empty()) acts.push_back(std::move(names));
    }
    return acts;
}

AliasTable::AliasTable(StringPool& keys, const std::vector<std::vector<std::string>>& groups) : Keys_(keys)
{
    for (const std::vector<std::string>& group : groups) {
        uint32_t canonical = UINT32_MAX;
        for (const std::string& name : group) {
            bool unused_flag = false;
            std::vector<uint32_t> ids;
            for (const std::vector<std::string>& act : CreditedActs(name, &unused_flag))
                for (const std::string& key : act) ids.push_back(keys.Intern(key));
            if (ids.empty()) continue;
            if (canonical == UINT32_MAX) canonical = ids[0];
            const int32_t index = (int32_t)Names_.size();
            Names_.push_back(name);
            Used_.push_back(0);
            for (const uint32_t id : ids) {
                if (id >= Canonical_.size()) {
                    const size_t old = Canonical_.size();
                    Canonical_.resize(id + 1);
                    NameOfKey_.resize(id + 1, -1);
                    for (size_t k = old; k < Canonical_.size(); k++) Canonical_[k] = (uint32_t)k;
                }
                Canonical_[id] = canonical;
                NameOfKey_[id] = index;
            }
            NameKeys_.push_back(std::move(ids));
        }
    }
}

uint32_t AliasTable::Id(std::string_view key)
{
    const uint32_t id = Keys_.Intern(key);
    if (id >= Canonical_.size()) return id;
    if (NameOfKey_[id] >= 0) {
        // Every name of the group whose keys include this one counts as used.
        const uint32_t canonical = Canonical_[id];
        for (size_t n = 0; n < NameKeys_.size(); n++)
            if (!Used_[n] && Canonical_[NameKeys_[n][0]] == canonical)
                for (const uint32_t k : NameKeys_[n]) Used_[n] |= k == id;
    }
    return Canonical_[id];
}

std::vector<std::string> AliasTable::Unused() const
{
    std::vector<std::string> unused;
    for (size_t n = 0; n < Names_.size(); n++)
        if (!Used_[n]) unused.push_back(Names_[n]);
    return unused;
}

SpellingTraits MakeSpellingTraits(std::string_view title, std::string_view artist, AliasTable& aliases)
{
    SpellingTraits t;
    const std::string folded_title = FoldCase(title);
    t.Year = TitleYear(folded_title);
    std::vector<std::vector<std::string>> acts = CreditedActs(artist, &t.AddsAct);
    const size_t listed = acts.size();
    if (const std::string credits = TitleCredits(folded_title); !credits.empty()) {
        bool ignored = false;
        for (std::vector<std::string>& act : CreditedActs(credits, &ignored)) acts.push_back(std::move(act));
        t.AddsAct = true;
    }
    for (size_t a = 0; a < acts.size(); a++) {
        // An ensemble, or the conductor named before "& His Orchestra", accompanies the singer.
        const bool ensemble = a > 0 && (IsEnsemble(acts[a][0]) || (a + 1 < acts.size() && IsEnsemble(acts[a + 1][0]) && StartsWith(acts[a + 1][0], "his")));
        for (size_t k = 0; k < acts[a].size(); k++) {
            const uint32_t id = aliases.Id(acts[a][k]);
            t.Names.push_back(id);
            if (k == 0 && a == 0) t.Lead = id;
            if (k == 0 && a > 0 && !ensemble) t.Others.push_back(id);
        }
    }
    SortUnique(&t.Names);
    // A chart that lists every act in the artist field ("Taylor Swift, Lana Del Rey") and names in a
    // title credit someone it does not list ("feat. More Lana Del Rey") marks a version, not a credit.
    if (listed >= 2)
        for (size_t a = listed; a < acts.size(); a++) {
            bool found = false;
            for (size_t k = 0; k < acts[a].size() && !found; k++)
                for (size_t l = 0; l < listed && !found; l++)
                    found = std::find(acts[l].begin(), acts[l].end(), acts[a][k]) != acts[l].end();
            if (!found) t.Unlisted.push_back(aliases.Id(acts[a][0]));
        }
    SortUnique(&t.Unlisted);
    SortUnique(&t.Others);
    // An act credited twice (in the artist field and a title credit) is not another act.
    t.Others.erase(std::remove(t.Others.begin(), t.Others.end(), t.Lead), t.Others.end());
    return t;
}

bool CreditsAgree(const SpellingTraits& a, const SpellingTraits& b)
{
    if (!Meet(a.Names, b.Names)) return false;
    if (a.Year && b.Year && a.Year != b.Year) return false;
    if (a.Unlisted != b.Unlisted) return false;
    // A solo credit against one that adds an act: a duet, a remix with a guest, "X & Y" against "Y".
    // A list of co-credited acts that marks none as added (Spotify's "X, Y") may be the same recording.
    if ((a.Others.empty() && !b.Others.empty() && b.AddsAct) || (b.Others.empty() && !a.Others.empty() && a.AddsAct)) return false;
    // One lead with different guests: two versions.
    if (a.Lead == b.Lead && a.AddsAct && b.AddsAct && !a.Others.empty() && !b.Others.empty() && !Meet(a.Others, b.Others)) return false;
    return true;
}

bool SpellingsMatch(std::string_view title_a, std::string_view artist_a, std::string_view title_b, std::string_view artist_b, AliasTable& aliases)
{
    const TitleKeys ka = MakeTitleKeys(title_a), kb = MakeTitleKeys(title_b);
    if (ka.Full != kb.Full && ka.Base() != kb.Base()) return false;
    return CreditsAgree(MakeSpellingTraits(title_a, artist_a, aliases), MakeSpellingTraits(title_b, artist_b, aliases));
}

} // namespace chartmix
