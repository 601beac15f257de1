#include "core/session/ranking_export.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include "core/base/json.h"
#include "core/base/number_format.h"
#include "core/data/csv_writer.h"
#include "core/rank/mix_json.h"

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
    std::string out;
    JsonWriter w(&out);
    w.StartObject();
    w.String("period", d.Periods[ranking.Period].Label);
    w.Key("mix");
    w.Raw(SerializeMix(engine.CurrentMix()));
    w.Bool("simulated", d.Simulated);
    w.Number("ranked", ranking.Ranked);
    w.Key("sources");
    w.StartArray();
    for (uint32_t s : sources) w.String(d.Sources[s].Key);
    w.EndArray();
    w.Key("entries");
    w.StartArray();
    for (size_t i = 0; i < ranking.Songs.size(); i++) {
        uint32_t song = ranking.Songs[i];
        w.StartObject();
        w.Number("rank", (double)(i + 1));
        w.Number("song", song);
        w.String("title", d.SongTitle(song));
        w.String("artist", d.SongArtist(song));
        w.Number("score", ranking.Scores[i]);
        w.String("scoreText", FormatScore(ranking.Scores[i]));
        w.Key("contributions");
        w.StartObject();
        for (uint32_t s : sources) w.Number(d.Sources[s].Key, contrib[i * stride + s]);
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
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
        AppendNumber(out, (double)(i + 1), NumberDigits::Ten);
        out += ',';
        AppendNumber(out, song, NumberDigits::Ten);
        out += ',';
        AppendCsvTextCell(out, d.SongTitle(song));
        out += ',';
        AppendCsvTextCell(out, d.SongArtist(song));
        out += ',';
        AppendNumber(out, ranking.Scores[i], NumberDigits::Ten);
        for (uint32_t s : sources) {
            out += ',';
            AppendNumber(out, contrib[i * stride + s], NumberDigits::Ten);
        }
        out += '\n';
    }
    return out;
}

} // namespace chartmix
