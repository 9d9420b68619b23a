#include "cli/threat_run.h"

#include <cctype>
#include <iostream>

#include <fmt/format.h>

#include "analyze/windows.h"
#include "cli/commands.h"
#include "load/platform_overlay.h"
#include "load/scenario_loader.h"

namespace plainsight::cli {

void run_threats(Analysis& a, const Catalog& catalog, const std::string& path,
                 const std::vector<std::string>& sets, const DurationSource* measured,
                 bool defenses) {
  Reanalyze reanalyze;
  if (defenses)
    reanalyze = [&catalog, &a, path, sets, measured](const std::vector<std::string>& extra) {
      AnalyzeOptions o;
      o.measured = measured;
      Variant v;
      // Platform-only overrides (the catalog's controls) apply to the loaded scenario; any
      // other override reloads the file so it is validated as the YAML it replaces.
      v.scenario = a.scenario;
      bool fast = true;
      for (const std::string& e : extra)
        fast = fast && try_apply_platform_set(v.scenario, catalog, e);
      if (!fast) {
        std::vector<std::string> all = sets;
        all.insert(all.end(), extra.begin(), extra.end());
        v.scenario = load_scenario(path, catalog, all);
      }
      v.windows = compute_windows(catalog, v.scenario, o);
      return v;
    };
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
                           a.threat.ceiling.label, required, a.threat.ceiling.summary);
  throw ExitCode(1);
}

}  // namespace plainsight::cli
