// A control a defender can apply. Its effect is not typed: it is a set of scenario
// overrides (the same as --set), and the analyzer derives what it closes by re-analysis.
#pragma once

#include <map>
#include <string>

#include "core/input_error.h"

namespace plainsight {

struct Control {
  std::string id;
  std::string name;
  std::string description;
  double cost = 0;  // relative cost units, documented in model/controls.yaml
  std::map<std::string, std::string> sets;  // scenario key -> value
  std::string source;
  SourceLocation where;
};

}  // namespace plainsight
