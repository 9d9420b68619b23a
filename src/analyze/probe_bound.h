// The physical bound a probe result may not exceed where it stands for a stage
// (model/probe_map.yaml `bound`, docs/measurements.md): the stage's link, the per-node
// bandwidth of its fabric, or a catalog figure (host memory), each times the map's
// bound_factor. A sweep beyond it is no measurement: a forged file, a clock that stopped, a
// copy the driver elided.
#pragma once

#include <optional>
#include <vector>

#include "analyze/fit.h"
#include "core/catalog.h"
#include "core/considered.h"
#include "core/stage.h"

namespace plainsight {

// Why a sweep (its points, and its answer `seconds` at the stage's `bytes`) cannot stand for
// the stage under the candidate's bound: faster than the bound allows (beyond_bound), or a
// bound that nothing in the catalog gives for this stage (no_bound). None when within it or
// when the map declares that no bound applies. The entry's probe and file are left empty.
std::optional<Considered> bound_refusal(const Catalog& catalog, const Stage& stage,
                                        const ProbeCandidate& candidate,
                                        const std::vector<SweepPoint>& points, double bytes,
                                        double seconds);

}  // namespace plainsight
