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

// The input error a refused platform raises (a vendor rule, or a payload that does not fit
// the GPU's memory): an InputError like any other, typed so that a sweep can record the point
// as refused instead of stopping.
class PlatformRefused : public InputError {
 public:
  using InputError::InputError;
};

}  // namespace plainsight
