// What form the bytes arrive in at each stage, propagated along the flows in topological
// order over the pipeline graph: encrypting flows make ciphertext, decrypting flows and
// decrypting stages make plaintext again.
#pragma once

#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/scenario.h"

namespace plainsight {

struct Content {
  bool encrypted = false;
  std::string custody;  // key custody id when encrypted
  std::string scheme;
  bool operator==(const Content&) const = default;
};

// One entry per scenario stage, in scenario order: the content arriving there. Where flows
// disagree the weakest wins: plaintext over ciphertext, and between two ciphertexts the one
// whose key more capabilities can have decrypted (catalog key readers; then the custody id,
// so that the result never depends on the order of the flows).
std::vector<Content> propagate_content(const Scenario& scenario, const Catalog* catalog = nullptr);

}  // namespace plainsight
