// Everything one `analyze` run produces; reports render it.
#pragma once

#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

struct Analysis {
  const Catalog* catalog = nullptr;
  Scenario scenario;
  std::vector<std::string> overrides;  // --set assignments applied
  std::vector<Window> windows;
  std::vector<std::string> warnings;
};

// Loads nothing: runs the window computation on a loaded scenario.
Analysis analyze(const Catalog& catalog, Scenario scenario,
                 std::vector<std::string> overrides = {});

}  // namespace plainsight
