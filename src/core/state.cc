#include "core/state.h"

#include <array>

namespace plainsight {
namespace {
constexpr std::array<std::string_view, 5> kStates{"plaintext", "ciphertext",
                                                  "deterministic_ciphertext",
                                                  "ciphertext_then_plaintext", "metadata_only"};
constexpr std::array<std::string_view, 6> kAccess{"plaintext", "patterns",    "ciphertext",
                                                  "metadata",  "unreachable", "keys"};
}  // namespace

std::string_view to_string(State s) { return kStates[static_cast<int>(s)]; }
std::string_view to_string(Access a) { return kAccess[static_cast<int>(a)]; }

bool parse_state(std::string_view text, State* out) {
  for (std::size_t i = 0; i < kStates.size(); ++i)
    if (kStates[i] == text) {
      *out = static_cast<State>(i);
      return true;
    }
  return false;
}

}  // namespace plainsight
