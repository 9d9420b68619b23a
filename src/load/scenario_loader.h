// Loads a scenario YAML, applies --set overrides, and checks it against the catalog:
// unknown keys, wrong types, missing references, absurd quantities, cycles.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/scenario.h"
#include "load/yaml_file.h"

namespace plainsight {

// A scenario with `sources:` of its own is read against the catalog with them appended, and
// carries that catalog (Scenario::own_catalog): analyse it with Scenario::catalog_or.
Scenario load_scenario(const std::filesystem::path& path, const Catalog& catalog,
                       const std::vector<std::string>& overrides = {});
Scenario read_scenario(YamlFile& file, const Catalog& catalog,
                       const std::vector<std::string>& overrides = {});

}  // namespace plainsight
