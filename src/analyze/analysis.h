// Everything one `analyze` run produces; reports render it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyze/analysis_warning.h"
#include "analyze/content.h"
#include "analyze/simulation.h"
#include "analyze/threat.h"
#include "analyze/transfer_cost.h"
#include "analyze/verdict.h"
#include "analyze/window_totals.h"
#include "analyze/workload_cost.h"
#include "core/catalog.h"
#include "core/machine_identity.h"
#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

// A probe result file behind the durations (--measurements).
struct MeasurementUse {
  std::string file;         // its name as given
  MachineIdentity machine;  // the machine it ran on, as the file identifies it
  std::size_t results = 0;
  std::string started_at;  // "" when the file does not say
};

struct Analysis {
  // The catalog the windows were computed under: the one given to analyze(), or the
  // scenario's own where it cites sources of its own (kept alive by `scenario`). Threats,
  // simulations and reports of this analysis use it.
  const Catalog* catalog = nullptr;
  Scenario scenario;
  std::vector<std::string> overrides;  // --set assignments applied
  std::vector<Window> windows;
  WindowTotals totals;  // the windows added up, replicas counted
  // What arrives at each stage (content.h): computed once, shared with control re-analyses.
  std::vector<Content> arriving;
  std::vector<AnalysisWarning> warnings;
  // The part of `warnings` the probe results raised (refused, forced, disagreeing results),
  // which the command line also writes to stderr, once each.
  std::vector<AnalysisWarning> measurement_warnings;
  // Empty until the caller runs analyze_threats (threat.h) over the windows: analyze() does
  // not, since `analyze --no-threats` and the sweeps do without it.
  ThreatAnalysis threat;
  std::optional<SimulationResult> simulation;  // filled by `simulate`
  // The verdict every format opens with (verdict.h), filled by `analyze` with the threats.
  std::optional<Verdict> verdict;
  std::vector<MeasurementUse> measurements;   // probe files the durations came from
  std::optional<WorkloadCost> workload;       // the scenario's `workload:`, CC off and on
  std::optional<TransferCost> transfer_cost;  // the scenario's `transfer_cost:`
  // The table's row order, as indices into `windows`: empty is pipeline order (the
  // scenario's stage order); `analyze --sort exposure` fills it.
  std::vector<std::size_t> row_order;
  // The date (YYYY-MM-DD) risk_tracking expiries are read against; "" reads none as expired.
  std::string as_of;
  // The scenario file's SHA-256 (hex), for the HTML footer; "" when not computed.
  std::string scenario_sha256;
};

class MeasuredDurations;

// Window indices, most plaintext time over the horizon first (coverage, then the sum), ties
// in pipeline order: `analyze --sort exposure`.
std::vector<std::size_t> exposure_order(const std::vector<Window>& windows);

// Loads nothing: runs the window computation on a loaded scenario, under
// scenario.catalog_or(catalog) (core/scenario.h).
Analysis analyze(const Catalog& catalog, Scenario scenario,
                 std::vector<std::string> overrides = {});
// The same with probe results backing the durations (null: catalog figures only).
Analysis analyze(const Catalog& catalog, Scenario scenario, std::vector<std::string> overrides,
                 const MeasuredDurations* measured);

}  // namespace plainsight
