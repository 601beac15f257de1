#include "core/data/matching.h"

#include <algorithm>
#include <numeric>

#include "core/base/flat_map.h"
#include "core/base/hash.h"
#include "core/base/string_pool.h"
#include "core/data/match_rules.h"
#include "core/data/text_normalize.h"

namespace chartmix {

namespace {

constexpr uint32_t kNoKey = UINT32_MAX;

// The sources a song is seen on, in one int32: none yet, the one source id, or several.
constexpr int32_t kNoSource = -1, kSeveralSources = -2;
inline int32_t CombineSources(int32_t seen, int32_t source)
{
    if (seen == source || seen == kSeveralSources || source == kNoSource) return seen;
    return seen == kNoSource ? source : kSeveralSources;
}

// Keys are interned into a StringPool of their own, so buckets and artist checks compare integers.
struct Spelling {
    // Title key ids by level: [0] the whole title (TitleKeys::Full), [1] TitleKeys::Base. kNoKey for a
    // spelling whose title keys no other spelling shares: it cannot merge, and its keys are never made.
    uint32_t Key[2] = { kNoKey, kNoKey };
    uint64_t KeyHash[2] = {};  // TitleKeyHashes
    bool Distinct = false;     // a manifest override keeps it apart
};

// How many spellings have each title key hash, per level: an open-addressing table sized once. A slot
// keeps 32 bits of the hash beside its count (eight bytes, so the table stays in cache): two hashes
// that agree on those bits and on the slot are counted together, which only means a spelling gets its
// keys made needlessly; the key strings settle it.
class KeyHashCounts {
public:
    explicit KeyHashCounts(size_t keys)
    {
        size_t size = 16;
        while (size < keys * 2) size *= 2;
        Slots_.resize(size);
        Mask_ = size - 1;
    }
    uint32_t& Count(uint64_t hash, int level)
    {
        // The level goes into the hash: one spelling's two levels share a key when nothing was stripped.
        const uint64_t h = level ? FinishHash(hash ^ 0x9E3779B97F4A7C15ull) : hash;
        const uint32_t check = (uint32_t)(h >> 32);
        for (size_t i = (size_t)h & Mask_;; i = (i + 1) & Mask_) {
            Slot& slot = Slots_[i];
            if (slot.Count == 0) { slot.Check = check; return slot.Count; }
            if (slot.Check == check) return slot.Count;
        }
    }

private:
    struct Slot {
        uint32_t Check = 0;  // the hash's high 32 bits
        uint32_t Count = 0;  // 0: empty (a slot is claimed by the increment that follows Count())
    };
    std::vector<Slot> Slots_;
    size_t Mask_ = 0;
};

// True when two sorted id lists share an id (artist keys, or the charts two spellings appear in).
bool SortedListsMeet(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b)
{
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) return true;
        if (a[i] < b[j]) i++; else j++;
    }
    return false;
}

class Components {
public:
    explicit Components(std::vector<std::vector<uint32_t>> groups) : Groups_(std::move(groups)), Parent_(Groups_.size())
    {
        std::iota(Parent_.begin(), Parent_.end(), 0);
    }
    uint32_t Find(uint32_t x)
    {
        while (Parent_[x] != x) x = Parent_[x] = Parent_[Parent_[x]];
        return x;
    }
    // True when the two components were seen in the same (period, source) chart: they are two songs.
    bool Conflict(uint32_t a, uint32_t b) { return SortedListsMeet(Groups_[Find(a)], Groups_[Find(b)]); }
    void Merge(uint32_t a, uint32_t b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b) return;
        if (b < a) std::swap(a, b);  // the lower id (seen first) stays the root
        std::vector<uint32_t> merged;
        std::set_union(Groups_[a].begin(), Groups_[a].end(), Groups_[b].begin(), Groups_[b].end(), std::back_inserter(merged));
        Groups_[a].swap(merged);
        std::vector<uint32_t>().swap(Groups_[b]);
        Parent_[b] = a;
    }

private:
    std::vector<std::vector<uint32_t>> Groups_;
    std::vector<uint32_t> Parent_;
};

std::string Describe(const Dataset& d, uint32_t song)
{
    return "\"" + std::string(d.SongTitle(song)) + "\" by " + std::string(d.SongArtist(song));
}

} // namespace

