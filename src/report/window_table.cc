#include "report/window_table.h"

#include <fmt/format.h>

#include "core/quantity.h"
#include "report/phrases.h"

namespace plainsight {

std::vector<std::string> window_table_header() {
  return {"Stage",  "Location",        "State",      "Protection",       "Bytes",
          "Window", "Plaintext total", "Provenance", "Plaintext readers"};
}

std::vector<std::string> window_table_row(const Analysis& a, const Window& w) {
  std::string readers;
  for (const std::string& id : w.plaintext_readers()) {
    const Capability* c = a.catalog->capability(id);
    readers += (readers.empty() ? "" : ", ") + (c ? c->name : id);
  }
  if (readers.empty()) readers = "none";
  return {w.name,
          w.location,
          state_phrase(w),
          w.protection,
          format_bytes(w.bytes),
          window_phrase(w),
          plaintext_total_phrase(w),
          std::string(to_string(w.per_event.provenance)),
          readers};
}

std::vector<std::string> exposure_matrix_header(const Analysis& a) {
  std::vector<std::string> h{"Stage"};
  for (const Capability& c : a.catalog->capabilities) h.push_back(c.id);
  return h;
}

std::vector<std::string> exposure_matrix_row(const Window& w) {
  std::vector<std::string> row{w.stage};
  for (const Cell& c : w.cells) row.emplace_back(to_string(c.access));
  return row;
}

TextTable window_table(const Analysis& a) {
  TextTable t;
  t.header = window_table_header();
  t.rows.reserve(a.windows.size());
  for (const Window& w : a.windows) t.rows.push_back(window_table_row(a, w));
  return t;
}

TextTable exposure_matrix_table(const Analysis& a) {
  TextTable t;
  t.header = exposure_matrix_header(a);
  t.rows.reserve(a.windows.size());
  for (const Window& w : a.windows) t.rows.push_back(exposure_matrix_row(w));
  return t;
}

}  // namespace plainsight
