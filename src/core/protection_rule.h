// What a medium gets under a platform. Rules are data (model/protections.yaml); the most
// specific rule whose conditions all hold decides.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/citation.h"
#include "core/conditions.h"
#include "core/input_error.h"
#include "core/state.h"
#include "core/ttc.h"

namespace plainsight {

// A protection that slows a capability down without stopping it ("reduced, not closed"):
// the capability still reads what it would, after an extra step (finding a TEE firmware
// bug) with its own time to compromise.
struct Reduction {
  std::string capability;
  Ttc ttc;
  std::string step;  // the extra step in words: "find and use a TEE firmware vulnerability"
  Citation source;
};

// A capability that obtains a key at this stage instead of (or besides) the bytes: a DRAM
// interposer extracting a CPU TEE's attestation key, a chip probed for its identity key.
struct KeyExtraction {
  std::string capability;
  std::string key;  // a key kind of model/attack_steps.yaml: "attestation"
  Citation source;
};

struct ProtectionRule : Cited {
  std::string id;
  std::string medium;
  std::string label;  // "Hopper CC: AES-GCM through a bounce buffer"
  Conditions when;
  State state = State::plaintext;
  std::vector<std::string> blocks;         // capabilities that see ciphertext only
  std::vector<std::string> patterns_only;  // capabilities that see deterministic ciphertext
  std::vector<std::string> key_readers;    // capabilities that decrypt through the key service
  std::vector<Reduction> reduced;          // capabilities slowed down, not stopped
  std::vector<KeyExtraction> extracts;     // capabilities that obtain a key here
  std::string note;
  // Words the state column adds where this rule decides: "SSE-KMS" gives
  // "Encrypted (SSE-KMS)", "without accelerator TEE" gives "Plaintext (without accelerator TEE)".
  std::string qualifier;
  SourceLocation where;

  std::size_t specificity() const { return when.size(); }
};

}  // namespace plainsight
