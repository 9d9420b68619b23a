// A choice a platform makes from the catalog: a GPU generation, a CPU TEE, a key custody.
// Its attributes are what protection rules match on, so no C++ names a product.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/input_error.h"

namespace plainsight {

struct PlatformOption {
  std::string id;                                 // "h100"
  std::string name;                               // "NVIDIA H100"
  std::string status;                             // shipping | announced
  std::map<std::string, std::string> attributes;  // "cc_pcie" -> "bounce_buffer"
  std::vector<std::string> key_readers;           // key custody only: capabilities that can decrypt
  std::string source;
  SourceLocation where;
};

}  // namespace plainsight
