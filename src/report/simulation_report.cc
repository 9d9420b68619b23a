#include "report/simulation_report.h"

#include "report/measurement_section.h"
#include "report/threat_section.h"
#include "report/warning_phrase.h"

namespace plainsight {

void render_simulation(std::ostream& out, const Analysis& a, const ActorProfile& actor,
                       bool markdown) {
  out << a.scenario.name << "\nactor: " << actor.name << "\n";
  for (const std::string& set : a.overrides) out << "override: " << set << "\n";
  for (const std::string& m : measurement_lines(a)) out << "measurements: " << m << "\n";
  for (const AnalysisWarning& w : a.warnings) out << "warning: " << warning_phrase(w) << "\n";
  out << (markdown ? simulation_markdown(a) : simulation_plain(a));
}

}  // namespace plainsight
