// Durations from probe results: the DurationSource behind `analyze --measurements`. A stage
// is matched to probes through the catalog's probe map (model/probe_map.yaml), the chosen
// sweep is fitted (analyze/fit.h) and evaluated at the stage's payload. Results from another
// GPU generation or confidential-computing state are not applied (a warning says why)
// unless mismatches are allowed; host results apply to host-side stages on any platform.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyze/duration_source.h"
#include "core/catalog.h"
#include "core/window.h"
#include "load/measurement_file.h"

namespace plainsight {

class MeasuredDurations : public DurationSource {
 public:
  MeasuredDurations(const Catalog& catalog, std::vector<MeasurementFile> files,
                    bool allow_mismatch = false);

  // The duration under the scenario's own confidential mode.
  std::optional<Figure> per_event(const Scenario& scenario, const Stage& stage, double bytes,
                                  const Attributes& attributes) const override;
  // Both states from the first probe that has both, whatever the scenario's mode.
  std::optional<CcPair> cc_pair(const Scenario& scenario, const Stage& stage, double bytes,
                                const Attributes& attributes) const override;

  const std::vector<MeasurementFile>& files() const { return files_; }
  // Why results were not used, once each, in the order they arose.
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Whether any figure so far came from this file (by path).
  bool used(const std::string& path) const { return used_.count(path) > 0; }

 private:
  std::optional<Figure> find(const Stage& stage, double bytes, const Attributes& attributes,
                             bool cc_on, bool allow_cc_mismatch, bool quiet,
                             bool* cc_specific = nullptr) const;
  void warn(std::string text) const;

  const Catalog& catalog_;
  std::vector<MeasurementFile> files_;
  bool allow_mismatch_;
  mutable std::vector<std::string> warnings_;
  mutable std::set<std::string> warned_;
  mutable std::set<std::string> used_;
};

// The probe map rule deciding a stage under given attributes, or null.
const ProbeRule* select_probe_rule(const ProbeMap& map, const Stage& stage,
                                   const Attributes& attributes);

}  // namespace plainsight
