#include "core/base/result.h"

namespace chartmix {

std::string Error::ToString() const
{
    std::string out;
    if (!File.empty()) {
        out += File;
        if (Line > 0) {
            out += ":" + std::to_string(Line);
            if (Column > 0) out += ":" + std::to_string(Column);
        }
        out += ": ";
    } else if (Line > 0) {
        // Text that came from no file (an inline --mix) still says where.
        out += "line " + std::to_string(Line);
        if (Column > 0) out += ", column " + std::to_string(Column);
        out += ": ";
    }
    if (!Field.empty()) out += Field + ": ";
    out += Message;
    return out;
}

Error MakeError(std::string message)
{
    Error e;
    e.Message = std::move(message);
    return e;
}

Error MakeErrorAt(std::string file, int line, int column, std::string message)
{
    Error e;
    e.File = std::move(file);
    e.Line = line;
    e.Column = column;
    e.Message = std::move(message);
    return e;
}

Error MakeFieldError(std::string field, std::string message)
{
    Error e;
    e.Field = std::move(field);
    e.Message = std::move(message);
    return e;
}

} // namespace chartmix
