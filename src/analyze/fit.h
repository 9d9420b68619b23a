// t(bytes) = latency + bytes / bandwidth, fitted by least squares (Eigen) over a probe's
// size sweep (the trial medians, each weighted by 1 / t so that every size counts by its
// relative error), and evaluated at a stage's payload.
#pragma once

#include <string>
#include <vector>

#include "core/probe_map.h"
#include "core/provenance.h"

namespace plainsight {

struct SweepPoint {
  double bytes = 0;
  double seconds = 0;  // the trial median at that size
};

struct LinearFit {
  double latency_s = 0;
  double bandwidth_Bps = 0;  // 0 when time does not grow with size (no bandwidth to fit)
  double r2 = 0;             // coefficient of determination over the medians
  double rms_residual_s = 0;
  double rms_relative = 0;       // rms of residual / measured time: the fit's error in percent
  bool latency_clamped = false;  // the free fit gave a negative latency; refitted through 0
  std::size_t points = 0;
  double min_bytes = 0, max_bytes = 0;

  double at(double bytes) const {
    return latency_s + (bandwidth_Bps > 0 ? bytes / bandwidth_Bps : 0);
  }
  std::string str() const;  // "t = 12 us + bytes / 4.40 GB/s (R^2 0.9998, rms error 1.2%)"
};

// Throws std::invalid_argument without points. One distinct size: a line through the origin.
LinearFit fit_latency_bandwidth(std::vector<SweepPoint> points);

// A fit's answer at one payload. Inside the measured sizes it interpolates between the two
// neighbouring medians (`measured`); outside, it is the fit (`fitted`) and says how far it
// extrapolates: extrapolation = payload / largest size (or smallest size / payload).
struct SweepEstimate {
  double seconds = 0;
  Provenance provenance = Provenance::measured;
  double extrapolation = 1;
  std::size_t sizes = 0;  // distinct sizes measured
  std::string how;        // "interpolated between the 64 MiB and 256 MiB medians"
  // How far apart the measured sizes the answer rests on are: the two it interpolates
  // between, or for a fit the widest step of its sweep (a ratio, 1 for one size).
  double gap = 1;
  double gap_from = 0, gap_to = 0;  // those two sizes
};

// `points` as given to the fit; `bytes` > 0.
SweepEstimate estimate(const std::vector<SweepPoint>& points, const LinearFit& fit, double bytes);

// Why the sweep may not stand for the estimate's payload under `bounds`
// (model/probe_map.yaml fit_bounds): one phrase per bound it breaks; empty when every bound
// holds. Inside the sweep only the gap between the two medians interpolated counts.
std::vector<std::string> fit_bound_violations(const LinearFit& fit, const SweepEstimate& e,
                                              const FitBounds& bounds);

}  // namespace plainsight
