// The facts protection rules match on, for one stage under one platform: derived from the
// platform's catalog options, the stage's link and the stage itself.
#pragma once

#include <map>
#include <string>

#include "core/catalog.h"
#include "core/conditions.h"
#include "core/scenario.h"

namespace plainsight {

Attributes stage_attributes(const Catalog& catalog, const Platform& platform, const Stage& stage);

}  // namespace plainsight
