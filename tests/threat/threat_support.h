// Helpers for the threat tests: the bundled catalog, scenarios as text, their analysis.
#pragma once

#include <filesystem>
#include <string>

#include "analyze/analysis.h"
#include "analyze/reanalysis.h"
#include "analyze/threat.h"
#include "analyze/windows.h"
#include "load/catalog_loader.h"
#include "load/scenario_loader.h"
#include "load/yaml_file.h"
#include "support/bundled_catalog.h"

namespace plainsight::testing {

inline std::string scenario_path(const std::string& name) {
  return (std::filesystem::path(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) / "scenarios" / (name + ".yaml"))
      .string();
}

inline std::string data_path(const std::string& name) {
  return (std::filesystem::path(PLAINSIGHT_TEST_DATA) / "data" / name).string();
}

// The scenario at `path` analysed with its threats; controls re-analysed from the file.
inline Analysis analyze_file(const std::string& path, const std::vector<std::string>& sets = {},
                             bool defenses = true) {
  const Catalog& c = bundled_catalog();
  Analysis a = analyze(c, load_scenario(path, c, sets), sets);
  // The analysis' catalog: the scenario's own where it cites sources of its own.
  const Catalog& ac = *a.catalog;
  Reanalyze re;
  if (defenses) re = platform_reanalysis(ac, a.scenario, nullptr, &a.arriving);
  a.threat = analyze_threats(ac, a.scenario, a.windows, {}, re);
  return a;
}

// A file under the source tree ("tests/data/aws-frontier-one-platform.yaml").
inline std::string repo_path(const std::string& relative) {
  return (std::filesystem::path(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) / relative).string();
}

// A scenario given as text (a generated cluster), analysed with its threats.
inline Analysis analyze_text(const std::string& text, bool defenses = true) {
  const Catalog& c = bundled_catalog();
  YamlFile f = YamlFile::parse(text, "scenario.yaml");
  Analysis a = analyze(c, read_scenario(f, c));
  const Catalog& ac = *a.catalog;
  Reanalyze re;
  if (defenses) re = platform_reanalysis(ac, a.scenario, nullptr, &a.arriving);
  a.threat = analyze_threats(ac, a.scenario, a.windows, {}, re);
  return a;
}

inline const ActorThreat& actor(const Analysis& a, int level) {
  for (const ActorThreat& t : a.threat.actors)
    if (t.actor.level == level) return t;
  throw std::runtime_error("no actor");
}

}  // namespace plainsight::testing
