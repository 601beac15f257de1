#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/data/csv.h"
#include "csv_reference.h"
#include "test_support.h"

using namespace chartmix;

namespace {

std::vector<std::vector<std::string>> ReadAll(std::string text, char delimiter = ',', std::vector<Error>* errors = nullptr)
{
    CsvReader reader("t.csv", text.data(), text.size(), delimiter);
    std::vector<std::vector<std::string>> rows;
    while (reader.Next()) {
        if (reader.RecordError() && errors) errors->push_back(*reader.RecordError());
        std::vector<std::string> row;
        for (size_t i = 0; i < reader.FieldCount(); i++) row.emplace_back(reader.Field(i));
        rows.push_back(row);
    }
    return rows;
}

} // namespace

TEST_SUITE("csv") {

TEST_CASE("quoted fields keep delimiters, doubled quotes and newlines; CRLF ends records") {
    bool ok = false;
    std::string text = test::ReadFile(test::FixturePath("quoted_crlf.csv"), &ok);
    REQUIRE(ok);
    auto rows = ReadAll(text);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{ "source", "period", "rank", "title", "artist" });
    CHECK(rows[1][3] == "Say \"Hi\", again");
    CHECK(rows[2][3] == "Line one\r\nline two");
    CHECK(rows[2][4] == "The Band");
    CHECK(rows[3][4] == "Solo");  // no trailing \r
}

TEST_CASE("fields of every length read back whole, wherever they fall against the scanner's 16-byte steps") {
    // The scanner tests 16 (or 8) bytes at a time: put delimiters, quotes and newlines at every offset.
    std::string text;
    std::vector<std::vector<std::string>> expected;
    int newlines_inside = 0;
    for (int length = 0; length <= 40; length++) {
        std::vector<std::string> row;
        for (int kind = 0; kind < 3; kind++) {
            std::string value;
            for (int i = 0; i < length; i++) value += (char)('a' + (i + kind) % 26);
            if (kind == 0) {
                text += value;                       // plain
            } else {
                if (length > 2) value[(size_t)length / 2] = kind == 1 ? ',' : '\n';
                if (kind == 2 && length > 2) newlines_inside++;
                std::string quoted = "\"";
                for (char c : value) quoted += c == 'e' ? std::string("\"\"") : std::string(1, c);  // doubled quotes too
                for (char& c : value) if (c == 'e') c = '"';
                text += quoted + "\"";
            }
            text += kind < 2 ? "," : "\n";
            row.push_back(value);
        }
        expected.push_back(row);
    }
    std::vector<Error> errors;
    auto rows = ReadAll(text, ',', &errors);
    CHECK(errors.empty());
    REQUIRE(rows.size() == expected.size());
    for (size_t r = 0; r < rows.size(); r++) CHECK(rows[r] == expected[r]);
    // Line numbers still count the newlines inside quoted fields.
    CsvReader reader("t.csv", text.data(), text.size(), ',');
    int last_line = 0;
    while (reader.Next()) last_line = reader.Line();
    CHECK(last_line == (int)expected.size() + newlines_inside - 1);  // the last record starts before its own newline
}

TEST_CASE("line and column of fields count embedded newlines") {
    std::string text = "a,b\n\"x\ny\",z\nlast,row\n";
    CsvReader reader("t.csv", text.data(), text.size(), ',');
    REQUIRE(reader.Next());
    REQUIRE(reader.Next());
    CHECK(reader.Line() == 2);
    int line = 0, column = 0;
    reader.FieldPosition(1, &line, &column);
    CHECK(line == 3);
    CHECK(column == 4);
    REQUIRE(reader.Next());
    CHECK(reader.Line() == 4);
    reader.FieldPosition(1, &line, &column);
    CHECK(column == 6);
}

TEST_CASE("a quote that never closes is reported at its start, not swallowed silently") {
    std::vector<Error> errors;
    bool ok = false;
    auto rows = ReadAll(test::ReadFile(test::FixturePath("truncated_quote.csv"), &ok), ',', &errors);
    REQUIRE(ok);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].Line == 2);
    CHECK(errors[0].Column == 17);
    CHECK(errors[0].Message.find("ends inside a quoted field") != std::string::npos);
}

