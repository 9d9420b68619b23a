// A fast path for --set overrides that only change the platform (what catalog controls set):
// applied to a loaded scenario without reading its YAML again, which on a generated cluster
// of 100,000 stages costs seconds per control. Anything it is not sure of is left to the
// full reload, which validates and reports errors with their location.
#pragma once

#include <string>

#include "core/catalog.h"
#include "core/scenario.h"

namespace plainsight {

// "platform.gpu=b200": true when applied; false when the assignment is not a platform key
// this path knows or its value is not one it can accept as the loader would.
bool try_apply_platform_set(Scenario& scenario, const Catalog& catalog,
                            const std::string& assignment);
// The same on a platform alone (the stages do not change).
bool try_apply_platform_set(Platform& platform, const Catalog& catalog,
                            const std::string& assignment);

}  // namespace plainsight
