#pragma once
// Interned UTF-8 strings: each distinct string is stored once and named by a small integer id.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chartmix {

class StringPool {
public:
    StringPool();
    // Returns the id of this string, adding it when new. Id 0 is the empty string.
    uint32_t Intern(std::string_view text) { return InternBytes(text.data(), text.size()); }
    // Intern with the text as its bytes and length, which a call passes in registers (a string_view
    // goes through memory in wasm32: see DatasetBuilder::AddSongBytes).
    uint32_t InternBytes(const char* bytes, size_t size);
    // Returns the id of this string or -1 when it was never interned.
    int64_t Find(std::string_view text) const;
    std::string_view View(uint32_t id) const
    {
        return std::string_view(Bytes_.data() + Offsets_[id], Offsets_[id + 1] - Offsets_[id]);
    }
    size_t Size() const { return Offsets_.size() - 1; }
    size_t MemoryBytes() const;

private:
    std::vector<char> Bytes_;
    std::vector<uint32_t> Offsets_;  // Size() + 1 offsets into Bytes_
    // Open addressing. A slot holds the string's id + 1 (0 = empty) and 32 bits of its hash: a probe
    // reads the string's bytes only when the hashes agree, and growing never hashes a string again.
    struct Slot {
        uint32_t Hash = 0;
        uint32_t Id = 0;
    };
    std::vector<Slot> Table_;
    void Grow();
};

} // namespace chartmix
