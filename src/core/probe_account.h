// How a probe result gave a figure (Figure::probe): which probe in which file, the sweep, the
// machine it ran on, the fit and its answer at the payload, and what of the platform was
// forced or noted. Numbers and ids only: report/measurement_phrase.h says it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/considered.h"
#include "core/facet_mismatch.h"
#include "core/machine_identity.h"
#include "core/sweep_fit.h"

namespace plainsight {

struct ProbeAccount {
  std::string file;         // the probe file's name
  std::string probe;        // the probe key
  std::string label;        // the probe map's words for what the probe measures
  ParamList params;         // the params the probe map selects results by
  ParamList series;         // the series_by params of the sweep used
  std::size_t points = 0;   // results in the sweep
  MachineIdentity machine;  // of the sweep's first result (its rank's, in a multi-rank file)
  LinearFit fit;
  SweepEstimate estimate;    // at the payload
  bool host_result = false;  // depends on no platform facet: applies on any platform
  bool emulation = false;    // a host stand-in for a device path (--allow-emulation)
  std::vector<MatchNote> notes;
  std::vector<FacetMismatch> forced;  // mismatches --allow-mismatch let stand
};

}  // namespace plainsight
