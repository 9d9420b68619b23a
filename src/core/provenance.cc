#include "core/provenance.h"

#include <array>

namespace plainsight {
namespace {
constexpr std::array<std::string_view, 6> kNames{"measured",  "fitted",   "published",
                                                 "datasheet", "emulated", "assumed"};
}

std::string_view to_string(Provenance p) { return kNames[static_cast<int>(p)]; }

bool parse_provenance(std::string_view text, Provenance* out) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == text) {
      *out = static_cast<Provenance>(i);
      return true;
    }
  return false;
}

}  // namespace plainsight
