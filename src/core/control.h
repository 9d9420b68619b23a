// A control a defender can apply. Its effect is not typed: it is a set of scenario
// overrides (the same as --set), and the analyzer derives what it closes by re-analysis.
#pragma once

#include <map>
#include <string>

#include "core/citation.h"
#include "core/input_error.h"

namespace plainsight {

struct Control : Cited {
  std::string id;
  std::string name;
  std::string description;
  double cost = 0;  // relative cost units, documented in model/controls.yaml
  std::map<std::string, std::string> sets;  // scenario key -> value
  Citation cost_source;
  SourceLocation where;
};

}  // namespace plainsight
