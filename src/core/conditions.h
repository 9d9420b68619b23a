// Conditions on platform and stage attributes: what protection rules, CC costs, probe rules
// and platform refusals match on. Data, never product names in code.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace plainsight {

// The facts conditions match on: "confidential_mode" -> "on", "gpu.cc_pcie" -> "bounce_buffer".
using Attributes = std::map<std::string, std::string>;
// attribute -> accepted values; every condition must hold.
using Conditions = std::map<std::string, std::vector<std::string>>;

inline bool conditions_hold(const Conditions& when, const Attributes& attributes) {
  for (const auto& [key, accepted] : when) {
    auto it = attributes.find(key);
    if (it == attributes.end()) return false;
    if (std::find(accepted.begin(), accepted.end(), it->second) == accepted.end()) return false;
  }
  return true;
}

}  // namespace plainsight
