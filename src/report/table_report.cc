// The plain-text report: the window table, notes and the unit convention.
#include <fmt/format.h>

#include "core/quantity.h"
#include "report/escaping.h"
#include "report/figure_phrase.h"
#include "report/measurement_section.h"
#include "report/phrases.h"
#include "report/places_section.h"
#include "report/render.h"
#include "report/threat_section.h"
#include "report/warning_phrase.h"
#include "report/window_notes.h"
#include "report/window_table.h"

namespace plainsight {

void render_table(std::ostream& raw, const Analysis& a) {
  // Scenario text shows up in many sentences: every line is made visible on its way out.
  ShownStream out(raw);
  const Scenario& s = a.scenario;
  out << fmt::format("{}\n", s.name);
  out << fmt::format("asset: {} ({} weights, {} checkpoint); horizon {}\n", s.asset.name,
                     format_bytes(s.asset.weights_bytes()),
                     format_bytes(s.asset.checkpoint_bytes()), format_duration(s.horizon_s));
  for (const auto& o : a.overrides) out << "override: " << o << "\n";
  out << '\n';
  // The rows are held for their column widths, but the text is written as it goes.
  window_table(a).write_plain(out);
  if (const std::string t = totals_line(a); !t.empty()) out << '\n' << t << '\n';
  places_plain(out, a);
  notes_plain(out, a);
  out << "\nExposure matrix (" << cell_code_legend() << "):\n\n";
  compact_matrix_table(a).write_plain(out);
  const auto& caps = a.catalog->capabilities;
  for (std::size_t k = 0; k < caps.size(); ++k)
    out << fmt::format("{:>3} {} ({})\n", k + 1, caps[k].id, caps[k].name);
  measurement_sections_plain(out, a);
  threat_sections_plain(out, a);
  out << simulation_plain(a);
  out << "\nUnits: GB = 1e9 bytes; windows are per event x events over the horizon.\n";
  for (const auto& w : a.warnings) out << "warning: " << warning_phrase(w) << "\n";
}

void render_markdown(std::ostream& out, const Analysis& a) {
  const Scenario& s = a.scenario;
  out << fmt::format("# {}\n\n", md_text(s.name));
  if (!s.description.empty()) out << md_text(s.description) << "\n\n";
  out << fmt::format("Asset: {} ({} weights, {} checkpoint). Horizon: {}.\n\n",
                     md_text(s.asset.name), format_bytes(s.asset.weights_bytes()),
                     format_bytes(s.asset.checkpoint_bytes()), format_duration(s.horizon_s));
  for (const auto& o : a.overrides) out << "Override: " << md_text(o) << "\n\n";
  out << "## Plaintext windows\n\n";
  TextTable::markdown_header(out, window_table_header());
  for (std::size_t i : table_order(a)) TextTable::markdown_row(out, window_table_row(a, i));
  if (const std::string t = totals_line(a); !t.empty()) out << '\n' << t << '\n';
  places_markdown(out, a);
  notes_markdown(out, a);
  out << "\n## Where each window's duration comes from\n\n";
  for (std::size_t i : table_order(a))
    out << fmt::format("- **{}**: {}\n", md_text(name_phrase(a.windows[i])),
                       md_text(provenance_phrase(*a.catalog, a.windows[i].per_event)));
  measurement_sections_markdown(out, a);
  out << "\n## Exposure matrix\n\n";
  TextTable::markdown_header(out, exposure_matrix_header(a));
  for (std::size_t i : table_order(a))
    TextTable::markdown_row(out, exposure_matrix_row(a.windows[i]));
  threat_sections_markdown(out, a);
  out << simulation_markdown(a);
  out << "\nUnits: GB = 1e9 bytes.\n";
  for (const auto& w : a.warnings) out << "\n> warning: " << md_text(warning_phrase(w)) << "\n";
}

}  // namespace plainsight
