// A control a defender can apply: a change of platform keys at the places it selects. Its
// effect is not typed: the analyzer derives what it closes by re-analysis. It is deployable
// at a place only where that place's offering allows the change and no platform rule
// refuses it; a key the scenario pins at a place is left as stated.
#pragma once

#include <string>
#include <vector>

#include "core/citation.h"
#include "core/conditions.h"
#include "core/input_error.h"

namespace plainsight {

// One platform key the control sets, with alternatives in order of preference: the first
// the place's offering allows and the platform rules accept (cpu_tee: [sev_snp, tdx] gives
// SEV-SNP on AMD and TDX on Intel).
struct ControlSetting {
  std::string key;                  // a platform key (load/platform_keys): cpu_tee, gpu, ...
  std::vector<std::string> values;  // normalised as the platform key table writes them
};

struct Control : Cited {
  std::string id;
  std::string name;
  std::string description;
  double cost = 0;  // relative cost units, documented in model/controls.yaml
  // The places it changes: conditions on place attributes (place.operator: [us]); none: all.
  Conditions places;
  std::vector<ControlSetting> sets;
  Citation cost_source;
  SourceLocation where;
};

}  // namespace plainsight
