// Durations from probe results: the DurationSource behind `analyze --measurements`. A stage
// is matched to probes through the catalog's probe map (model/probe_map.yaml). A result
// applies only where it measures the stage's mechanism on a machine that matches the
// scenario in what the probe depends on (GPU model, CC state, multi-GPU mode, fabric,
// storage), and its fit only within the map's bounds; the sweep chosen among several files
// is the closest platform match, then the larger sweep, then the later run. Every refusal,
// every alternative (with its disagreement in percent) and the catalog figure a result
// replaces is kept in the figure's chain (docs/measurements.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyze/duration_source.h"
#include "core/catalog.h"
#include "core/window.h"
#include "load/measurement_file.h"

namespace plainsight {

struct MeasuredOptions {
  bool allow_mismatch = false;   // --allow-mismatch: use results from another platform, marked
  bool allow_emulation = false;  // --allow-emulation: let a host emulation stand in (CC on only)
};

// What one stage asks of the probe results.
struct MeasurementQuery {
  const Stage* stage = nullptr;
  double bytes = 0;                        // the payload per event (per shard)
  const Attributes* attributes = nullptr;  // the stage's under the scenario's platform
  bool cc_on = false;                      // the confidential-computing state wanted
  bool exact_cc = false;                   // never stand one CC state in for the other
  const Figure* catalog = nullptr;         // the catalog's figure, for the chain; may be null
};

// The answer to a query.
struct MeasuredChoice {
  std::optional<Figure> figure;           // the probe figure used, with its chain
  bool cc_specific = false;               // the figure depends on the CC state
  std::vector<Considered> considered;     // the chain when no probe figure is used
  std::vector<AnalysisWarning> warnings;  // refusals, forced mismatches, disagreements
  std::vector<std::string> matched;       // files with a result for the stage's probes
};

class MeasuredDurations : public DurationSource {
 public:
  MeasuredDurations(const Catalog& catalog, std::vector<MeasurementFile> files,
                    MeasuredOptions options = {});

  MeasuredChoice choose(const MeasurementQuery& query) const;

  // The duration under the scenario's own confidential mode.
  std::optional<Figure> per_event(const Scenario& scenario, const Stage& stage, double bytes,
                                  const Attributes& attributes) const override;
  DurationDecision decide(const Scenario& scenario, const Stage& stage, double bytes,
                          const Attributes& attributes, const Figure& catalog) const override;
  // Both states from the same probe, each in its own state exactly, whatever the scenario's
  // mode.
  std::optional<CcPair> cc_pair(const Scenario& scenario, const Stage& stage, double bytes,
                                const Attributes& attributes) const override;

  const std::vector<MeasurementFile>& files() const { return files_; }
  const MeasuredOptions& options() const { return options_; }

 private:
  const Catalog& catalog_;
  std::vector<MeasurementFile> files_;
  MeasuredOptions options_;
};

// The probe map rule deciding a stage under given attributes, or null.
const ProbeRule* select_probe_rule(const ProbeMap& map, const Stage& stage,
                                   const Attributes& attributes);

}  // namespace plainsight
