// One cell of the exposure matrix: what a capability gets at a stage, and what decides it.
#pragma once

#include "analyze/content.h"
#include "core/catalog.h"
#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

Cell exposure_cell(const Catalog& catalog, const Capability& capability, const Stage& stage,
                   const Content& arriving, const ProtectionRule& rule);

}  // namespace plainsight
