// Whether a probe result was measured on a machine that matches a stage's platform in what
// the probe depends on (the candidate's depends_on in model/probe_map.yaml): GPU model, CC
// state, multi-GPU mode, fabric class and storage class, compared facet by facet.
#pragma once

#include <string>
#include <vector>

#include "analyze/attributes.h"
#include "core/catalog.h"
#include "load/measurement_file.h"

namespace plainsight {

// The platform a stage asks for.
struct WantedPlatform {
  const Stage* stage = nullptr;
  const Attributes* attributes = nullptr;  // gpu, multi_gpu_mode, ... under the platform
  bool cc_on = false;                      // the CC state wanted
};

// One facet that differs.
struct FacetMismatch {
  PlatformFacet facet;
  std::string why;     // "was measured with CC off; the scenario runs CC on"
  std::string forced;  // "measured with CC off, applied to CC on by --allow-mismatch"
  int distance = 1;    // how far off: another GPU generation counts 2, another model 1
};

struct PlatformMatch {
  std::string unusable;                   // non-empty: the result cannot say (why); never forced
  std::vector<FacetMismatch> mismatches;  // empty: the platform matches
  std::vector<std::string> notes;         // caveats of a match ("multi-GPU mode not recorded")
  int distance() const {
    int d = 0;
    for (const FacetMismatch& m : mismatches) d += m.distance;
    return d;
  }
};

PlatformMatch match_platform(const Catalog& catalog, const ProbeCandidate& candidate,
                             const MeasurementFile& file, const ProbeResult& result,
                             const WantedPlatform& wanted);

}  // namespace plainsight
