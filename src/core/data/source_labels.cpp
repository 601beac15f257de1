#include "core/data/source_labels.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace chartmix {

static std::vector<std::string_view> Words(std::string_view text)
{
    std::vector<std::string_view> words;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') i++;
        size_t j = i;
        while (j < text.size() && text[j] != ' ') j++;
        if (j > i) words.push_back(text.substr(i, j - i));
        i = j;
    }
    return words;
}

std::vector<std::string> ShortSourceLabels(const Dataset& data)
{
    const size_t n = data.Sources.size();
    std::vector<std::vector<std::string_view>> words(n);
    for (size_t s = 0; s < n; s++) words[s] = Words(data.Sources[s].Name);
    std::vector<std::string> labels(n);
    for (size_t s = 0; s < n; s++) {
        size_t shared = 0;  // longest word prefix this name shares with another
        for (size_t o = 0; o < n; o++) {
            if (o == s) continue;
            size_t k = 0;
            while (k < words[s].size() && k < words[o].size() && words[s][k] == words[o][k]) k++;
            shared = std::max(shared, k);
        }
        if (shared < 2 || shared >= words[s].size()) { labels[s] = data.Sources[s].Name; continue; }
        std::string label(words[s][0]);
        for (size_t k = shared; k < words[s].size(); k++) label.append(" ").append(words[s][k]);
        labels[s] = std::move(label);
    }
    std::vector<uint8_t> collides(n, 0);
    for (size_t s = 0; s < n; s++) {
        collides[s] = labels[s].empty();
        for (size_t o = 0; o < n && !collides[s]; o++) collides[s] = o != s && labels[o] == labels[s];
    }
    for (size_t s = 0; s < n; s++)
        if (collides[s]) labels[s] = data.Sources[s].Name.empty() ? data.Sources[s].Key : data.Sources[s].Name;
    return labels;
}

std::vector<uint32_t> SourceDisplayOrder(const Dataset& data)
{
    std::vector<uint32_t> order(data.Sources.size());
    for (uint32_t s = 0; s < order.size(); s++) order[s] = s;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        const Source& x = data.Sources[a];
        const Source& y = data.Sources[b];
        if (x.Region != y.Region) return x.Region < y.Region;
        return (int)x.Kind < (int)y.Kind;
    });
    return order;
}

} // namespace chartmix