TEST_CASE("text after a closing quote is an error that keeps the text") {
    std::vector<Error> errors;
    auto rows = ReadAll("\"ab\"cd,e\n", ',', &errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].Column == 5);
    CHECK(rows[0][0] == "abcd");
    CHECK(rows[0][1] == "e");
}

TEST_CASE("blank lines are skipped, empty and trailing fields are kept") {
    auto rows = ReadAll("a,,c\n\n\r\nd,e,\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == std::vector<std::string>{ "a", "", "c" });
    CHECK(rows[1] == std::vector<std::string>{ "d", "e", "" });
    SUBCASE("no newline at the end") {
        auto last = ReadAll("x,y");
        REQUIRE(last.size() == 1);
        CHECK(last[0][1] == "y");
    }
    SUBCASE("a bare quote inside an unquoted field is text") {
        auto quote = ReadAll("12\" Mix,b\n");
        CHECK(quote[0][0] == "12\" Mix");
    }
}

TEST_CASE("long unquoted runs are split exactly at every delimiter position") {
    // The eight-byte scanner must find a delimiter at any offset within a word.
    for (int pad = 0; pad < 17; pad++) {
        std::string field(pad, 'x');
        auto rows = ReadAll(field + ";" + field + "y;z\n", ';');
        REQUIRE(rows.size() == 1);
        CHECK(rows[0][0] == field);
        CHECK(rows[0][1] == field + "y");
        CHECK(rows[0][2] == "z");
    }
}

TEST_CASE("random CSV reads as the byte-at-a-time reference reads it, with or without a field limit") {
    // Pieces that cross the reader's 64-byte blocks in every way: quotes, doubled quotes, CR, CRLF,
    // blank lines, empty fields, long runs. The reader takes its quote-free path for some records and
    // the general one for others; both must agree with the reference on fields, lines, columns and errors.
    const char* const kPieces[] = { "a", "bc", ",", ",", ";", ":", "|", "\"", "\"\"", "\n", "\r\n", "\r", " ", "Taylor Swift", "12\" Mix" };
    // Delimiters the sniffer picks and one it never does.
    const char kDelimiters[] = { ',', ';', ':', '|' };
    std::mt19937 random(20261123);
    for (int round = 0; round < 3000; round++) {
        std::string text;
        const int pieces = (int)(random() % 80);
        for (int k = 0; k < pieces; k++) {
            if (random() % 10 == 0) text += std::string(random() % 90, 'x');
            else text += kPieces[random() % (sizeof(kPieces) / sizeof(kPieces[0]))];
        }
        const char delimiter = kDelimiters[round % 4];
        const std::vector<test::ReferenceRecord> expected = test::ReadReferenceCsv(text, delimiter);
        for (size_t keep : { (size_t)SIZE_MAX, (size_t)1, (size_t)2, (size_t)3 }) {
            CAPTURE(text);
            CAPTURE(keep);
            std::string buffer = text;
            CsvReader reader("t.csv", buffer.data(), buffer.size(), delimiter);
            reader.KeepFields(keep);
            size_t r = 0;
            for (; reader.Next(); r++) {
                REQUIRE(r < expected.size());
                const test::ReferenceRecord& want = expected[r];
                CHECK(reader.Line() == want.Line);
                REQUIRE(reader.FieldCount() == std::min(keep, want.Fields.size()));
                for (size_t i = 0; i < reader.FieldCount(); i++) {
                    CHECK(reader.Field(i) == want.Fields[i]);
                    int line = 0, column = 0;
                    reader.FieldPosition(i, &line, &column);
                    CHECK(line == want.Positions[i].first);
                    CHECK(column == want.Positions[i].second);
                }
                REQUIRE(reader.RecordError().has_value() == want.HasError);
                if (want.HasError) {
                    CHECK(reader.RecordError()->Line == want.ErrorLine);
                    CHECK(reader.RecordError()->Column == want.ErrorColumn);
                }
            }
            CHECK(r == expected.size());
        }
    }
}

TEST_CASE("the delimiter is sniffed from the first line, outside quotes") {
    CHECK(SniffDelimiter("a;b;c\n1;2;3") == ';');
    CHECK(SniffDelimiter("a\tb\n") == '\t');
    CHECK(SniffDelimiter("\"x;y;z\",b\n") == ',');
}

}
