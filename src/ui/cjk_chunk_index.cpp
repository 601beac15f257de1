#include "ui/cjk_chunk_index.h"

#include <cstdio>

namespace chartmix::ui {

namespace {

constexpr std::string_view kMagic = "CMXCJK3\n";
constexpr unsigned kCodepoints = 0x10000;

// A cursor over the index bytes; reads past the end fail instead of reading on.
struct Reader {
    std::string_view Bytes;
    size_t Pos = 0;
    bool Ok = true;
    unsigned Uint(int width)
    {
        if (Pos + width > Bytes.size()) { Ok = false; return 0; }
        unsigned v = 0;
        for (int i = 0; i < width; i++) v |= (unsigned)(uint8_t)Bytes[Pos + i] << (8 * i);
        Pos += width;
        return v;
    }
};

struct Range {
    unsigned First = 0, Last = 0;
    unsigned Tier = 0;           // 0xFF: per code point, from Codes
    uint8_t Tiers[4] = {};       // what the 2-bit codes name
    std::string_view Codes;
};

} // namespace

std::string CjkChunkIndex::ChunkFile(int chunk)
{
    char name[32];
    std::snprintf(name, sizeof(name), "cjk/%03d.otf", chunk);
    return name;
}

bool CjkChunkIndex::Parse(std::string_view bytes)
{
    Chunk.clear();
    if (bytes.substr(0, kMagic.size()) != kMagic) return false;
    Reader in{ bytes, kMagic.size() };
    std::vector<unsigned> sizes(in.Uint(1));
    for (unsigned& s : sizes) s = in.Uint(2);
    std::vector<Range> ranges(in.Uint(1));
    for (Range& r : ranges) {
        r.First = in.Uint(3);
        r.Last = in.Uint(3);
        r.Tier = in.Uint(1);
        if (!in.Ok || r.Last < r.First || r.Last >= kCodepoints) return false;
        if (r.Tier != 0xFF) continue;
        for (uint8_t& t : r.Tiers) t = (uint8_t)in.Uint(1);
        const size_t code_bytes = (r.Last - r.First + 1 + 3) / 4;
        if (!in.Ok || in.Pos + code_bytes > bytes.size()) return false;
        r.Codes = bytes.substr(in.Pos, code_bytes);
        in.Pos += code_bytes;
    }
    // Code points moved into one tier (the app's own text), whatever their range says.
    const unsigned moved_tier = in.Uint(1);
    std::vector<unsigned> moved(in.Uint(2));
    for (unsigned& c : moved) c = in.Uint(3);
    if (!in.Ok || sizes.empty()) return false;
    std::vector<bool> is_moved(kCodepoints, false);
    for (unsigned c : moved)
        if (c < kCodepoints) is_moved[c] = true;
    // Chunks are cut tier by tier, code points ascending within a tier (cjk_chunks.plan_chunks).
    std::vector<uint16_t> chunk(kCodepoints, kNone);
    unsigned first_chunk = 0;
    for (unsigned tier = 0; tier < sizes.size(); tier++) {
        if (sizes[tier] == 0) return false;
        unsigned count = 0;
        for (const Range& r : ranges) {
            for (unsigned c = r.First; c <= r.Last; c++) {
                const unsigned k = c - r.First;
                const unsigned t = is_moved[c]     ? moved_tier
                                   : r.Tier != 0xFF ? r.Tier
                                                    : r.Tiers[((uint8_t)r.Codes[k / 4] >> (2 * (k % 4))) & 3];
                if (t != tier) continue;
                const unsigned n = first_chunk + count++ / sizes[tier];
                if (n >= kNone) return false;
                chunk[c] = (uint16_t)n;
            }
        }
        first_chunk += (count + sizes[tier] - 1) / sizes[tier];
    }
    Chunk = std::move(chunk);
    return true;
}

} // namespace chartmix::ui
