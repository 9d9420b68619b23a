#include "report/palette.h"

namespace plainsight {

// ColorBrewer RdBu-derived, ordered by lightness: in greyscale plaintext prints darkest.
Swatch state_swatch(State s) {
  switch (s) {
    case State::plaintext:
      return {"#b2182b", "#ffffff", "plaintext"};
    case State::ciphertext_then_plaintext:
      return {"#ef8a62", "#000000", "encrypted blob, decrypted here per event"};
    case State::deterministic_ciphertext:
      return {"#fddbc7", "#000000", "deterministic ciphertext (patterns leak)"};
    case State::metadata_only:
      return {"#f7f7f7", "#000000", "metadata only"};
    case State::ciphertext:
      return {"#d1e5f0", "#000000", "ciphertext"};
  }
  return {"#ffffff", "#000000", ""};
}

Swatch access_swatch(Access a) {
  switch (a) {
    case Access::plaintext:
      return {"#b2182b", "#ffffff", "plaintext: reads the bytes"};
    case Access::patterns:
      return {"#ef8a62", "#000000", "patterns, not the bytes"};
    case Access::metadata:
      return {"#fddbc7", "#000000", "metadata: sizes, endpoints, timing, names"};
    case Access::ciphertext:
      return {"#d1e5f0", "#000000", "ciphertext"};
    case Access::unreachable:
    case Access::keys:
      return {"#ffffff", "#000000", "out of reach"};
  }
  return {"#ffffff", "#000000", ""};
}

Swatch key_swatch() { return {"#ffffff", "#000000", "a key, not the bytes"}; }

std::vector<State> legend_states() {
  return {State::plaintext, State::ciphertext_then_plaintext, State::deterministic_ciphertext,
          State::ciphertext, State::metadata_only};
}

std::vector<Access> legend_accesses() {
  return {Access::plaintext, Access::patterns, Access::metadata, Access::ciphertext,
          Access::unreachable};
}

}  // namespace plainsight
