#include "core/data/catalogue.h"

#include <cstdio>

#include "core/base/json.h"

namespace chartmix {

static std::string StringField(const rapidjson::Value& v, const char* name)
{
    auto it = v.FindMember(name);
    return it != v.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength()) : std::string();
}

Result<std::vector<CatalogueEntry>> ParseCatalogue(std::string_view json)
{
    Result<rapidjson::Document> parsed = ParseJson(json, "catalogue");
    if (!parsed) return parsed.Err();
    const rapidjson::Document& doc = *parsed;
    if (!doc.IsObject() || !doc.HasMember("datasets") || !doc["datasets"].IsArray())
        return MakeError("the catalogue has no \"datasets\" list.");
    std::vector<CatalogueEntry> entries;
    for (const rapidjson::Value& v : doc["datasets"].GetArray()) {
        if (!v.IsObject()) continue;
        CatalogueEntry e;
        e.Id = StringField(v, "id");
        e.Title = StringField(v, "title");
        if (e.Id.empty() || e.Title.empty()) continue;
        e.Description = StringField(v, "description");
        e.Citation = StringField(v, "citation");
        e.Licence = StringField(v, "licence");
        e.Group = StringField(v, "group");
        if (auto it = v.FindMember("sources"); it != v.MemberEnd() && it->value.IsArray())
            for (const rapidjson::Value& s : it->value.GetArray())
                if (s.IsString()) e.Sources.emplace_back(s.GetString(), s.GetStringLength());
        if (auto it = v.FindMember("periods"); it != v.MemberEnd() && it->value.IsArray() && it->value.Size() == 2 && it->value[0].IsString() &&
                                               it->value[1].IsString()) {
            e.FirstPeriod = it->value[0].GetString();
            e.LastPeriod = it->value[1].GetString();
        }
        if (auto it = v.FindMember("sizeBytes"); it != v.MemberEnd() && it->value.IsNumber() && it->value.GetDouble() >= 0)
            e.SizeBytes = it->value.GetDouble();
        entries.push_back(std::move(e));
    }
    return entries;
}

std::string CatalogueCredit(const CatalogueEntry& entry)
{
    if (entry.Citation.empty() || entry.Licence.empty()) return entry.Citation + entry.Licence;
    return entry.Citation + ". " + entry.Licence;
}

std::string FormatByteSize(double bytes)
{
    char buf[32];
    if (bytes >= 1e6) std::snprintf(buf, sizeof(buf), "%.1f MB", bytes / 1e6);
    else if (bytes >= 1e3) std::snprintf(buf, sizeof(buf), "%.0f kB", bytes / 1e3);
    else std::snprintf(buf, sizeof(buf), "%.0f bytes", bytes);
    return buf;
}

} // namespace chartmix
