#include "core/base/string_pool.h"

#include "core/base/hash.h"

namespace chartmix {

// 32 bits of the string's hash, as slots keep it.
[[gnu::always_inline]] static inline uint32_t SlotHash(std::string_view s) { return (uint32_t)HashBytes(s); }

StringPool::StringPool()
{
    Offsets_.push_back(0);
    Offsets_.push_back(0);  // id 0: ""
    Table_.resize(64);
    Table_[SlotHash({}) & (Table_.size() - 1)] = Slot{ SlotHash({}), 1 };
}

void StringPool::Grow()
{
    std::vector<Slot> table(Table_.size() * 2);
    const size_t mask = table.size() - 1;
    for (const Slot& slot : Table_) {
        if (slot.Id == 0) continue;
        size_t i = slot.Hash & mask;
        while (table[i].Id != 0) i = (i + 1) & mask;
        table[i] = slot;
    }
    Table_.swap(table);
}

int64_t StringPool::Find(std::string_view text) const
{
    const uint32_t hash = SlotHash(text);
    const size_t mask = Table_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot slot = Table_[i];
        if (slot.Id == 0) return -1;
        if (slot.Hash == hash && SameBytes(View(slot.Id - 1), text)) return slot.Id - 1;
    }
}

uint32_t StringPool::InternBytes(const char* bytes, size_t size)
{
    const std::string_view text(bytes, size);
    const uint32_t hash = SlotHash(text);
    const size_t mask = Table_.size() - 1;
    size_t i = hash & mask;
    for (;; i = (i + 1) & mask) {
        const Slot slot = Table_[i];
        if (slot.Id == 0) break;
        if (slot.Hash == hash && SameBytes(View(slot.Id - 1), text)) return slot.Id - 1;
    }
    const uint32_t id = (uint32_t)Size();
    Bytes_.insert(Bytes_.end(), text.begin(), text.end());
    Offsets_.push_back((uint32_t)Bytes_.size());
    Table_[i] = Slot{ hash, id + 1 };
    if (Size() * 2 > Table_.size()) Grow();
    return id;
}

size_t StringPool::MemoryBytes() const
{
    return Bytes_.capacity() + Offsets_.capacity() * sizeof(uint32_t) + Table_.capacity() * sizeof(Slot);
}

} // namespace chartmix
