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
  // The scenario's platform with the group's own `platform:` keys applied; empty when the
  // group sets none (it runs on the scenario's).
  std::optional<Platform> platform;
  SourceLocation where;
};

}  // namespace plainsight
