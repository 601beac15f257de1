#include "core/data/load_checks.h"

#include <algorithm>

namespace chartmix {

namespace {

// Rebuilds Groups' entry ranges after entries were removed (no group loses its first entry, so
// none becomes empty).
void RemoveEntries(Dataset& d, const std::vector<uint8_t>& removed)
{
    const size_t n = d.EntryCount();
    std::vector<uint32_t> kept_before(n + 1, 0);
    for (size_t e = 0; e < n; e++) kept_before[e + 1] = kept_before[e] + (removed[e] ? 0 : 1);
    size_t w = 0;
    for (size_t e = 0; e < n; e++) {
        if (removed[e]) continue;
        d.EntryPeriod[w] = d.EntryPeriod[e];
        d.EntrySource[w] = d.EntrySource[e];
        d.EntrySong[w] = d.EntrySong[e];
        d.EntryRank[w] = d.EntryRank[e];
        d.EntryUnits[w] = d.EntryUnits[e];
        w++;
    }
    d.EntryPeriod.resize(w);
    d.EntrySource.resize(w);
    d.EntrySong.resize(w);
    d.EntryRank.resize(w);
    d.EntryUnits.resize(w);
    for (EntryGroup& g : d.Groups) {
        g.Begin = kept_before[g.Begin];
        g.End = kept_before[g.End];
    }
}

std::string RankText(uint16_t rank) { return rank == kNoRank ? std::string("off-chart") : "#" + std::to_string(rank); }

} // namespace

void DropSongsWithoutEntries(Dataset& d)
{
    std::vector<uint32_t> new_id(d.Songs.size(), UINT32_MAX);
    for (uint32_t s : d.EntrySong) new_id[s] = 0;
    uint32_t next = 0;
    for (size_t s = 0; s < d.Songs.size(); s++)
        if (new_id[s] != UINT32_MAX) {
            new_id[s] = next;
            d.Songs[next++] = d.Songs[s];
        }
    if (next == d.Songs.size()) return;
    d.Songs.resize(next);
    for (uint32_t& s : d.EntrySong) s = new_id[s];
}

void NoteRankGaps(const Dataset& d, const std::vector<uint8_t>& rolled_up, std::vector<std::string>* notes)
{
    struct SourceGaps {
        size_t Periods = 0;
        std::string First;
    };
    std::vector<SourceGaps> gaps(d.Sources.size());
    for (const EntryGroup& g : d.Groups) {
        if (g.Source < rolled_up.size() && rolled_up[g.Source]) continue;
        // Ranked entries come first, by rank: a gap is a step of more than one.
        std::vector<uint16_t> missing;
        size_t missing_count = 0;
        uint16_t expected = 1;
        for (uint32_t e = g.Begin; e < g.End && d.EntryRank[e] != kNoRank; e++) {
            const uint16_t r = d.EntryRank[e];
            if (r < expected) continue;  // a repeated rank (kept: another song at that place)
            for (uint32_t m = expected; m < r; m++) {
                missing_count++;
                if (missing.size() < 3) missing.push_back((uint16_t)m);
            }
            expected = (uint16_t)(r + 1);
        }
        if (!missing_count) continue;
        SourceGaps& s = gaps[g.Source];
        if (s.Periods++ == 0) {
            s.First = d.Periods[g.Period].Label + ": no ";
            for (size_t i = 0; i < missing.size(); i++) s.First += (i ? ", #" : "#") + std::to_string(missing[i]);
            if (missing_count > missing.size()) s.First += " and " + std::to_string(missing_count - missing.size()) + " more";
        }
    }
    for (size_t s = 0; s < gaps.size(); s++)
        if (gaps[s].Periods)
            notes->push_back(d.Sources[s].Key + ": " + std::to_string(gaps[s].Periods) + (gaps[s].Periods == 1 ? " period skips" : " periods skip") +
                             " ranks (first " + gaps[s].First + "); the listed songs keep their published ranks.");
}

size_t DropRepeatedSongs(Dataset& d, std::vector<std::string>* notes)
{
    constexpr size_t kListed = 5;
    std::vector<uint32_t> seen_in(d.Songs.size(), UINT32_MAX), held_by(d.Songs.size(), 0);
    std::vector<uint8_t> removed;
    size_t count = 0;
    for (uint32_t gi = 0; gi < d.Groups.size(); gi++) {
        const EntryGroup& g = d.Groups[gi];
        // Entries sort by rank with off-chart rows last, so the first of a song's entries is its best.
        for (uint32_t e = g.Begin; e < g.End; e++) {
            const uint32_t song = d.EntrySong[e];
            if (seen_in[song] != gi) {
                seen_in[song] = gi;
                held_by[song] = e;
                continue;
            }
            if (removed.empty()) removed.assign(d.EntryCount(), 0);
            removed[e] = 1;
            if (count++ < kListed)
                notes->push_back(d.Sources[g.Source].Key + " " + d.Periods[g.Period].Label + ": \"" + std::string(d.SongTitle(song)) + "\" by " +
                                 std::string(d.SongArtist(song)) + " is listed at " + RankText(d.EntryRank[held_by[song]]) + " and " +
                                 RankText(d.EntryRank[e]) + " (two releases or spellings of one song); the better rank counts, the other was left out.");
        }
    }
    if (!count) return 0;
    if (count > kListed)
        notes->push_back(std::to_string(count) + " entries in all repeat a song already listed on the same chart in the same period; the first " +
                         std::to_string(kListed) + " are noted above.");
    RemoveEntries(d, removed);
    return count;
}

std::string LoadNotice(const LoadReport& report)
{
    std::string out;
    if (report.RowsRejected) {
        out += std::to_string(report.RowsRejected) + (report.RowsRejected == 1 ? " row" : " rows") + " could not be read";
        if (!report.Rejected.empty()) {
            Error shown = report.Rejected.front();
            shown.File = shown.File.substr(shown.File.find_last_of("/\\") + 1);  // the file's name, not the manifest's relative path
            std::string first = shown.ToString();
            if (!first.empty() && first.back() == '.') first.pop_back();  // the sentence goes on after the parenthesis
            out += " (first: " + first + ")";
        }
        out += ". ";
    }
    for (const std::string& n : report.Notes) out += n + (n.empty() || n.back() == '.' ? " " : ". ");
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

} // namespace chartmix
