#include "load/duplicate_id.h"

#include <fmt/format.h>

#include "core/printable.h"

namespace plainsight {

void throw_duplicate_id(std::string_view kind, const std::string& id, const IdAt& first,
                        const IdAt& second) {
  auto by_override = [](const SourceLocation& at) { return at.line <= 0; };
  if (by_override(first.id) && !by_override(second.id))
    throw InputError(first.id, fmt::format("duplicate {} id '{}' (also at line {})", kind, echo(id),
                                           second.line));
  throw InputError(second.id, fmt::format("duplicate {} id '{}' (first at line {})", kind, echo(id),
                                          first.line));
}

}  // namespace plainsight
