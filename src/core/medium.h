// A kind of place bytes sit or pass: object store, PCIe, HBM, ...
#pragma once

#include <string>

#include "core/input_error.h"

namespace plainsight {

struct Medium {
  std::string id;
  std::string name;
  std::string kind;  // storage | cache | memory | link
  std::string description;
  SourceLocation where;
};

}  // namespace plainsight
