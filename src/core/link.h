// A link or storage class with its datasheet bandwidth: PCIe Gen5 x16, NVLink4, FSx, ...
#pragma once

#include <map>
#include <string>

#include "core/citation.h"
#include "core/input_error.h"

namespace plainsight {

struct Link : Cited {
  std::string id;
  std::string name;
  std::string medium;
  double bandwidth_Bps = 0;                       // per direction; 0 when it scales with capacity
  double bandwidth_per_TiB_Bps = 0;               // storage whose throughput scales with capacity
  std::map<std::string, std::string> attributes;  // "encryption" -> "sse_kms"
  std::string note;
  SourceLocation where;
};

}  // namespace plainsight
