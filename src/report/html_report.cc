// HTML: one self-contained page (no scripts, no external assets) with the same tables.
#include <fmt/format.h>

#include "core/quantity.h"
#include "report/cost_section.h"
#include "report/figure_phrase.h"
#include "report/phrases.h"
#include "report/render.h"
#include "report/window_notes.h"
#include "report/window_table.h"

namespace plainsight {
namespace {

std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void table_head(std::ostream& out, const std::vector<std::string>& header) {
  out << "<table>\n<thead><tr>";
  for (const auto& h : header) out << "<th>" << esc(h) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
}

void table_row(std::ostream& out, const std::vector<std::string>& cells, const char* cls) {
  out << "<tr";
  if (cls) out << " class=\"" << cls << "\"";
  out << ">";
  for (const auto& c : cells) out << "<td>" << esc(c) << "</td>";
  out << "</tr>\n";
}

void table_foot(std::ostream& out) { out << "</tbody>\n</table>\n"; }

}  // namespace

void render_html(std::ostream& out, const Analysis& a) {
  const Scenario& s = a.scenario;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
      << esc(s.name)
      << " - plainsight</title>\n<style>\nbody{font-family:sans-serif;margin:2em;}"
         "table{border-collapse:collapse;margin:1em 0;}td,th{border:1px solid #999;padding:4px "
         "8px;text-align:left;vertical-align:top;}tr.open td:first-child{border-left:6px solid "
         "#c0392b;}tr.closed td:first-child{border-left:6px solid #27ae60;}\n</style>\n</head>\n"
         "<body>\n";
  out << "<h1>" << esc(s.name) << "</h1>\n";
  if (!s.description.empty()) out << "<p>" << esc(s.description) << "</p>\n";
  out << fmt::format("<p>Asset: {} ({} weights, {} checkpoint). Horizon: {}.</p>\n",
                     esc(s.asset.name), format_bytes(s.asset.weights_bytes()),
                     format_bytes(s.asset.checkpoint_bytes()), format_duration(s.horizon_s));
  for (const auto& o : a.overrides) out << "<p>Override: <code>" << esc(o) << "</code></p>\n";
  // Row by row: HTML needs no column widths, so neither table is held whole.
  out << "<h2>Plaintext windows</h2>\n";
  table_head(out, window_table_header());
  for (std::size_t i : table_order(a))
    table_row(out, window_table_row(a, i),
              a.windows[i].plaintext_readers().empty() ? "closed" : "open");
  table_foot(out);
  bool any_notes = false;
  for (std::size_t i : table_order(a)) {
    const std::vector<std::string> notes = window_notes(a, i);
    if (notes.empty()) continue;
    if (!any_notes) out << "<h2>Notes</h2>\n";
    any_notes = true;
    out << "<h3>" << esc(a.windows[i].name) << "</h3>\n<ul>\n";
    for (const std::string& n : notes) out << "<li>" << esc(n) << "</li>\n";
    out << "</ul>\n";
  }
  out << "<h2>Where each window's duration comes from</h2>\n<ul>\n";
  for (std::size_t i : table_order(a))
    out << "<li><b>" << esc(a.windows[i].name)
        << "</b>: " << esc(provenance_phrase(*a.catalog, a.windows[i].per_event)) << "</li>\n";
  out << "</ul>\n";
  for (const std::string& line : cost_lines(a)) out << "<p>" << esc(line) << "</p>\n";
  out << "<h2>Exposure matrix</h2>\n";
  table_head(out, exposure_matrix_header(a));
  for (std::size_t i : table_order(a)) table_row(out, exposure_matrix_row(a.windows[i]), nullptr);
  table_foot(out);
  for (const auto& w : a.warnings) out << "<p><b>warning:</b> " << esc(w) << "</p>\n";
  out << "<p>Units: GB = 1e9 bytes.</p>\n</body>\n</html>\n";
}

}  // namespace plainsight
