// Where a stage's per-event duration may come from besides the scenario and the catalog:
// probe measurements and fits (plugged in by the measured-windows analysis).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyze/analysis_warning.h"
#include "analyze/attributes.h"
#include "core/provenance.h"
#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

// The duration a stage's window uses and what the choice left to report: a probe figure or
// the catalog's, with the chain (Figure::considered), the warnings it raised, and the probe
// files that had results for the stage's probes.
struct DurationDecision {
  Figure figure;
  std::vector<AnalysisWarning> warnings;
  std::vector<std::string> matched;  // probe file paths
};

// What the decisions of one analysis raised, gathered in stage order.
struct DurationLog {
  std::vector<AnalysisWarning> warnings;  // each once, in the order they arose
  std::set<std::string> matched;          // probe file paths with a result for some stage

  void add(const DurationDecision& d) {
    for (const AnalysisWarning& w : d.warnings)
      if (seen_.insert(w).second) warnings.push_back(w);
    matched.insert(d.matched.begin(), d.matched.end());
  }

 private:
  std::set<AnalysisWarning> seen_;
};

class DurationSource {
 public:
  virtual ~DurationSource() = default;
  // A measured or fitted per-event duration for moving `bytes` through `stage`, or nothing.
  virtual std::optional<Figure> per_event(const Scenario& scenario, const Stage& stage,
                                          double bytes, const Attributes& attributes) const = 0;
  // The figure a window uses: a probe result where one applies, else `catalog`.
  virtual DurationDecision decide(const Scenario& scenario, const Stage& stage, double bytes,
                                  const Attributes& attributes, const Figure& catalog) const {
    std::optional<Figure> f = per_event(scenario, stage, bytes, attributes);
    return {f ? *f : catalog, {}, {}};
  }
  // The same stage with confidential mode off and on, where both were measured.
  virtual std::optional<CcPair> cc_pair(const Scenario&, const Stage&, double /*bytes*/,
                                        const Attributes&) const {
    return std::nullopt;
  }
};

}  // namespace plainsight
