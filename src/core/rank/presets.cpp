#include "core/rank/presets.h"

#include <cassert>
#include <cstdio>

#include "core/base/json.h"
#include "core/rank/mix_json.h"

namespace chartmix {

const char* HonestyName(Honesty h)
{
    switch (h) {
    case Honesty::Official: return "official";
    case Honesty::Press: return "press";
    default: return "estimate";
    }
}

static Result<std::vector<Preset>> ParsePresets()
{
    Result<rapidjson::Document> doc = ParseJson(PresetsJsonText(), "assets/presets.json");
    if (!doc) return doc.Err();
    std::vector<Preset> out;
    const rapidjson::Value& list = (*doc)["presets"];
    for (rapidjson::SizeType i = 0; i < list.Size(); i++) {
        const rapidjson::Value& v = list[i];
        Preset p;
        p.Name = v["name"].GetString();
        p.Title = v["title"].GetString();
        p.Description = v["description"].GetString();
        p.WeightsPublished = v["weights_published"].GetBool();
        Result<Mix> m = ParseMixValue(v["mix"], "presets." + p.Name + ".mix.");
        if (!m) return m.Err();
        p.Mix_ = m.Take();
        const rapidjson::Value& numbers = v["numbers"];
        for (rapidjson::SizeType k = 0; k < numbers.Size(); k++) {
            const rapidjson::Value& n = numbers[k];
            PresetNumber num;
            num.Field = n["field"].GetString();
            num.Value = n["value"].GetDouble();
            std::string label = n["label"].GetString();
            if (label == "official") num.Label = Honesty::Official;
            else if (label == "press") num.Label = Honesty::Press;
            else if (label == "estimate") num.Label = Honesty::Estimate;
            else return MakeFieldError("presets." + p.Name + ".numbers", "unknown label " + label);
            num.Citation = n["citation"].GetString();
            p.Numbers.push_back(std::move(num));
        }
        out.push_back(std::move(p));
    }
    return out;
}

const std::vector<Preset>& Presets()
{
    static const std::vector<Preset> presets = [] {
        Result<std::vector<Preset>> r = ParsePresets();
        if (!r) {
            std::fprintf(stderr, "chartmix: built-in presets are broken: %s %s\n", r.Err().Field.c_str(), r.Err().Message.c_str());
            assert(false);
            return std::vector<Preset>();
        }
        return r.Take();
    }();
    return presets;
}

const Preset* FindPreset(std::string_view name)
{
    for (const Preset& p : Presets())
        if (p.Name == name) return &p;
    return nullptr;
}

Result<Mix> MixFromTextOrPreset(std::string_view text, std::string_view file_name)
{
    size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == '{') return ParseMix(text, file_name);
    std::string_view name = text.substr(first == std::string_view::npos ? text.size() : first);
    while (!name.empty() && (name.back() == '\n' || name.back() == ' ' || name.back() == '\r')) name.remove_suffix(1);
    if (const Preset* p = FindPreset(name)) return p->Mix_;
    std::string names;
    for (const Preset& p : Presets()) names += (names.empty() ? "" : ", ") + p.Name;
    return MakeFieldError("mix", "unknown preset '" + std::string(name) + "'; presets are " + names);
}

std::string PresetsToJson()
{
    std::string out;
    JsonWriter w(&out, NumberDigits::Shortest);
    w.StartArray();
    for (const Preset& p : Presets()) {
        w.StartObject();
        w.String("name", p.Name);
        w.String("title", p.Title);
        w.String("description", p.Description);
        w.Bool("weights_published", p.WeightsPublished);
        w.Key("mix");
        w.Raw(SerializeMix(p.Mix_));
        w.Key("numbers");
        w.StartArray();
        for (const auto& n : p.Numbers) {
            w.StartObject();
            w.String("field", n.Field);
            w.Number("value", n.Value);
            w.String("label", HonestyName(n.Label));
            w.String("citation", n.Citation);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    return out;
}

} // namespace chartmix
