#include "report/window_table.h"

#include <numeric>
#include <string_view>

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
  return {name_phrase(w),
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

std::string totals_line(const Analysis& a) {
  if (!has_replicas(a.windows)) return "";
  const WindowTotals& t = a.totals;
  return fmt::format(
      "Totals: {} windows stand for {} stages; {} of them hold plaintext at some time ({} a full "
      "copy of the weights), {} together; plaintext time summed over them {}; {} events.",
      format_count(static_cast<double>(t.windows)), format_count(static_cast<double>(t.stages)),
      format_count(static_cast<double>(t.plaintext_stages)),
      format_count(static_cast<double>(t.plaintext_copies)), format_bytes(t.plaintext_bytes),
      format_duration(t.plaintext_total_s), format_count(t.events));
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

std::string cell_code(const Cell& c) {
  std::string_view base = ".";  // out of reach, or keys only
  switch (c.access) {
    case Access::plaintext:
      base = c.reduced ? "P*" : "P";
      break;
    case Access::patterns:
      base = "p";
      break;
    case Access::ciphertext:
      base = "C";
      break;
    case Access::metadata:
      base = "M";
      break;
    case Access::unreachable:
    case Access::keys:
      break;
  }
  if (!c.extracts) return std::string(base);
  return base == "." ? "K" : std::string(base) + "+K";
}

std::string cell_code(const Analysis& a, std::size_t window, std::size_t k) {
  const Cell& cell = a.windows[window].cells[k];
  std::string code = cell_code(cell);
  const FullCopyRoute* r = a.threat.computed ? a.threat.route(window, k) : nullptr;
  if (!r) return code;
  if (r->released_key && cell.access != Access::plaintext) code = cell.extracts ? "R+K" : "R";
  return r->deciding ? code + "!" : code;
}

std::string cell_phrase(const Analysis& a, std::size_t window, std::size_t k) {
  const Cell& cell = a.windows[window].cells[k];
  std::string phrase = cell_phrase(cell);
  const FullCopyRoute* r = a.threat.computed ? a.threat.route(window, k) : nullptr;
  if (!r) return phrase;
  if (r->released_key && cell.access != Access::plaintext)
    phrase = cell.extracts ? "read through a released key + key" : "read through a released key";
  return r->deciding ? phrase + " (decides the verdict)" : phrase;
}

std::string cell_code_legend() {
  return "P plaintext, P* plaintext after an extra step (reduced, not closed), R read through a "
         "released key, p patterns, C ciphertext, M metadata, K a key, . out of reach; ! decides "
         "the verdict";
}

TextTable compact_matrix_table(const Analysis& a) {
  TextTable t;
  t.header = {"Stage"};
  for (std::size_t k = 1; k <= a.catalog->capabilities.size(); ++k)
    t.header.push_back(std::to_string(k));
  for (std::size_t i : table_order(a)) {
    std::vector<std::string> row{name_phrase(a.windows[i])};
    for (std::size_t k = 0; k < a.windows[i].cells.size(); ++k) row.push_back(cell_code(a, i, k));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::vector<std::string> exposure_matrix_row(const Analysis& a, std::size_t i) {
  std::vector<std::string> row{name_phrase(a.windows[i])};
  for (std::size_t k = 0; k < a.windows[i].cells.size(); ++k) row.push_back(cell_phrase(a, i, k));
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
  for (std::size_t i : table_order(a)) t.rows.push_back(exposure_matrix_row(a, i));
  return t;
}

}  // namespace plainsight
