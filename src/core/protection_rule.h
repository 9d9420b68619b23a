// What a medium gets under a platform. Rules are data (model/protections.yaml); the most
// specific rule whose conditions all hold decides.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/input_error.h"
#include "core/state.h"

namespace plainsight {

struct ProtectionRule {
  std::string id;
  std::string medium;
  std::string label;  // "Hopper CC: AES-GCM through a bounce buffer"
  // attribute -> accepted values; every condition must hold.
  std::map<std::string, std::vector<std::string>> when;
  State state = State::plaintext;
  std::vector<std::string> blocks;         // capabilities that see ciphertext only
  std::vector<std::string> patterns_only;  // capabilities that see deterministic ciphertext
  std::vector<std::string> key_readers;    // capabilities that decrypt through the key service
  std::string note;
  // Words the state column adds where this rule decides: "SSE-KMS" gives
  // "Encrypted (SSE-KMS)", "no accelerator TEE" gives "Plaintext (no accelerator TEE)".
  std::string qualifier;
  std::string source;
  SourceLocation where;

  std::size_t specificity() const { return when.size(); }
};

}  // namespace plainsight
