#include "analyze/analysis.h"

#include <algorithm>

#include <fmt/format.h>

#include "analyze/content.h"
#include "analyze/measured_durations.h"
#include "analyze/windows.h"

namespace plainsight {
namespace {

// Whether any figure of the analysis came from the probe file named `name` (a figure's
// source is "file: probe").
bool figures_from(const Analysis& a, const std::string& name) {
  const std::string prefix = name + ": ";
  auto from = [&](const Figure& f) { return f.source.starts_with(prefix); };
  for (const Window& w : a.windows)
    if (from(w.per_event) || (w.cc && w.cc->refused.empty() && (from(w.cc->off) || from(w.cc->on))))
      return true;
  if (a.workload)
    for (const CostLine& l : a.workload->lines)
      if (from(l.off) || from(l.on)) return true;
  return false;
}

// "stage 'id': <chain line>" for each line of a window's chain that names probe file `name`.
std::vector<std::string> chain_lines_naming(const Analysis& a, const std::string& name) {
  std::vector<std::string> out;
  const std::string in = " in " + name;
  for (const Window& w : a.windows)
    for (const std::string& c : w.per_event.considered)
      if (c.find(in) != std::string::npos) out.push_back(fmt::format("stage '{}': {}", w.stage, c));
  return out;
}

}  // namespace

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

Analysis analyze(const Catalog& given, Scenario scenario, std::vector<std::string> overrides,
                 const MeasuredDurations* measured) {
  // A scenario citing sources of its own is analysed under the catalog that holds them: its
  // windows point into it and its reports look their titles up there.
  const Catalog& catalog = scenario.catalog_or(given);
  Analysis a;
  a.catalog = &catalog;
  a.scenario = std::move(scenario);
  a.overrides = std::move(overrides);
  a.arriving = propagate_content(a.scenario, &catalog);
  DurationLog log;
  AnalyzeOptions options;
  options.measured = measured;
  options.log = &log;
  options.arriving = &a.arriving;
  a.windows = compute_windows(catalog, a.scenario, options);
  a.totals = window_totals(a.scenario, a.windows);
  std::vector<std::string> cost_warnings;
  a.workload = workload_cost(catalog, a.scenario, measured, &cost_warnings);
  a.transfer_cost = transfer_cost(catalog, a.scenario);
  if (measured) {
    for (const MeasurementFile& f : measured->files())
      a.measurements.push_back({f.name, f.machine.summary(), f.results.size(), f.started_at});
    a.measurement_warnings = std::move(log.warnings);
    for (const Window& w : a.windows)
      if (w.cc && !w.cc->refused.empty())
        a.measurement_warnings.push_back(
            fmt::format("stage '{}': the measured CC pair is refused: {}", w.stage, w.cc->refused));
    for (const MeasurementFile& f : measured->files()) {
      if (figures_from(a, f.name)) continue;
      if (!log.matched.count(f.path)) {
        a.measurement_warnings.push_back(
            fmt::format("{}: no result in it applies to a stage of this scenario "
                        "(model/probe_map.yaml says which probe measures which stage)",
                        f.name));
        continue;
      }
      // Where another file's result was used, this one's refusals are only in the chain:
      // a file that gave nothing at all says why, stage by stage.
      for (const std::string& line : chain_lines_naming(a, f.name))
        if (std::none_of(a.measurement_warnings.begin(), a.measurement_warnings.end(),
                         [&](const std::string& w) { return w.starts_with(line); }))
          a.measurement_warnings.push_back(line);
      a.measurement_warnings.push_back(
          fmt::format("{}: none of its results was used: each was refused or outranked (the "
                      "warnings above say why)",
                      f.name));
    }
    a.warnings = a.measurement_warnings;
  }
  a.warnings.insert(a.warnings.end(), cost_warnings.begin(), cost_warnings.end());
  // The GPU of each place, in place order.
  std::vector<const PlatformOption*> gpus;
  for (const Place& p : a.scenario.places)
    if (const PlatformOption* gpu = Catalog::find(catalog.gpus, p.platform.gpu);
        gpu && std::find(gpus.begin(), gpus.end(), gpu) == gpus.end())
      gpus.push_back(gpu);
  for (const PlatformOption* gpu : gpus)
    if (gpu->source.status == Status::announced)
      a.warnings.push_back(
          fmt::format("{} is announced, not shipping: its protections are the "
                      "vendor's stated design, not yet measured",
                      gpu->name));
  return a;
}

}  // namespace plainsight
