#include "report/citation_phrase.h"

#include <fmt/format.h>

namespace plainsight {

std::string status_phrase(const Catalog& c, const Citation& k) {
  const Source* s = c.source(k.id);
  if (k.status == Status::shipping && !k.release.empty())
    return fmt::format("shipping: {}", k.release);
  if (!s) return fmt::format("{}: {}", to_string(k.status), k.id);
  return fmt::format("{}: {}, {}", to_string(k.status), s->publisher, s->date);
}

std::string citation_phrase(const Catalog& c, const Citation& k) {
  const Source* s = c.source(k.id);
  const std::string said = k.verbatim ? "\"" + k.says + "\"" : k.says;
  return fmt::format("{}, {}: {}", s ? s->title : k.id, k.where, said);
}

std::string cited_line(const Catalog& c, const Citation& k) {
  return fmt::format("[{}] {}", status_phrase(c, k), citation_phrase(c, k));
}

}  // namespace plainsight
