#include "core/rank/mix_json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>

#include "core/base/json.h"

namespace chartmix {

namespace {

using Value = rapidjson::Value;

Status ReadString(const Value& v, const std::string& field, std::string* out)
{
    if (!v.IsString()) return MakeFieldError(field, "must be a string");
    out->assign(v.GetString(), v.GetStringLength());
    return OkStatus();
}

Status ReadInt(const Value& v, const std::string& field, int lo, int hi, int* out)
{
    if (!v.IsNumber() || !std::isfinite(v.GetDouble()) || v.GetDouble() != std::floor(v.GetDouble()) ||
        v.GetDouble() < lo || v.GetDouble() > hi)
        return MakeFieldError(field, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    *out = (int)v.GetDouble();
    return OkStatus();
}

Status ReadSettings(const Value& v, const std::string& field, bool positive, std::vector<SourceSetting>* out)
{
    if (!v.IsObject()) return MakeFieldError(field, "must be an object of source selector -> number");
    std::unordered_set<std::string> seen;  // a hostile mix may hold tens of thousands of keys: no pairwise check
    seen.reserve(v.MemberCount());
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
        std::string key(it->name.GetString(), it->name.GetStringLength());
        std::string name = field + "." + key;
        std::string why;
        if (!ValidSelector(key, &why)) return MakeFieldError(name, why);
        if (!seen.insert(key).second) return MakeFieldError(name, "appears twice");
        const Value& x = it->value;
        if (!x.IsNumber() || !std::isfinite(x.GetDouble()) || x.GetDouble() < 0.0 || (positive && x.GetDouble() == 0.0))
            return MakeFieldError(name, positive ? "must be a finite number > 0" : "must be a finite number \xE2\x89\xA5 0");
        out->push_back({ key, x.GetDouble() });
    }
    return OkStatus();
}

Status ReadStringList(const Value& v, const std::string& field, std::vector<std::string>* out)
{
    if (!v.IsArray()) return MakeFieldError(field, "must be an array of strings");
    for (rapidjson::SizeType i = 0; i < v.Size(); i++) {
        std::string s;
        if (Status st = ReadString(v[i], field + "[" + std::to_string(i) + "]", &s); !st) return st;
        out->push_back(std::move(s));
    }
    return OkStatus();
}

Status ReadPoints(const Value& v, const std::string& field, std::vector<PointsBand>* out)
{
    if (!v.IsArray() || v.Empty()) return MakeFieldError(field, "must be a non-empty array: points per rank from #1, or bands {\"first\": 1, \"last\": 10, \"points\": 50}");
    for (rapidjson::SizeType i = 0; i < v.Size(); i++) {
        std::string name = field + "[" + std::to_string(i) + "]";
        const Value& x = v[i];
        PointsBand band;
        if (x.IsNumber()) {
            band.FirstRank = band.LastRank = (int)i + 1;
            band.Points = x.GetDouble();
        } else if (x.IsObject()) {
            for (auto it = x.MemberBegin(); it != x.MemberEnd(); ++it) {
                std::string key(it->name.GetString(), it->name.GetStringLength());
                if (key == "first") { if (Status st = ReadInt(it->value, name + ".first", 1, 65535, &band.FirstRank); !st) return st; }
                else if (key == "last") { if (Status st = ReadInt(it->value, name + ".last", 1, 65535, &band.LastRank); !st) return st; }
                else if (key == "points") {
                    if (!it->value.IsNumber()) return MakeFieldError(name + ".points", "must be a finite number \xE2\x89\xA5 0");
                    band.Points = it->value.GetDouble();
                } else return MakeFieldError(name + "." + key, "unknown field; a band has first, last and points");
            }
            if (!x.HasMember("first") || !x.HasMember("last") || !x.HasMember("points"))
                return MakeFieldError(name, "a band needs first, last and points");
            if (band.LastRank < band.FirstRank) return MakeFieldError(name + ".last", "must not be below first");
        } else {
            return MakeFieldError(name, "must be a number or a band object");
        }
        if (!std::isfinite(band.Points) || band.Points < 0.0)
            return MakeFieldError(name, "points must be a finite number \xE2\x89\xA5 0");
        for (const PointsBand& b : *out)
            if (band.FirstRank <= b.LastRank && b.FirstRank <= band.LastRank)
                return MakeFieldError(name, "overlaps an earlier band");
        out->push_back(band);
    }
    std::sort(out->begin(), out->end(), [](const PointsBand& a, const PointsBand& b) { return a.FirstRank < b.FirstRank; });
    return OkStatus();
}

template <typename E>
Status ReadEnum(const Value& v, const std::string& field, bool (*parse)(std::string_view, E*), const char* choices, E* out)
{
    std::string s;
    if (Status st = ReadString(v, field, &s); !st) return st;
    if (!parse(s, out)) return MakeFieldError(field, "unknown value '" + s + "'; choose one of " + choices);
    return OkStatus();
}

} // namespace

Result<Mix> ParseMixValue(const Value& v, const std::string& p)
{
    if (!v.IsObject()) return MakeFieldError(p.empty() ? "mix" : p.substr(0, p.size() - 1), "a mix must be a JSON object");
    Mix m;
    bool missing_given = false;
    std::unordered_set<std::string> fields;  // a setting named twice would merge both ("ratios" twice: found by fuzz_mix)
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
        std::string key(it->name.GetString(), it->name.GetStringLength());
        const Value& x = it->value;
        std::string f = p + key;
        if (!fields.insert(key).second) return MakeFieldError(f, "appears twice");
        Status st = OkStatus();
        if (key == "version") {
            int version = 0;
            st = ReadInt(x, f, 1, 1, &version);
        } else if (key == "method") {
            st = ReadEnum(x, f, ParseMethod, "weighted_sum, borda, dowdall, rrf, points_table, copeland, schulze, kemeny, mc4", &m.RankMethod);
        } else if (key == "normalization") {
            st = ReadEnum(x, f, ParseNormalization, "units, min_max, z_score, share, rank_points", &m.Norm);
        } else if (key == "weights") {
            st = ReadSettings(x, f, false, &m.Weights);
        } else if (key == "ratios") {
            st = ReadSettings(x, f, true, &m.Ratios);
        } else if (key == "missing") {
            st = ReadEnum(x, f, ParseMissingPolicy, "next_rank, zero, ignore", &m.Missing);
            missing_given = true;
        } else if (key == "window") {
            if (!x.IsObject()) { st = MakeFieldError(f, "must be an object such as {\"kind\": \"rolling\", \"periods\": 4}"); }
            else {
                for (auto w = x.MemberBegin(); w != x.MemberEnd() && st; ++w) {
                    std::string wk(w->name.GetString(), w->name.GetStringLength());
                    if (wk == "kind") st = ReadEnum(w->value, f + ".kind", ParseWindowKind, "period, rolling, cumulative", &m.Window);
                    else if (wk == "periods") st = ReadInt(w->value, f + ".periods", 1, 100000, &m.WindowPeriods);
                    else st = MakeFieldError(f + "." + wk, "unknown field; a window has kind and periods");
                }
            }
        } else if (key == "cutoff") {
            st = ReadInt(x, f, 0, 65535, &m.Cutoff);
        } else if (key == "rrf_k") {
            if (!x.IsNumber() || !std::isfinite(x.GetDouble()) || x.GetDouble() < 0.0) st = MakeFieldError(f, "must be a finite number \xE2\x89\xA5 0");
            else m.RrfK = x.GetDouble();
        } else if (key == "points") {
            st = ReadPoints(x, f, &m.Points);
        } else if (key == "candidates") {
            st = ReadInt(x, f, 2, 500, &m.Candidates);
        } else if (key == "filter") {
            if (!x.IsObject()) { st = MakeFieldError(f, "must be an object with regions and/or sources"); }
            else {
                for (auto w = x.MemberBegin(); w != x.MemberEnd() && st; ++w) {
                    std::string wk(w->name.GetString(), w->name.GetStringLength());
                    if (wk == "regions") st = ReadStringList(w->value, f + ".regions", &m.FilterRegions);
                    else if (wk == "sources") {
                        st = ReadStringList(w->value, f + ".sources", &m.FilterSources);
                        for (size_t i = 0; st && i < m.FilterSources.size(); i++) {
                            std::string why;
                            if (!ValidSelector(m.FilterSources[i], &why)) st = MakeFieldError(f + ".sources[" + std::to_string(i) + "]", why);
                        }
                    } else st = MakeFieldError(f + "." + wk, "unknown field; a filter has regions and sources");
                }
            }
        } else if (key == "tie_break") {
            st = ReadEnum(x, f, ParseTieBreak, "best_rank, song_id", &m.Tie);
        } else {
            st = MakeFieldError(f, "unknown field; a mix has version, method, normalization, weights, ratios, missing, window, cutoff, rrf_k, points, candidates, filter, tie_break");
        }
        if (!st) return st.Err();
    }
    if (m.RankMethod == Method::PointsTable && m.Points.empty())
        return MakeFieldError(p + "points", "the points_table method needs a points table");
    if (m.Window == WindowKind::Rolling && !v["window"].HasMember("periods"))
        return MakeFieldError(p + "window.periods", "a rolling window needs the number of periods it spans");
    if (m.Window != WindowKind::Rolling) m.WindowPeriods = 1;
    if (!missing_given) m.Missing = DefaultMissing(m.RankMethod);
    // Weights all zero is refused here already when no selector is positive: no dataset can fix it.
    if (!m.Weights.empty()) {
        bool any = false;
        for (const SourceSetting& s : m.Weights) any |= s.Value > 0.0;
        if (!any) return MakeFieldError(p + "weights", "all weights are 0; give at least one source a positive weight");
    }
    return m;
}

