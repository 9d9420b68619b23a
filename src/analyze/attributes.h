// The facts protection rules match on, for one stage under one platform: derived from the
// platform's catalog options, the place, the stage's link and the stage itself.
#pragma once

#include <map>
#include <string>

#include "core/catalog.h"
#include "core/conditions.h"
#include "core/scenario.h"

namespace plainsight {

// `place`: the stage's place (its attributes: place.kind, place.operator, ...; the platform is
// the place's as the variant has it).
Attributes stage_attributes(const Catalog& catalog, const Platform& platform, const Place& place,
                            const Stage& stage);

}  // namespace plainsight
