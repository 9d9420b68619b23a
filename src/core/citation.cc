#include "core/citation.h"

#include <array>

namespace plainsight {
namespace {
constexpr std::array<std::string_view, 5> kNames{"shipping", "announced", "claimed", "research",
                                                 "assumed"};
}

std::string_view to_string(Status s) { return kNames[static_cast<int>(s)]; }

bool parse_status(std::string_view text, Status* out) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == text) {
      *out = static_cast<Status>(i);
      return true;
    }
  return false;
}

}  // namespace plainsight
