// Where a stage's per-event duration may come from besides the scenario and the catalog:
// probe measurements and fits (plugged in by the measured-windows analysis).
#pragma once

#include <optional>

#include "analyze/attributes.h"
#include "core/provenance.h"
#include "core/scenario.h"
#include "core/window.h"

namespace plainsight {

class DurationSource {
 public:
  virtual ~DurationSource() = default;
  // A measured or fitted per-event duration for moving `bytes` through `stage`, or nothing.
  virtual std::optional<Figure> per_event(const Scenario& scenario, const Stage& stage,
                                          double bytes, const Attributes& attributes) const = 0;
  // The same stage with confidential mode off and on, where both were measured.
  virtual std::optional<CcPair> cc_pair(const Scenario&, const Stage&, double /*bytes*/,
                                        const Attributes&) const {
    return std::nullopt;
  }
};

}  // namespace plainsight
