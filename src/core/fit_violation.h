// A bound of model/probe_map.yaml's fit_bounds that a fit breaks at a payload, with the value
// and the limit: the reason a fit may not stand for the payload.
#pragma once

#include <compare>

namespace plainsight {

struct FitViolation {
  enum class Bound {
    size_gap,       // the answer rests on two neighbouring sizes more than `limit` times apart
    sizes,          // too few distinct sizes measured (at least `limit`)
    r2,             // R^2 below `limit`
    rms_error,      // rms relative error above `limit` (a fraction)
    extrapolation,  // further outside the measured sizes than `limit` times
  };
  Bound bound = Bound::sizes;
  double value = 0;
  double limit = 0;
  // size_gap: the two sizes, and whether the answer is fitted (else interpolated) over them.
  double from_bytes = 0, to_bytes = 0;
  bool fitted = false;

  friend auto operator<=>(const FitViolation&, const FitViolation&) = default;
};

}  // namespace plainsight
