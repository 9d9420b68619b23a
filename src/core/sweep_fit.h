// A probe sweep's fit, t(bytes) = latency + bytes / bandwidth, and its answer at one payload,
// as numbers: analyze/fit.h computes them, report/measurement_phrase.h says them.
#pragma once

#include <compare>
#include <cstddef>

#include "core/provenance.h"

namespace plainsight {

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
  friend auto operator<=>(const LinearFit&, const LinearFit&) = default;
};

// A sweep's answer at one payload. Inside the measured sizes it is the median at that size
// or interpolated between the two neighbouring medians (`measured`); outside, it is the fit
// (`fitted`), and says how far it extrapolates: payload / largest size (or smallest / payload).
struct SweepEstimate {
  enum class Basis { median, interpolated, extrapolated };
  double seconds = 0;
  Provenance provenance = Provenance::measured;
  Basis basis = Basis::median;
  double bytes = 0;  // the payload asked for
  // median: the size measured (= bytes); interpolated: the neighbouring sizes; extrapolated:
  // the smallest and largest sizes measured.
  double lower_bytes = 0, upper_bytes = 0;
  double extrapolation = 1;
  std::size_t sizes = 0;  // distinct sizes measured
  // Extrapolated beyond the sweep: the bandwidth between the two largest sizes where it
  // differs from the fit's by more than 25% (one line over a sweep that crosses cache sizes
  // can promise more than the largest sizes deliver); 0 otherwise.
  double tail_bandwidth_Bps = 0;
  // How far apart the measured sizes the answer rests on are: the two it interpolates
  // between, or for a fit the widest step of its sweep (a ratio, 1 for one size).
  double gap = 1;
  double gap_from = 0, gap_to = 0;  // those two sizes

  friend auto operator<=>(const SweepEstimate&, const SweepEstimate&) = default;
};

}  // namespace plainsight
