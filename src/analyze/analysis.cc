#include "analyze/analysis.h"

#include <algorithm>

#include <fmt/format.h>

#include "analyze/content.h"
#include "analyze/measured_durations.h"
#include "analyze/windows.h"

namespace plainsight {

std::vector<std::size_t> exposure_order(const std::vector<Window>& windows) {
  std::vector<std::size_t> order(windows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const Window& a = windows[x];
    const Window& b = windows[y];
    if (a.plaintext_coverage_s != b.plaintext_coverage_s)
      return a.plaintext_coverage_s > b.plaintext_coverage_s;
    return a.plaintext_total_s > b.plaintext_total_s;
  });
  return order;
}

Analysis analyze(const Catalog& catalog, Scenario scenario, std::vector<std::string> overrides) {
  return analyze(catalog, std::move(scenario), std::move(overrides), nullptr);
}

Analysis analyze(const Catalog& catalog, Scenario scenario, std::vector<std::string> overrides,
                 const MeasuredDurations* measured) {
  Analysis a;
  a.catalog = &catalog;
  a.scenario = std::move(scenario);
  a.overrides = std::move(overrides);
  a.arriving = propagate_content(a.scenario, &catalog);
  AnalyzeOptions options;
  options.measured = measured;
  options.arriving = &a.arriving;
  a.windows = compute_windows(catalog, a.scenario, options);
  std::vector<std::string> cost_warnings;
  a.workload = workload_cost(catalog, a.scenario, measured, &cost_warnings);
  a.transfer_cost = transfer_cost(catalog, a.scenario);
  if (measured) {
    for (const MeasurementFile& f : measured->files())
      a.measurements.push_back({f.name, f.machine.summary(), f.results.size(), f.started_at});
    a.warnings.insert(a.warnings.end(), measured->warnings().begin(), measured->warnings().end());
    for (const MeasurementFile& f : measured->files())
      if (!measured->used(f.path))
        a.warnings.push_back(
            fmt::format("{}: no result in it applies to a stage of this scenario "
                        "(model/probe_map.yaml says which probe measures which "
                        "stage)",
                        f.name));
  }
  a.warnings.insert(a.warnings.end(), cost_warnings.begin(), cost_warnings.end());
  const PlatformOption* gpu = Catalog::find(catalog.gpus, a.scenario.platform.gpu);
  if (gpu && gpu->source.status == Status::announced)
    a.warnings.push_back(
        fmt::format("{} is announced, not shipping: its protections are the "
                    "vendor's stated design, not yet measured",
                    gpu->name));
  return a;
}

}  // namespace plainsight
