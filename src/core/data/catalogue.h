#pragma once
// The catalogue of published chart datasets (assets/catalogue.json, copied next to the app):
// what the app's "Open" dialog lists. The page fetches it and hands the core the entries it can
// open, with their addresses already resolved; the core only reads what a reader is shown.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace chartmix {

struct CatalogueEntry {
    std::string Id;                    // "billboard-hot100-2023": what a link names (catalog:<id>)
    std::string Title;
    std::string Description;
    std::vector<std::string> Sources;  // display names of its charts
    std::string FirstPeriod, LastPeriod;  // "2023-01-07", "2023-12-30" ("" when not recorded)
    double SizeBytes = 0;              // what a load downloads (0 when not recorded)
    std::string Citation;              // where the files come from
    std::string Licence;               // what the data's owners allow, in a sentence
    std::string Group;                 // heading it is listed under ("Billboard and Spotify", "K-pop", ...)
};

// Parses the catalogue document ({"datasets": [...]}). Entries without an id or a title are left
// out (they cannot be opened or named); any other field may be missing.
Result<std::vector<CatalogueEntry>> ParseCatalogue(std::string_view json);

// "Where the files come from. What the owners allow.": the credit a reader is shown (the Open
// dialog, an exported figure); "" when the entry records neither.
std::string CatalogueCredit(const CatalogueEntry& entry);

// "2.6 MB", "870 kB", "12 kB": a download size for people.
std::string FormatByteSize(double bytes);

} // namespace chartmix
