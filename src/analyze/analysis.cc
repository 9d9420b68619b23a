#include "analyze/analysis.h"

#include <algorithm>

#include "analyze/content.h"
#include "analyze/measured_durations.h"
#include "analyze/windows.h"
#include "core/probe_account.h"

namespace plainsight {
namespace {

using W = AnalysisWarning::Kind;

// Whether any figure of the analysis came from the probe file named `name`.
bool figures_from(const Analysis& a, const std::string& name) {
  auto from = [&](const Figure& f) { return f.probe && f.probe->file == name; };
  for (const Window& w : a.windows)
    if (from(w.per_event) || (w.cc && !w.cc->refused && (from(w.cc->off) || from(w.cc->on))))
      return true;
  if (a.workload)
    for (const CostLine& l : a.workload->lines)
      if (from(l.off) || from(l.on)) return true;
  return false;
}

// A warning for each entry of a window's chain about probe file `name`.
std::vector<AnalysisWarning> chain_entries_naming(const Analysis& a, const std::string& name) {
  std::vector<AnalysisWarning> out;
  for (const Window& w : a.windows)
    for (const Considered& c : w.per_event.considered)
      if (c.file == name) {
        AnalysisWarning x;
        x.kind = W::not_used;
        x.stage = w.stage;
        x.entry = c;
        out.push_back(std::move(x));
      }
  return out;
}

AnalysisWarning about_file(W kind, const std::string& file) {
  AnalysisWarning x;
  x.kind = kind;
  x.file = file;
  return x;
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
  std::vector<AnalysisWarning> cost_warnings;
  a.workload = workload_cost(catalog, a.scenario, measured, &cost_warnings);
  a.transfer_cost = transfer_cost(catalog, a.scenario);
  if (measured) {
    for (const MeasurementFile& f : measured->files())
      a.measurements.push_back({f.name, f.machine, f.results.size(), f.started_at});
    a.measurement_warnings = std::move(log.warnings);
    for (const Window& w : a.windows)
      if (w.cc && w.cc->refused) {
        AnalysisWarning x;
        x.kind = W::cc_pair_refused;
        x.stage = w.stage;
        x.pair = w.cc;
        a.measurement_warnings.push_back(std::move(x));
      }
    for (const MeasurementFile& f : measured->files()) {
      if (f.results.empty()) {
        a.measurement_warnings.push_back(about_file(W::file_holds_nothing, f.name));
        continue;
      }
      if (figures_from(a, f.name)) continue;
      if (!log.matched.count(f.path)) {
        a.measurement_warnings.push_back(about_file(W::file_applies_nowhere, f.name));
        continue;
      }
      // Where another file's result was used, this one's refusals are only in the chain:
      // a file that gave nothing at all says why, stage by stage (once: a refusal already
      // warned of, with the figure that stays, is not repeated).
      for (AnalysisWarning& x : chain_entries_naming(a, f.name))
        if (std::none_of(a.measurement_warnings.begin(), a.measurement_warnings.end(),
                         [&](const AnalysisWarning& w) {
                           return w.kind == W::not_used && w.stage == x.stage && w.entry == x.entry;
                         }))
          a.measurement_warnings.push_back(std::move(x));
      a.measurement_warnings.push_back(about_file(W::file_unused, f.name));
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
    if (gpu->source.status == Status::announced) {
      AnalysisWarning x;
      x.kind = W::announced_gpu;
      x.gpu = gpu;
      a.warnings.push_back(std::move(x));
    }
  return a;
}

}  // namespace plainsight
