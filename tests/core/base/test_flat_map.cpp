#include <doctest/doctest.h>

#include <map>

#include "core/base/flat_map.h"
#include "core/base/random.h"

using namespace chartmix;

TEST_SUITE("flat_map") {

TEST_CASE("inserts once, finds what it holds, and survives growth like std::map") {
    FlatMap64<uint32_t> flat;
    std::map<uint64_t, uint32_t> reference;
    CHECK(flat.Find(0) == nullptr);
    Random rng(7);
    for (uint32_t i = 0; i < 20000; i++) {
        // Packed small ids, as the importer makes them, plus key 0 and the largest key.
        uint64_t key = i == 0 ? 0 : i == 1 ? ~0ull : (uint64_t)(rng.NextU64() % 512) << 54 | (rng.NextU64() % 3000) << 32 | (rng.NextU64() % 200);
        auto [value, inserted] = flat.Insert(key, i);
        auto [it, ref_inserted] = reference.emplace(key, i);
        REQUIRE(inserted == ref_inserted);
        CHECK(*value == it->second);
    }
    CHECK(flat.Size() == reference.size());
    for (const auto& [key, value] : reference) {
        const uint32_t* found = flat.Find(key);
        REQUIRE(found != nullptr);
        CHECK(*found == value);
    }
    size_t visited = 0;
    flat.ForEach([&](uint64_t key, uint32_t value) { visited++; CHECK(reference.at(key) == value); });
    CHECK(visited == reference.size());
    CHECK((flat.Find(12345) != nullptr) == (reference.count(12345) == 1));
    flat.Clear();
    CHECK(flat.Size() == 0);
    CHECK(flat.Find(0) == nullptr);
}

}