Result<Mix> ParseMix(std::string_view text, std::string_view file_name)
{
    Result<rapidjson::Document> doc = ParseJson(text, file_name);
    if (!doc) return doc.Err();
    Result<Mix> m = ParseMixValue(*doc, "");
    if (!m) {
        Error e = m.Err();
        e.File = std::string(file_name);
        return e;
    }
    return m;
}

static void WriteSettings(JsonWriter& w, std::vector<SourceSetting> list)
{
    std::sort(list.begin(), list.end(), [](const SourceSetting& a, const SourceSetting& b) { return a.Selector < b.Selector; });
    w.StartObject();
    for (const SourceSetting& s : list) w.Number(s.Selector, s.Value);
    w.EndObject();
}

static void WriteStringList(JsonWriter& w, std::vector<std::string> list)
{
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    w.StartArray();
    for (const std::string& s : list) w.String(s);
    w.EndArray();
}

std::string SerializeMix(const Mix& m)
{
    std::string out;
    JsonWriter w(&out, NumberDigits::Shortest);
    w.StartObject();
    w.Number("version", 1);
    w.String("method", MethodName(m.RankMethod));
    if (m.RankMethod == Method::WeightedSum) w.String("normalization", NormalizationName(m.Norm));
    w.Key("weights");
    WriteSettings(w, m.Weights.empty() ? std::vector<SourceSetting>{ { "*", 1.0 } } : m.Weights);
    if (!m.Ratios.empty()) {
        w.Key("ratios");
        WriteSettings(w, m.Ratios);
    }
    w.String("missing", MissingPolicyName(m.Missing));
    w.Key("window");
    w.StartObject();
    w.String("kind", WindowKindName(m.Window));
    if (m.Window == WindowKind::Rolling) w.Number("periods", m.WindowPeriods);
    w.EndObject();
    if (m.Cutoff > 0) w.Number("cutoff", m.Cutoff);
    if (m.RankMethod == Method::ReciprocalRank) w.Number("rrf_k", m.RrfK);
    if (m.RankMethod == Method::PointsTable) {
        w.Key("points");
        w.StartArray();
        bool plain = true;
        for (size_t i = 0; i < m.Points.size(); i++)
            plain &= m.Points[i].FirstRank == (int)i + 1 && m.Points[i].LastRank == (int)i + 1;
        for (const auto& p : m.Points) {
            if (plain) { w.Number(p.Points); continue; }
            w.StartObject();
            w.Number("first", p.FirstRank);
            w.Number("last", p.LastRank);
            w.Number("points", p.Points);
            w.EndObject();
        }
        w.EndArray();
    }
    if (IsPairwise(m.RankMethod)) w.Number("candidates", m.Candidates);
    if (!m.FilterRegions.empty() || !m.FilterSources.empty()) {
        w.Key("filter");
        w.StartObject();
        if (!m.FilterRegions.empty()) {
            w.Key("regions");
            WriteStringList(w, m.FilterRegions);
        }
        if (!m.FilterSources.empty()) {
            w.Key("sources");
            WriteStringList(w, m.FilterSources);
        }
        w.EndObject();
    }
    w.String("tie_break", TieBreakName(m.Tie));
    w.EndObject();
    return out;
}

} // namespace chartmix
