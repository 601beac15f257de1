#include <doctest/doctest.h>

#include "core/data/source_labels.h"

using namespace chartmix;

static Dataset WithNames(std::initializer_list<const char*> names)
{
    Dataset data;
    int i = 0;
    for (const char* name : names) {
        Source s;
        s.Key = "s" + std::to_string(i++);
        s.Name = name;
        data.Sources.push_back(s);
    }
    return data;
}

TEST_SUITE("source_labels") {

TEST_CASE("names that share a long prefix keep their brand and what tells them apart") {
    Dataset data = WithNames({ "Spotify Weekly Top Songs Global", "Spotify Weekly Top Songs US", "Spotify Weekly Top Songs Germany" });
    std::vector<std::string> labels = ShortSourceLabels(data);
    CHECK(labels == std::vector<std::string>{ "Spotify Global", "Spotify US", "Spotify Germany" });
}

TEST_CASE("names that share only their first word, or nothing, stay whole") {
    Dataset data = WithNames({ "Melon daily", "Melon weekly (Mon-Sun)", "Billboard Hot 100", "Spotify Weekly Top Songs US", "Spotify Weekly Top Songs Global" });
    std::vector<std::string> labels = ShortSourceLabels(data);
    CHECK(labels[0] == "Melon daily");
    CHECK(labels[1] == "Melon weekly (Mon-Sun)");
    CHECK(labels[2] == "Billboard Hot 100");
    CHECK(labels[3] == "Spotify US");
    CHECK(labels[4] == "Spotify Global");
}

TEST_CASE("a short form that would collide falls back to the full name") {
    // "A B C x" and "A B D x" both shorten to "A x".
    Dataset data = WithNames({ "A B C x", "A B C y", "A B D x", "A B D y" });
    std::vector<std::string> labels = ShortSourceLabels(data);
    for (size_t i = 0; i < labels.size(); i++)
        for (size_t j = i + 1; j < labels.size(); j++) CHECK(labels[i] != labels[j]);
    CHECK(labels[0] == "A B C x");
    CHECK(labels[3] == "A B D y");
}

TEST_CASE("a name that is all prefix stays whole") {
    Dataset data = WithNames({ "Circle Digital", "Circle Digital weekly" });
    std::vector<std::string> labels = ShortSourceLabels(data);
    CHECK(labels[0] == "Circle Digital");
    CHECK(labels[1] == "Circle weekly");
}

TEST_CASE("sources are listed by region, then kind, then in the data's order") {
    Dataset data = WithNames({ "a", "b", "c", "d", "e" });
    const char* regions[] = { "US", "KR", "US", "KR", "KR" };
    const SourceKind kinds[] = { SourceKind::Airplay, SourceKind::AudioStreams, SourceKind::PhysicalSales, SourceKind::Airplay, SourceKind::AudioStreams };
    for (size_t i = 0; i < data.Sources.size(); i++) {
        data.Sources[i].Region = regions[i];
        data.Sources[i].Kind = kinds[i];
    }
    CHECK(SourceDisplayOrder(data) == std::vector<uint32_t>{ 1, 4, 3, 2, 0 });
}

} // TEST_SUITE
