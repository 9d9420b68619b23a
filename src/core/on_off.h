// The one reading of a switch in scenario text, --set values, controls, offerings, the
// probe map and the command line: on/off, true/false, yes/no (YAML 1.1 editors write the
// last). The scenario schema offers the same words.
#pragma once

#include <array>
#include <string_view>

namespace plainsight {

inline constexpr std::array<std::string_view, 3> kOnWords{"on", "true", "yes"};
inline constexpr std::array<std::string_view, 3> kOffWords{"off", "false", "no"};

inline bool parse_on_off(std::string_view v, bool* out) {
  for (std::string_view w : kOnWords)
    if (v == w) return *out = true, true;
  for (std::string_view w : kOffWords)
    if (v == w) return *out = false, true;
  return false;
}

}  // namespace plainsight
