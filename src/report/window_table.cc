#include "report/window_table.h"

#include <numeric>

#include <fmt/format.h>

#include "core/quantity.h"
#include "report/phrases.h"
#include "report/window_notes.h"

namespace plainsight {

std::vector<std::size_t> table_order(const Analysis& a) {
  if (!a.row_order.empty()) return a.row_order;
  std::vector<std::size_t> order(a.windows.size());
  std::iota(order.begin(), order.end(), 0);
  return order;
}

std::vector<std::string> window_table_header() {
  return {"Stage",  "Location",        "State",      "Protection", "Bytes",
          "Window", "Plaintext total", "Provenance", "Rests on",   "Plaintext readers"};
}

std::vector<std::string> window_table_row(const Analysis& a, std::size_t i) {
  const Window& w = a.windows[i];
  return {w.name,
          w.location,
          state_phrase(w, a.scenario.stages[i]),
          protection_phrase(w),
          format_bytes(w.bytes),
          window_phrase(w),
          plaintext_total_phrase(w),
          std::string(to_string(w.per_event.provenance)),
          rests_on_phrase(a, i),
          readers_phrase(a, w)};
}

std::vector<std::string> exposure_matrix_header(const Analysis& a) {
  std::vector<std::string> h{"Stage"};
  for (const Capability& c : a.catalog->capabilities) h.push_back(c.id);
  return h;
}

std::string cell_phrase(const Cell& c) {
  if (c.extracts)
    return c.access == Access::unreachable ? "key" : std::string(to_string(c.access)) + " + key";
  if (c.reduced && c.access == Access::plaintext) return "plaintext (reduced)";
  return std::string(to_string(c.access));
}

std::vector<std::string> exposure_matrix_row(const Window& w) {
  std::vector<std::string> row{w.stage};
  for (const Cell& c : w.cells) row.push_back(cell_phrase(c));
  return row;
}

TextTable window_table(const Analysis& a) {
  TextTable t;
  t.header = window_table_header();
  t.rows.reserve(a.windows.size());
  for (std::size_t i : table_order(a)) t.rows.push_back(window_table_row(a, i));
  return t;
}

TextTable exposure_matrix_table(const Analysis& a) {
  TextTable t;
  t.header = exposure_matrix_header(a);
  t.rows.reserve(a.windows.size());
  for (std::size_t i : table_order(a)) t.rows.push_back(exposure_matrix_row(a.windows[i]));
  return t;
}

}  // namespace plainsight
