// The plain-text report: the window table, notes and the unit convention.
#include <fmt/format.h>

#include "core/quantity.h"
#include "report/measurement_section.h"
#include "report/phrases.h"
#include "report/render.h"
#include "report/threat_section.h"
#include "report/window_table.h"

namespace plainsight {

std::string render_table(const Analysis& a) {
  const Scenario& s = a.scenario;
  std::string out = fmt::format("{}\n", s.name);
  out += fmt::format("asset: {} ({} weights, {} checkpoint); horizon {}\n", s.asset.name,
                     format_bytes(s.asset.weights_bytes()),
                     format_bytes(s.asset.checkpoint_bytes()), format_duration(s.horizon_s));
  for (const auto& o : a.overrides) out += "override: " + o + "\n";
  out += '\n';  // appended apart: GCC 12 warns (-Wrestrict) on "\n" + std::string&&
  out += window_table(a).plain();
  out += measurement_sections_plain(a);
  out += threat_sections_plain(a);
  out += simulation_plain(a);
  out += "\nUnits: GB = 1e9 bytes; windows are per event x events over the horizon.\n";
  for (const auto& w : a.warnings) out += "warning: " + w + "\n";
  return out;
}

std::string render_markdown(const Analysis& a) {
  const Scenario& s = a.scenario;
  std::string out = fmt::format("# {}\n\n", s.name);
  if (!s.description.empty()) out += s.description + "\n\n";
  out += fmt::format("Asset: {} ({} weights, {} checkpoint). Horizon: {}.\n\n", s.asset.name,
                     format_bytes(s.asset.weights_bytes()),
                     format_bytes(s.asset.checkpoint_bytes()), format_duration(s.horizon_s));
  for (const auto& o : a.overrides) out += "Override: `" + o + "`\n\n";
  out += "## Plaintext windows\n\n" + window_table(a).markdown();
  out += "\n## Where each window's duration comes from\n\n";
  for (const Window& w : a.windows)
    out += fmt::format("- **{}**: {}\n", w.name, provenance_phrase(w.per_event));
  out += measurement_sections_markdown(a);
  out += "\n## Exposure matrix\n\n" + exposure_matrix_table(a).markdown();
  out += threat_sections_markdown(a);
  out += simulation_markdown(a);
  out += "\nUnits: GB = 1e9 bytes.\n";
  for (const auto& w : a.warnings) out += "\n> warning: " + w + "\n";
  return out;
}

}  // namespace plainsight
