// Running out of memory inside the core: a load or a mix change that meets a failed allocation
// returns an Error and leaves the session's dataset and weights as they were (core/base/out_of_memory.h).
// The failure is real: this file replaces the test binary's operator new, which can be told to fail
// once, at the n-th allocation from now, and the tests walk n over every allocation of the action.
#include <doctest/doctest.h>

#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "core/rank/mix_json.h"
#include "core/session/ranking_export.h"
#include "core/session/session.h"

namespace {

long g_fail_at = -1;  // allocations left before the one that fails; -1: none fails

// Fails the n-th allocation from now (0 = the next), once, for the scope's life.
struct FailAllocation {
    explicit FailAllocation(long n) { g_fail_at = n; }
    ~FailAllocation() { g_fail_at = -1; }
};

void* Allocate(std::size_t size)
{
    if (g_fail_at == 0) { g_fail_at = -1; throw std::bad_alloc(); }
    if (g_fail_at > 0) g_fail_at--;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}

} // namespace

void* operator new(std::size_t size) { return Allocate(size); }
void* operator new[](std::size_t size) { return Allocate(size); }
// The nothrow forms too (std::stable_sort's buffer), so every new meets a matching delete.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { try { return Allocate(size); } catch (const std::bad_alloc&) { return nullptr; } }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { try { return Allocate(size); } catch (const std::bad_alloc&) { return nullptr; } }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace chartmix;

TEST_SUITE("out_of_memory") {

TEST_CASE("a load that runs out of memory at any allocation keeps the dataset and the weights") {
    Session session;
    REQUIRE(session.SetSourceWeight(1, 3.5).Ok());
    const std::string mix = SerializeMix(session.CurrentMix());
    const uint64_t generation = session.DataGeneration();
    const size_t entries = session.Data().EntryCount();
    const std::vector<InputFile> files = { InputFile{ "small.csv",
        "source,period,rank,title,artist\nmelon,2023-01-05,1,A,X\nmelon,2023-01-05,2,B,Y\ngenie,2023-01-05,1,B,Y\n" } };
    int failed = 0;
    for (long n = 0; n < 100000; n++) {
        std::string ref = "file:small.csv";  // made before the failure is armed: only the session's allocations count
        Status st = [&] { FailAllocation fail(n); return session.LoadFiles(files, LoadOptions{}, std::move(ref)); }();
        if (st) break;
        failed++;
        REQUIRE(st.Err().Message.find("chartmix ran out of memory while") == 0);
        REQUIRE(session.DataGeneration() == generation);
        REQUIRE(session.DatasetRef() == "demo");
        REQUIRE(session.Data().EntryCount() == entries);
        REQUIRE(SerializeMix(session.CurrentMix()) == mix);
        REQUIRE(!session.CurrentRanking().Songs.empty());
    }
    CHECK(failed > 20);  // the load allocates at least this often: every one of them was made to fail
    CHECK(session.DatasetRef() == "file:small.csv");
    CHECK(session.Data().EntryCount() == 3);
}

TEST_CASE("a mix or a weight that runs out of memory leaves the mix as it was") {
    Session session;
    const std::string before = SerializeMix(session.CurrentMix());
    // What the engine ranks now, recomputed (the session's own copy is cached until a change).
    auto ranked = [&] { Ranking r; REQUIRE(session.GetEngine().Rank(session.Period(), 0, &r).Ok()); return r.Scores; };
    const std::vector<double> scores = ranked();
    // A new method and a filter list: copying the mix allocates after its method is set.
    const std::string json = "{\"method\":\"borda\",\"filter\":{\"sources\":[\"*\"]}}";
    int failed = 0;
    for (long n = 0; n < 100000; n++) {
        Status st = [&] { FailAllocation fail(n); return session.SetMixJson(json); }();
        if (st) break;
        failed++;
        REQUIRE(st.Err().Message.find("chartmix ran out of memory while") == 0);
        REQUIRE(SerializeMix(session.CurrentMix()) == before);
        REQUIRE(ranked() == scores);
    }
    CHECK(failed > 0);
    CHECK(SerializeMix(session.CurrentMix()) != before);
    const std::string borda = SerializeMix(session.CurrentMix());
    for (long n = 0; n < 100000; n++) {
        Status st = [&] { FailAllocation fail(n); return session.SetSourceWeight(2, 4.0); }();
        if (st) break;
        REQUIRE(SerializeMix(session.CurrentMix()) == borda);
        REQUIRE(session.SourceWeights()[2] != 4.0);
    }
    CHECK(session.SourceWeights()[2] == 4.0);
}

}
