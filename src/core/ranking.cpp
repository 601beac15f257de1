#include "core/ranking.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include "core/csv_writer.h"
#include "core/json.h"
#include "core/mix_json.h"

namespace chartmix {

static std::vector<uint32_t> IncludedSources(const Engine& engine)
{
    std::vector<uint32_t> list;
    for (uint32_t s = 0; s < engine.Resolved().Included.size(); s++)
        if (engine.Resolved().Included[s]) list.push_back(s);
    return list;
}

std::string FormatScore(double score)
{
    if (!std::isfinite(score)) return "-";
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.4g", score);
    return buf;
}

std::string RankingToJson(Engine& engine, const Ranking& ranking)
{
    const Dataset& d = engine.Data();
    std::vector<double> contrib;
    engine.Contributions(ranking, &contrib);
    std::vector<uint32_t> sources = IncludedSources(engine);
    const size_t stride = d.Sources.size();
    std::string out = "{\"period\":";
    AppendJsonString(out, d.Periods[ranking.Period].Label);
    out += ",\"mix\":";
    out += SerializeMix(engine.CurrentMix());
    out += ",\"simulated\":";
    out += d.Simulated ? "true" : "false";
    out += ",\"ranked\":";
    AppendJsonNumber(out, ranking.Ranked);
    out += ",\"sources\":[";
    for (size_t i = 0; i < sources.size(); i++) {
        if (i) out += ',';
        AppendJsonString(out, d.Sources[sources[i]].Key);
    }
    out += "],\"entries\":[";
    for (size_t i = 0; i < ranking.Songs.size(); i++) {
        uint32_t song = ranking.Songs[i];
        if (i) out += ',';
        out += "{\"rank\":";
        AppendJsonNumber(out, (double)(i + 1));
        out += ",\"song\":";
        AppendJsonNumber(out, song);
        out += ",\"title\":";
        AppendJsonString(out, d.SongTitle(song));
        out += ",\"artist\":";
        AppendJsonString(out, d.SongArtist(song));
        out += ",\"score\":";
        AppendJsonNumber(out, ranking.Scores[i]);
        out += ",\"scoreText\":";
        AppendJsonString(out, FormatScore(ranking.Scores[i]));
        out += ",\"contributions\":{";
        for (size_t j = 0; j < sources.size(); j++) {
            if (j) out += ',';
            AppendJsonString(out, d.Sources[sources[j]].Key);
            out += ':';
            AppendJsonNumber(out, contrib[i * stride + sources[j]]);
        }
        out += "}}";
    }
    out += "]}";
    return out;
}

std::string RankingToCsv(Engine& engine, const Ranking& ranking)
{
    const Dataset& d = engine.Data();
    std::vector<double> contrib;
    engine.Contributions(ranking, &contrib);
    std::vector<uint32_t> sources = IncludedSources(engine);
    const size_t stride = d.Sources.size();
    std::string out = "rank,song,title,artist,score";
    for (uint32_t s : sources) {
        out += ',';
        AppendCsvTextCell(out, d.Sources[s].Key);
    }
    out += '\n';
    for (size_t i = 0; i < ranking.Songs.size(); i++) {
        uint32_t song = ranking.Songs[i];
        AppendJsonNumber(out, (double)(i + 1));
        out += ',';
        AppendJsonNumber(out, song);
        out += ',';
        AppendCsvTextCell(out, d.SongTitle(song));
        out += ',';
        AppendCsvTextCell(out, d.SongArtist(song));
        out += ',';
        AppendJsonNumber(out, ranking.Scores[i]);
        for (uint32_t s : sources) {
            out += ',';
            AppendJsonNumber(out, contrib[i * stride + s]);
        }
        out += '\n';
    }
    return out;
}

} // namespace chartmix
