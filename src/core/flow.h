// A directed edge the bytes take between stages; it may encrypt or decrypt them.
#pragma once

#include <cstddef>
#include <string>

#include "core/input_error.h"

namespace plainsight {

struct Flow {
  std::string from;
  std::string to;
  // The same ends as indices into Scenario::stages, resolved once by the loader.
  std::size_t from_index = 0;
  std::size_t to_index = 0;
  bool encrypts = false;
  std::string key_custody;  // when encrypting: catalog key custody id
  std::string scheme;       // "AES-256-GCM, customer key"
  bool decrypts = false;
  SourceLocation where;
};

}  // namespace plainsight
