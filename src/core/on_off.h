// The one reading of a switch in scenario text, --set values, controls and offerings:
// on/off, true/false, yes/no (YAML 1.1 editors write the last).
#pragma once

#include <string_view>

namespace plainsight {

inline bool parse_on_off(std::string_view v, bool* out) {
  if (v == "on" || v == "true" || v == "yes") return *out = true, true;
  if (v == "off" || v == "false" || v == "no") return *out = false, true;
  return false;
}

}  // namespace plainsight
