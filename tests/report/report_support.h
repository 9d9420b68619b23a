// Shared by the report tests: analyses of the bundled scenarios.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "analyze/analysis.h"
#include "load/catalog_loader.h"
#include "load/scenario_loader.h"
#include "support/bundled_catalog.h"

namespace plainsight::testing {

// A bundled scenario ("aws-frontier"), or a test's own by its path under the source tree
// ("tests/data/aws-frontier-one-platform.yaml").
inline Analysis analysis_of(const std::string& name, const std::vector<std::string>& sets = {}) {
  const std::filesystem::path root = PLAINSIGHT_SOURCE_DIR_FOR_TESTS;
  auto path = name.ends_with(".yaml") ? root / name : root / "scenarios" / (name + ".yaml");
  return analyze(bundled_catalog(), load_scenario(path, bundled_catalog(), sets), sets);
}

}  // namespace plainsight::testing
