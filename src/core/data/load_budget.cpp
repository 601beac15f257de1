#include "core/data/load_budget.h"

#include <cstring>

#include "core/data/encoding.h"

namespace chartmix {

static bool EndsWithJson(std::string_view name)
{
    if (name.size() < 5) return false;
    std::string_view ext = name.substr(name.size() - 5);
    return (ext[0] == '.') && (ext[1] | 0x20) == 'j' && (ext[2] | 0x20) == 's' && (ext[3] | 0x20) == 'o' && (ext[4] | 0x20) == 'n';
}

size_t EstimateLoadGrowth(std::string_view name, std::string_view bytes)
{
    size_t rows = 0;
    if (EndsWithJson(name)) rows = bytes.size() / kJsonBytesPerRow;
    else {
        for (const char* p = bytes.data(), *end = p + bytes.size(); (p = (const char*)std::memchr(p, '\n', (size_t)(end - p))) != nullptr; p++) rows++;
        rows++;  // a last line without its line end
    }
    size_t decoded = FindInvalidUtf8(bytes) == std::string_view::npos ? 0 : bytes.size() + bytes.size() / 2;
    return decoded + rows * kLoadBytesPerRow;
}

} // namespace chartmix
