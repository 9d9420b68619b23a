// A choice a platform makes from the catalog: a GPU generation, a CPU TEE, a key custody.
// Its attributes are what protection rules match on, so no C++ names a product.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/citation.h"
#include "core/input_error.h"

namespace plainsight {

struct PlatformOption : Cited {
  std::string id;                                 // "h100"
  std::string name;                               // "NVIDIA H100"
  std::map<std::string, std::string> attributes;  // "cc_pcie" -> "bounce_buffer"
  std::vector<std::string> key_readers;           // key custody only: capabilities that can decrypt
  // Key custody only: how the key is handed to the workload. "attestation": to whoever
  // presents a valid attestation report (a forged one included); "" otherwise.
  std::string key_release;
  std::map<std::string, CitedFigure> figures;  // gpu only: "hbm_capacity" in bytes
  SourceLocation where;
};

}  // namespace plainsight
