// A group: a template of stages (a node with its GPUs, NVMe, NICs and links) standing for
// `count` identical replicas, analysed once (docs/scenarios.md#groups).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/input_error.h"
#include "core/platform.h"

namespace plainsight {

struct Group {
  std::string id;
  std::string name;
  std::int64_t count = 1;
  int place = -1;  // the place the group's replicas are (Scenario::places): its platform, count
  SourceLocation where;
};

}  // namespace plainsight
