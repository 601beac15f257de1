#include "core/string_pool.h"

#include "core/hash.h"

namespace chartmix {

StringPool::StringPool()
{
    Offsets_.push_back(0);
    Offsets_.push_back(0);  // id 0: ""
    Table_.assign(64, 0);
    Table_[Hash({}) & (Table_.size() - 1)] = 1;
}

size_t StringPool::Hash(std::string_view s) const { return (size_t)HashBytes(s); }

void StringPool::Grow()
{
    std::vector<uint32_t> table(Table_.size() * 2, 0);
    size_t mask = table.size() - 1;
    for (uint32_t id = 0; id < Size(); id++) {
        size_t i = Hash(View(id)) & mask;
        while (table[i] != 0) i = (i + 1) & mask;
        table[i] = id + 1;
    }
    Table_.swap(table);
}

int64_t StringPool::Find(std::string_view text) const
{
    size_t mask = Table_.size() - 1;
    for (size_t i = Hash(text) & mask;; i = (i + 1) & mask) {
        uint32_t slot = Table_[i];
        if (slot == 0) return -1;
        if (SameBytes(View(slot - 1), text)) return slot - 1;
    }
}

uint32_t StringPool::Intern(std::string_view text)
{
    size_t mask = Table_.size() - 1;
    size_t i = Hash(text) & mask;
    for (;; i = (i + 1) & mask) {
        uint32_t slot = Table_[i];
        if (slot == 0) break;
        if (SameBytes(View(slot - 1), text)) return slot - 1;
    }
    uint32_t id = (uint32_t)Size();
    Bytes_.insert(Bytes_.end(), text.begin(), text.end());
    Offsets_.push_back((uint32_t)Bytes_.size());
    Table_[i] = id + 1;
    if (Size() * 2 > Table_.size()) Grow();
    return id;
}

size_t StringPool::MemoryBytes() const
{
    return Bytes_.capacity() + Offsets_.capacity() * sizeof(uint32_t) + Table_.capacity() * sizeof(uint32_t);
}

} // namespace chartmix
