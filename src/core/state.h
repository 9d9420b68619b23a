// What the bytes look like at a stage, and what one capability gets there.
#pragma once

#include <string_view>

namespace plainsight {

// The state of the bytes held at a stage, as the plaintext-window table shows it.
enum class State {
  plaintext,
  ciphertext,
  deterministic_ciphertext,   // same data at same address, same ciphertext: patterns leak
  ciphertext_then_plaintext,  // an encrypted blob that is decrypted here, briefly, per event
  metadata_only,
};

// What a capability obtains at a stage: one cell of the exposure matrix.
enum class Access {
  plaintext,
  patterns,  // deterministic ciphertext or a side channel: patterns, not the bytes
  ciphertext,
  metadata,  // size, endpoints, timing, names
  unreachable,
  keys,  // a capability's `yields` only: it obtains keys, never the bytes (no cell has it)
};

std::string_view to_string(State s);
std::string_view to_string(Access a);
bool parse_state(std::string_view text, State* out);

}  // namespace plainsight
