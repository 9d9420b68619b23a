// t(bytes) = latency + bytes / bandwidth, fitted by least squares (Eigen) over a probe's
// size sweep (the trial medians, each weighted by 1 / t so that every size counts by its
// relative error), and evaluated at a stage's payload. The results are numbers
// (core/sweep_fit.h); report/measurement_phrase.h says them.
#pragma once

#include <vector>

#include "core/fit_violation.h"
#include "core/probe_map.h"
#include "core/sweep_fit.h"

namespace plainsight {

struct SweepPoint {
  double bytes = 0;
  double seconds = 0;  // the trial median at that size
};

// Throws std::invalid_argument without points. One distinct size: a line through the origin.
LinearFit fit_latency_bandwidth(std::vector<SweepPoint> points);

// The sweep's answer at `bytes` > 0, `points` as given to the fit.
SweepEstimate estimate(const std::vector<SweepPoint>& points, const LinearFit& fit, double bytes);

// The bounds of model/probe_map.yaml's fit_bounds the fit breaks at the estimate's payload,
// in the order size gap, sizes, R^2, rms error, extrapolation; empty when every bound holds.
// Inside the sweep only the gap between the two medians interpolated counts.
std::vector<FitViolation> fit_bound_violations(const LinearFit& fit, const SweepEstimate& e,
                                               const FitBounds& bounds);

}  // namespace plainsight
