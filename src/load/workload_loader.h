// Reads a scenario's optional `workload:` section (core/workload.h, docs/measurements.md).
#pragma once

#include "core/scenario.h"
#include "load/yaml_file.h"

namespace plainsight {

// `scenario` must already hold its stages and asset: transfers name stages, and the
// payload words `weights` and `checkpoint` are sized from the asset.
Workload read_workload(const YamlFile& file, const YamlNode& node, const Scenario& scenario);

}  // namespace plainsight
