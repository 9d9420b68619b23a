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
  double bandwidth_Bps = 0;          // per direction; 0 when it scales with capacity
  double bandwidth_per_TiB_Bps = 0;  // storage whose throughput scales with capacity
  // A fabric's: what one node sends over it at most, all its ports together (a port's
  // bandwidth times the ports a GPU node carries), cited on its own; 0 when not given.
  double node_bandwidth_Bps = 0;
  Citation node_source;
  std::map<std::string, std::string> attributes;  // "encryption" -> "sse_kms"
  std::string note;
  SourceLocation where;
};

}  // namespace plainsight
