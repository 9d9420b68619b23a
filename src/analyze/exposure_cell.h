// One cell of the exposure matrix: what a capability gets at a stage, and what decides it.
#pragma once

#include "analyze/content.h"
#include "core/catalog.h"
#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

// `place`: the stage's place attributes (place_attributes), which capability scopes match.
Cell exposure_cell(const Catalog& catalog, const Capability& capability, const Stage& stage,
                   const Content& arriving, const ProtectionRule& rule, const Attributes& place);

// The scope through which a capability reaches a place (the first that holds; a capability
// with no scopes reaches every place), or null where it does not reach it.
const PlaceScope* place_scope(const Capability& capability, const Attributes& place);

}  // namespace plainsight
