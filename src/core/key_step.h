// What an actor does with a key it extracted (model/attack_steps.yaml): with a chip's
// attestation key it forges an attestation report, and a key-release service that trusts
// attestation hands it the weights' key. The step opens every window whose bytes are
// encrypted under such a custody to the capabilities that reach their ciphertext.
#pragma once

#include <string>

#include "core/citation.h"
#include "core/input_error.h"
#include "core/ttc.h"

namespace plainsight {

struct KeyStep : Cited {
  std::string id;
  std::string name;
  std::string uses;      // the key kind it needs (a protection rule's `extracts` key)
  std::string releases;  // key custodies with this `key_release` hand out their key
  Ttc ttc;
  Citation ttc_source;
  SourceLocation where;
};

}  // namespace plainsight