MatchReport MatchSongs(Dataset& data, const std::vector<std::vector<std::string>>& aliases, const std::vector<MatchOverride>& overrides)
{
    MatchReport report;
    const uint32_t n = (uint32_t)data.Songs.size();
    report.Spellings = n;

    // Aliases apply to each credited act, after a credit is split (match_rules.h).
    StringPool keys;
    AliasTable alias_table(keys, aliases);

    // Most spellings share no title key with any other: they are told apart by the hashes of their
    // keys, made without the strings, and only the spellings whose hash another shares (equal keys, or
    // a rare collision the key strings then settle) get keys interned below.
    std::vector<Spelling> spellings(n);
    for (uint32_t s = 0; s < n; s++) TitleKeyHashes(data.SongTitle(s), &spellings[s].KeyHash[0], &spellings[s].KeyHash[1]);

    // Overrides name songs by spelling; the ones that keep a song apart take effect before bucketing.
    auto find_song = [&](const std::string& title, const std::string& artist) -> int64_t {
        int64_t t = data.Strings.Find(title), a = data.Strings.Find(artist);
        if (t < 0 || a < 0) return -1;
        for (uint32_t s = 0; s < n; s++)
            if (data.Songs[s].Title == (uint32_t)t && data.Songs[s].Artist == (uint32_t)a) return s;
        return -1;
    };
    std::vector<uint8_t> candidate(n, 0);  // a song that may merge: shares a title key, or an override names it
    std::vector<std::pair<int64_t, int64_t>> override_songs;
    for (const MatchOverride& o : overrides) {
        int64_t a = find_song(o.Title, o.Artist), b = -1;
        if (a >= 0 && o.Distinct) spellings[(size_t)a].Distinct = true;
        if (a >= 0 && !o.Distinct) b = find_song(o.SameTitle, o.SameArtist);
        if (a >= 0) candidate[(size_t)a] = 1;
        if (b >= 0) candidate[(size_t)b] = 1;
        override_songs.emplace_back(a, b);
    }

    // The title keys of the spellings that share a key hash with another, at either level.
    {
        KeyHashCounts counts(2 * (size_t)n);
        for (uint32_t s = 0; s < n; s++)
            if (!spellings[s].Distinct)
                for (int level = 0; level < 2; level++) counts.Count(spellings[s].KeyHash[level], level)++;
        TitleKeys title;  // reused: its strings keep their capacity from one spelling to the next
        for (uint32_t s = 0; s < n; s++) {
            Spelling& sp = spellings[s];
            if (sp.Distinct || (counts.Count(sp.KeyHash[0], 0) < 2 && counts.Count(sp.KeyHash[1], 1) < 2)) continue;
            MakeTitleKeysTo(data.SongTitle(s), &title);
            sp.Key[0] = keys.Intern(title.Full);
            sp.Key[1] = title.Base() == title.Full ? sp.Key[0] : keys.Intern(title.Base());
        }
    }

    // Spellings bucketed by title key (level 0: whole title, level 1: without credits and editions),
    // members in id order. Only songs that share a bucket can merge, so the costlier artist keys and
    // chart lists below are made for those alone.
    struct Buckets {
        std::vector<uint32_t> Start, Members;
    } buckets[2];
    for (int level = 0; level < 2; level++) {
        Buckets& bk = buckets[level];
        auto key_of = [&](uint32_t s) { return spellings[s].Key[level]; };
        bk.Start.assign(keys.Size() + 1, 0);
        uint32_t keyed = 0;
        for (uint32_t s = 0; s < n; s++)
            if (key_of(s) != kNoKey) {
                bk.Start[key_of(s) + 1]++;
                keyed++;
            }
        bk.Members.resize(keyed);
        for (size_t k = 0; k < keys.Size(); k++) bk.Start[k + 1] += bk.Start[k];
        std::vector<uint32_t> fill(bk.Start.begin(), bk.Start.end() - 1);
        for (uint32_t s = 0; s < n; s++)
            if (key_of(s) != kNoKey) bk.Members[fill[key_of(s)]++] = s;
        for (uint32_t s = 0; s < n; s++)
            if (key_of(s) != kNoKey && bk.Start[key_of(s) + 1] - bk.Start[key_of(s)] > 1) candidate[s] = 1;
    }

    // The credits of the spellings that share a bucket, made once each when first needed.
    std::vector<SpellingTraits> traits;
    std::vector<uint32_t> traits_of(n, UINT32_MAX);
    auto credits = [&](uint32_t s) -> uint32_t {  // index into traits (which may grow: no references kept)
        uint32_t& t = traits_of[s];
        if (t == UINT32_MAX) {
            t = (uint32_t)traits.size();
            traits.push_back(MakeSpellingTraits(data.SongTitle(s), data.SongArtist(s), alias_table));
        }
        return t;
    };

    // One pass over every entry: the (period, source) charts each candidate spelling appears in, and
    // the source of each spelling (one source, or several) for the matched / unmatched counts. A chart
    // has one source, so it is read per chart, not per entry.
    // Pointers and bounds in locals: the lists' stores could otherwise alias them, and every entry of
    // the load passes through this loop.
    std::vector<std::vector<uint32_t>> groups(n);
    std::vector<int32_t> spelling_sources(n, kNoSource);
    const uint32_t* const entry_song = data.EntrySong.data();
    const uint8_t* const is_candidate = candidate.data();
    int32_t* const sources_of = spelling_sources.data();
    const uint32_t group_count = (uint32_t)data.Groups.size();
    for (uint32_t g = 0; g < group_count; g++) {
        const uint32_t begin = data.Groups[g].Begin, end = data.Groups[g].End;
        const int32_t source = (int32_t)data.Groups[g].Source;
        for (uint32_t e = begin; e < end; e++) {
            const uint32_t song = entry_song[e];
            // CombineSources spelled out (source is never kNoSource here), stored only on a change: most
            // entries repeat their song's source, and a call here costs on every entry (bench/analysis.md).
            const int32_t seen = sources_of[song];
            if (seen != source && seen != kSeveralSources) sources_of[song] = seen == kNoSource ? source : kSeveralSources;
            if (!is_candidate[song]) continue;
            std::vector<uint32_t>& list = groups[song];
            if (list.empty() || list.back() != g) list.push_back(g);
        }
    }
    Components components(std::move(groups));

    // Overrides first: they settle what the rules below cannot.
    for (size_t i = 0; i < overrides.size(); i++) {
        const MatchOverride& o = overrides[i];
        auto [a, b] = override_songs[i];
        if (a < 0) { report.Problems.push_back("override: no song \"" + o.Title + "\" by " + o.Artist + " in the data."); continue; }
        if (o.Distinct) { report.OverridesApplied++; continue; }
        if (b < 0) { report.Problems.push_back("override: no song \"" + o.SameTitle + "\" by " + o.SameArtist + " in the data."); continue; }
        components.Merge((uint32_t)a, (uint32_t)b);
        report.OverridesApplied++;
    }

    // Each pair of spellings is reported once, whichever of the two came up first.
    // A hashed set: a file of many look-alike titles reports many pairs, and a list search was quadratic.
    FlatMap64<uint8_t> reported;
    auto first_report = [&](uint32_t a, uint32_t b) {
        const uint64_t key = (uint64_t)std::min(a, b) << 32 | std::max(a, b);
        return reported.Insert(key, 1).second;
    };

    // Level 0: the whole title agrees; level 1: the title without credits and edition notes agrees.
    std::vector<uint32_t> candidates;  // component roots a spelling could join
    std::vector<uint32_t> witness;     // a member of each, for messages
    for (int level = 0; level < 2; level++) {
        // Buckets in order of their first member.
        const Buckets& bk = buckets[level];
        const uint32_t* start = bk.Start.data();
        const uint32_t* members_of = bk.Members.data();
        for (uint32_t first = 0; first < n; first++) {
            const uint32_t key = spellings[first].Key[level];
            if (key == kNoKey) continue;  // no other spelling has its key, or an override keeps it apart
            if (members_of[start[key]] != first) continue;  // not the bucket's first member: done with it already
            if (start[key + 1] - start[key] < 2) continue;
            const uint32_t* const members = members_of + start[key];
            const uint32_t* const members_end = members_of + start[key + 1];
            for (const uint32_t* px = members; px != members_end; px++) {
                const uint32_t x = *px;
                candidates.clear();
                witness.clear();
                for (const uint32_t* py = members; py != members_end; py++) {
                    const uint32_t y = *py;
                    if (y == x || components.Find(y) == components.Find(x)) continue;
                    const uint32_t cx = credits(x), cy = credits(y);
                    if (!CreditsAgree(traits[cx], traits[cy])) continue;
                    uint32_t root = components.Find(y);
                    if (std::find(candidates.begin(), candidates.end(), root) == candidates.end()) {
                        candidates.push_back(root);
                        witness.push_back(y);
                    }
                }
                if (candidates.empty()) continue;
                bool ambiguous = false;
                for (size_t i = 0; i < candidates.size() && !ambiguous; i++)
                    for (size_t j = i + 1; j < candidates.size() && !ambiguous; j++)
                        if (components.Conflict(candidates[i], candidates[j])) {
                            ambiguous = true;
                            if (first_report(x, witness[i]))
                                report.Ambiguous.push_back(Describe(data, x) + " could be " + Describe(data, witness[i]) + " or " + Describe(data, witness[j]) +
                                                       ", which one chart lists separately in the same period; kept apart (add an override to merge).");
                        }
                if (ambiguous) continue;
                for (size_t i = 0; i < candidates.size(); i++) {
                    if (components.Find(x) == components.Find(candidates[i])) continue;
                    if (components.Conflict(x, candidates[i])) {
                        if (level == 1 && first_report(x, witness[i]))
                            report.Ambiguous.push_back(Describe(data, x) + " looks like " + Describe(data, witness[i]) +
                                                       " but one chart lists both in the same period; kept apart.");
                        continue;
                    }
                    report.Merges.push_back(std::string(data.SongTitle(witness[i])) + " / " + std::string(data.SongArtist(witness[i])) + " <- " +
                                            std::string(data.SongTitle(x)) + " / " + std::string(data.SongArtist(x)));
                    components.Merge(x, candidates[i]);
                }
            }
        }
    }

    // New ids in order of first appearance; the root (lowest old id) gives the display spelling.
    // Without a merge every root is itself and the ids stay as they are: no entry is rewritten.
    std::vector<uint32_t> old_to_new(n, UINT32_MAX);
    std::vector<Song> songs;
    std::vector<int32_t> song_sources;
    songs.reserve(n);
    song_sources.reserve(n);
    for (uint32_t s = 0; s < n; s++) {
        uint32_t root = components.Find(s);
        if (old_to_new[root] == UINT32_MAX) {
            old_to_new[root] = (uint32_t)songs.size();
            songs.push_back(data.Songs[root]);
            song_sources.push_back(kNoSource);
        }
        old_to_new[s] = old_to_new[root];
        int32_t& merged = song_sources[old_to_new[s]];
        merged = CombineSources(merged, spelling_sources[s]);
    }
    if (songs.size() != n) {
        uint32_t* const songs_of = data.EntrySong.data();
        const uint32_t* const new_id = old_to_new.data();
        const size_t entries = data.EntryCount();
        for (size_t e = 0; e < entries; e++) songs_of[e] = new_id[songs_of[e]];
    }
    data.Songs = std::move(songs);
    report.Songs = data.Songs.size();
    if (!aliases.empty()) {
        // Only the spellings that shared a title key met the alias table above: every other credit
        // is looked up once per distinct artist string, so an alias is reported only when nothing names it.
        std::vector<uint8_t> seen(data.Strings.Size(), 0);
        for (const Song& song : data.Songs) {
            if (seen[song.Artist]) continue;
            seen[song.Artist] = 1;
            bool adds_act = false;
            for (const std::vector<std::string>& act : CreditedActs(data.Strings.View(song.Artist), &adds_act))
                for (const std::string& key : act) alias_table.Id(key);
        }
    }
    for (const std::string& name : alias_table.Unused()) report.UnusedAliases.push_back(name);
    for (int32_t sources : song_sources) {
        if (sources == kSeveralSources) report.MatchedAcrossSources++;
        else if (sources != kNoSource) report.SingleSource++;
    }
    return report;
}

} // namespace chartmix
