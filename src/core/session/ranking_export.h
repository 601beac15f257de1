#pragma once
// A composite chart as text: the JSON the JS API and the CLI print, and CSV for spreadsheets.
// Both list each song's rank, score and per-source contribution; numbers print the same bytes on
// every platform and NaN never appears (number_format.h, ten significant digits).
#include <string>

#include "core/rank/engine.h"

namespace chartmix {

// A score as the chart panel shows it: four significant digits ("10.02", "9.837"), "-" when not finite.
std::string FormatScore(double score);

// {"period":..., "mix":{canonical mix}, "ranked":n, "sources":[keys], "entries":[{"rank","song",
//  "title","artist","score","scoreText","contributions":{key: value}}]}. scoreText is FormatScore's:
//  what the screen shows, for the accessible table. Contributions list included sources.
std::string RankingToJson(Engine& engine, const Ranking& ranking);
// rank,song,title,artist,score,<one column per included source>; RFC 4180 quoting.
std::string RankingToCsv(Engine& engine, const Ranking& ranking);

} // namespace chartmix
