#pragma once
// Which CJK font chunk holds a code point. The build slices Noto Sans CJK into small fonts
// (fonts/cjk/NNN.otf) and writes fonts/cjk/index.bin; tools/fonts/cjk_chunks.py describes the format
// and is the writer this reader must agree with.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chartmix::ui {

// The file under fonts/ that names the chunks.
constexpr const char* kCjkIndexFile = "cjk/index.bin";

class CjkChunkIndex {
public:
    // Reads index.bin; false (and an empty index) when the bytes are not one.
    bool Parse(std::string_view bytes);
    // The chunk holding code point c, or -1 when none does.
    int ChunkOf(unsigned c) const { return c < Chunk.size() && Chunk[c] != kNone ? Chunk[c] : -1; }
    bool Empty() const { return Chunk.empty(); }
    // The file under fonts/ of a chunk: ChunkFile(7) == "cjk/007.otf".
    static std::string ChunkFile(int chunk);

private:
    static constexpr uint16_t kNone = 0xFFFF;
    std::vector<uint16_t> Chunk;  // per code point of the basic plane (Dear ImGui's 16-bit ImWchar)
};

} // namespace chartmix::ui
