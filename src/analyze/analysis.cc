#include "analyze/analysis.h"

#include <fmt/format.h>

#include "analyze/windows.h"

namespace plainsight {

Analysis analyze(const Catalog& catalog, Scenario scenario, std::vector<std::string> overrides) {
  Analysis a;
  a.catalog = &catalog;
  a.scenario = std::move(scenario);
  a.overrides = std::move(overrides);
  a.windows = compute_windows(catalog, a.scenario);
  const PlatformOption* gpu = Catalog::find(catalog.gpus, a.scenario.platform.gpu);
  if (gpu && gpu->status == "announced")
    a.warnings.push_back(
        fmt::format("{} is announced, not shipping: its protections are the "
                    "vendor's stated design, not yet measured",
                    gpu->name));
  return a;
}

}  // namespace plainsight
