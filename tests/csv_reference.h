#pragma once
// A byte-at-a-time reader of the CSV dialect CsvReader reads (RFC 4180, plus: blank lines skipped, a
// bare quote inside an unquoted field is text, text after a closing quote is kept and reported, CRLF
// or CR at the end is not part of a field). Slow and plain on purpose: tests and the fuzzer hold the
// mask-driven reader to it.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chartmix::test {

struct ReferenceRecord {
    int Line = 0;
    std::vector<std::string> Fields;
    std::vector<std::pair<int, int>> Positions;  // line and column where each field starts
    bool HasError = false;
    int ErrorLine = 0, ErrorColumn = 0;
};

inline std::vector<ReferenceRecord> ReadReferenceCsv(std::string_view t, char delimiter)
{
    std::vector<ReferenceRecord> records;
    const size_t n = t.size();
    size_t i = 0, line_start = 0;
    int line = 1;
    for (;;) {
        while (i < n && (t[i] == '\n' || (t[i] == '\r' && i + 1 < n && t[i + 1] == '\n'))) {
            i += t[i] == '\r' ? 2 : 1;
            line++;
            line_start = i;
        }
        if (i >= n) break;
        ReferenceRecord r;
        r.Line = line;
        auto error = [&](int l, int c) {
            if (r.HasError) return;
            r.HasError = true;
            r.ErrorLine = l;
            r.ErrorColumn = c;
        };
        for (;;) {
            const size_t start = i, start_line_begin = line_start;
            const int start_line = line;
            std::string value;
            bool ends_record = false;
            if (i < n && t[i] == '"') {
                i++;
                bool closed = false;
                while (i < n) {
                    if (t[i] == '"') {
                        if (i + 1 < n && t[i + 1] == '"') { value += '"'; i += 2; continue; }
                        i++;
                        closed = true;
                        break;
                    }
                    if (t[i] == '\n') { line++; line_start = i + 1; }
                    value += t[i++];
                }
                if (!closed) {
                    error(start_line, (int)(start - start_line_begin) + 1);
                    ends_record = true;
                } else if (i < n && t[i] != delimiter && t[i] != '\n' && !(t[i] == '\r' && (i + 1 == n || t[i + 1] == '\n'))) {
                    error(line, (int)(i - line_start) + 1);
                    while (i < n && t[i] != delimiter && t[i] != '\n') value += t[i++];
                }
            } else {
                while (i < n && t[i] != delimiter && t[i] != '\n') value += t[i++];
                if (!value.empty() && (i == n || t[i] == '\n') && value.back() == '\r') value.pop_back();
            }
            r.Fields.push_back(std::move(value));
            r.Positions.emplace_back(start_line, (int)(start - start_line_begin) + 1);
            if (ends_record || i >= n) { i = n; break; }
            if (t[i] == delimiter) {
                i++;
                if (i == n) {
                    r.Fields.emplace_back();
                    r.Positions.emplace_back(line, (int)(i - line_start) + 1);
                    break;
                }
                continue;
            }
            if (t[i] == '\r') i++;
            if (i < n && t[i] == '\n') { i++; line++; line_start = i; }
            break;
        }
        records.push_back(std::move(r));
    }
    return records;
}

} // namespace chartmix::test
