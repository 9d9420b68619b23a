// A platform combination the vendor refuses (model/platform_rules.yaml): GPU confidential
// computing without a CPU TEE, NVLink encryption on Hopper. Scenarios, --set overlays and
// `generate cluster` that make one are refused, naming the rule and its source.
#pragma once

#include <string>

#include "core/citation.h"
#include "core/conditions.h"
#include "core/input_error.h"

namespace plainsight {

struct PlatformRefusal : Cited {
  std::string id;
  Conditions when;      // platform attributes, as protection rules match them
  std::string message;  // why, in the vendor's terms
  SourceLocation where;
};

}  // namespace plainsight
