#pragma once
// Expected failures (bad file, bad weights, unknown source) travel as Result<T>: a value or an Error
// that says where (file, line, column) and what, in a sentence a user understands.
// No exceptions cross into JS, so the core never throws for bad input.
#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace chartmix {

struct Error {
    std::string File;     // file name as the user knows it ("" when not from a file)
    int Line = 0;         // 1-based; 0 = no line
    int Column = 0;       // 1-based; 0 = no column
    std::string Field;    // the field or setting at fault ("weights.melon"), "" when none
    std::string Message;  // one sentence: what is wrong and, where possible, what to try
    std::string Details;  // where to read more (a document, a section); shown apart from the message, "" when none

    // "file.csv:12:3: message", or "line 12, column 3: message" without a file (parts that are unknown are left out).
    std::string ToString() const;
};

// Builds an Error from a message alone.
Error MakeError(std::string message);
// Builds an Error at a place in a file.
Error MakeErrorAt(std::string file, int line, int column, std::string message);
// Builds an Error about one named field of a document (a mix, a manifest).
Error MakeFieldError(std::string field, std::string message);

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : Value_(std::move(value)) {}
    Result(Error error) : Error_(std::move(error)) {}

    bool Ok() const { return Value_.has_value(); }
    explicit operator bool() const { return Ok(); }
    T& operator*() { assert(Ok()); return *Value_; }
    const T& operator*() const { assert(Ok()); return *Value_; }
    T* operator->() { assert(Ok()); return &*Value_; }
    const T* operator->() const { assert(Ok()); return &*Value_; }
    const Error& Err() const { assert(!Ok()); return Error_; }
    T Take() { assert(Ok()); return std::move(*Value_); }

private:
    std::optional<T> Value_;
    Error Error_;
};

// For operations that return nothing but can fail.
struct Unit {};
using Status = Result<Unit>;
inline Status OkStatus() { return Status(Unit{}); }

} // namespace chartmix
