// How `analyze`, `diff` and the tests re-analyse a scenario under a control's overrides.
#pragma once

#include <string>
#include <vector>

#include "analyze/content.h"
#include "analyze/duration_source.h"
#include "analyze/variant.h"
#include "core/catalog.h"
#include "core/scenario.h"

namespace plainsight {

// Overrides that only change the platform (what the catalog's controls set) are applied to
// `base` as loaded, sharing its stages; any other override reloads `path` with the run's own
// `sets` and then the extra ones, so it is validated as the YAML it replaces. `arriving`:
// what arrives at each stage of `base` (Analysis::arriving), or null to compute it when
// first needed. `base`, `measured` and `arriving` must outlive the returned function.
Reanalyze file_reanalysis(const Catalog& catalog, const Scenario& base, std::string path,
                          std::vector<std::string> sets, const DurationSource* measured,
                          const std::vector<Content>* arriving = nullptr);

}  // namespace plainsight
