// Whether a probe result was measured on a machine that matches a stage's platform in what
// the probe depends on (the candidate's depends_on in model/probe_map.yaml): GPU model, CC
// state, multi-GPU mode, fabric class and storage class, compared facet by facet.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyze/attributes.h"
#include "core/catalog.h"
#include "core/facet_mismatch.h"
#include "load/measurement_file.h"

namespace plainsight {

// The platform a stage asks for.
struct WantedPlatform {
  const Stage* stage = nullptr;
  const Attributes* attributes = nullptr;  // gpu, multi_gpu_mode, ... under the platform
  bool cc_on = false;                      // the CC state wanted
};

struct PlatformMatch {
  // Set when the result cannot say: its CC state as recorded, neither on nor off. Never
  // forced.
  std::optional<std::string> unknown_cc_state;
  std::vector<FacetMismatch> mismatches;  // empty: the platform matches
  std::vector<MatchNote> notes;           // caveats of a match
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
