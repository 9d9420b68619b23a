// What form the bytes arrive in at each stage, propagated along the flows in topological
// order over the pipeline graph: encrypting flows make ciphertext, decrypting flows and
// decrypting stages make plaintext again.
#pragma once

#include <string>
#include <vector>

#include "core/scenario.h"

namespace plainsight {

struct Content {
  bool encrypted = false;
  std::string custody;  // key custody id when encrypted
  std::string scheme;
  bool operator==(const Content&) const = default;
};

// One entry per scenario stage, in scenario order: the content arriving there. Where flows
// disagree the weakest wins (plaintext over ciphertext).
std::vector<Content> propagate_content(const Scenario& scenario);

}  // namespace plainsight
