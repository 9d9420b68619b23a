#include "report/window_table.h"

#include <fmt/format.h>

#include "core/quantity.h"
#include "report/phrases.h"

namespace plainsight {

TextTable window_table(const Analysis& a) {
  TextTable t;
  t.header = {"Stage",  "Location",        "State",      "Protection",       "Bytes",
              "Window", "Plaintext total", "Provenance", "Plaintext readers"};
  for (const Window& w : a.windows) {
    std::string readers;
    for (const std::string& id : w.plaintext_readers()) {
      const Capability* c = a.catalog->capability(id);
      readers += (readers.empty() ? "" : ", ") + (c ? c->name : id);
    }
    if (readers.empty()) readers = "none";
    t.rows.push_back({w.name, w.location, state_phrase(w), w.protection, format_bytes(w.bytes),
                      window_phrase(w), plaintext_total_phrase(w),
                      std::string(to_string(w.per_event.provenance)), readers});
  }
  return t;
}

TextTable exposure_matrix_table(const Analysis& a) {
  TextTable t;
  t.header = {"Stage"};
  for (const Capability& c : a.catalog->capabilities) t.header.push_back(c.id);
  for (const Window& w : a.windows) {
    std::vector<std::string> row{w.stage};
    for (const Cell& c : w.cells) row.emplace_back(to_string(c.access));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace plainsight
