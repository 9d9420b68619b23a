// How `analyze`, `diff` and the tests re-analyse a scenario under a control's platforms.
#pragma once

#include <vector>

#include "analyze/content.h"
#include "analyze/duration_source.h"
#include "analyze/variant.h"
#include "core/catalog.h"
#include "core/scenario.h"

namespace plainsight {

// Re-analyses `base` as loaded, sharing its stages, with its places on other platforms.
// `arriving`: what arrives at each stage of `base` (Analysis::arriving), or null to compute it
// when first needed (it depends on the stages and flows alone). `base`, `measured` and
// `arriving` must outlive the returned function.
Reanalyze platform_reanalysis(const Catalog& catalog, const Scenario& base,
                              const DurationSource* measured,
                              const std::vector<Content>* arriving = nullptr);

}  // namespace plainsight
