#pragma once
// A hash map from 64-bit keys to small values, stored flat (open addressing, linear probing).
// The importer looks up a key per row (song, rank slot, daily rollup); std::unordered_map spent a
// heap node and a pointer chase on each, which cost more than parsing the row.
//
//   FlatMap64<uint32_t> songs;
//   auto [value, inserted] = songs.Insert(key, next_id);   // value points at the stored value
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace chartmix {

template <typename V>
class FlatMap64 {
public:
    // Inserts (key, value) when key is new. Returns the stored value and whether it was inserted.
    std::pair<V*, bool> Insert(uint64_t key, const V& value)
    {
        if ((Count_ + 1) * 2 > Slots_.size()) Grow();
        const size_t mask = Slots_.size() - 1;
        for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
            Slot& s = Slots_[i];
            if (!s.Used) {
                s.Used = true;
                s.Key = key;
                s.Value = value;
                Count_++;
                return { &s.Value, true };
            }
            if (s.Key == key) return { &s.Value, false };
        }
    }
    // The value stored for key, or nullptr.
    const V* Find(uint64_t key) const
    {
        if (Slots_.empty()) return nullptr;
        const size_t mask = Slots_.size() - 1;
        for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
            const Slot& s = Slots_[i];
            if (!s.Used) return nullptr;
            if (s.Key == key) return &s.Value;
        }
    }
    size_t Size() const { return Count_; }
    void Clear()
    {
        std::vector<Slot>().swap(Slots_);
        Count_ = 0;
    }
    // Calls f(key, value) for every entry, in table order (not insertion order).
    template <typename F>
    void ForEach(F&& f) const
    {
        for (const Slot& s : Slots_)
            if (s.Used) f(s.Key, s.Value);
    }

private:
    struct Slot {
        uint64_t Key = 0;
        V Value{};
        bool Used = false;
    };
    std::vector<Slot> Slots_;
    size_t Count_ = 0;

    // Keys are packed small integers: a multiply-xorshift spreads them over the table's low bits.
    static size_t Mix(uint64_t k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdull;
        k ^= k >> 33;
        return (size_t)k;
    }
    void Grow()
    {
        std::vector<Slot> old;
        old.swap(Slots_);
        Slots_.resize(old.empty() ? 64 : old.size() * 2);
        Count_ = 0;
        for (const Slot& s : old)
            if (s.Used) Insert(s.Key, s.Value);
    }
};

} // namespace chartmix
