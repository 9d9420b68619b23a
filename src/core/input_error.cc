#include "core/input_error.h"

#include <fmt/format.h>

namespace plainsight {

std::string SourceLocation::str() const {
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

InputError::InputError(SourceLocation where, const std::string& message)
    : std::runtime_error(fmt::format("{}: error: {}", where.str(), message)),
      where_(std::move(where)),
      message_(message) {}

}  // namespace plainsight
