#include "cli/threat_run.h"

#include <cctype>
#include <iostream>

#include <fmt/format.h>

#include "analyze/reanalysis.h"
#include "cli/commands.h"
#include "report/threat_phrases.h"

namespace plainsight::cli {

void run_threats(Analysis& a, const DurationSource* measured, bool defenses) {
  const Catalog& catalog = *a.catalog;
  Reanalyze reanalyze;
  if (defenses) reanalyze = platform_reanalysis(catalog, a.scenario, measured, &a.arriving);
  a.threat = analyze_threats(catalog, a.scenario, a.windows, {}, reanalyze);
}

int parse_oc_level(const std::string& option, const std::string& text) {
  std::string t;
  for (char c : text) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t.starts_with("oc")) t = t.substr(2);
  if (t.size() == 1 && t[0] >= '0' && t[0] <= '5') return t[0] - '0';
  throw InputError({option},
                   fmt::format("'{}': expected an operational-capacity level OC0..OC5", text));
}

void check_ceiling_gate(const Analysis& a, int required) {
  if (a.threat.ceiling.level >= required) return;
  std::cerr << fmt::format("plainsight: exposure ceiling {} is below the required OC{}: {}\n",
                           ceiling_label(a.threat.ceiling.level), required, ceiling_summary(a));
  throw ExitCode(1);
}

}  // namespace plainsight::cli
