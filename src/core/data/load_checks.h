#pragma once
// Checks LoadDataset runs on the whole dataset once every row is in: what a row-by-row reader cannot
// see (a song twice in one chart once spellings are matched, ranks a chart skips, songs whose every
// row was refused), each reported in the load's notes so that nothing is changed without a word.
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/importer.h"

namespace chartmix {

// Removes the songs no entry refers to (every row of theirs was refused) and renumbers the rest in
// order, so that song counts count songs that are in the data.
void DropSongsWithoutEntries(Dataset& d);

// Notes, per chart (source), the periods whose ranked entries skip a rank below their last one
// ("melon: 2 periods skip ranks (first 2024-01-04: no #52)"). Sources rolled up from daily charts
// are left out: their ranks are means, not positions. rolled_up is indexed by source.
void NoteRankGaps(const Dataset& d, const std::vector<uint8_t>& rolled_up, std::vector<std::string>* notes);

// The rule for one song listed twice on one chart in one period (two releases or spellings that
// matching found to be one song): the better rank counts and the other entry is removed, so that
// every method, export and analysis sees the song once. Each removal is counted and the first few
// are noted with the two ranks. Returns how many entries were removed.
size_t DropRepeatedSongs(Dataset& d, std::vector<std::string>* notes);

// The sentence the app shows after a load that loaded: what was left out or refused and the notes,
// "" when the load took every row as it was.
std::string LoadNotice(const LoadReport& report);

} // namespace chartmix
