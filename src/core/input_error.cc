#include "core/input_error.h"

#include <fmt/format.h>

#include "core/printable.h"

namespace plainsight {

std::string SourceLocation::str() const {
  // A file name or a --set text can carry anything; a message prints it escaped.
  const std::string f = capped_message(printable(file));
  if (line <= 0) return f;
  if (column <= 0) return fmt::format("{}:{}", f, line);
  return fmt::format("{}:{}:{}", f, line, column);
}

// Every message passes here: input quoted in it is escaped (ESC, NUL, a newline or a
// zero-width space would otherwise act on the terminal or hide) and its length capped.
InputError::InputError(SourceLocation where, const std::string& message)
    : std::runtime_error(
          fmt::format("{}: error: {}", where.str(), capped_message(printable(message)))),
      where_(std::move(where)),
      message_(capped_message(printable(message))) {}

}  // namespace plainsight
