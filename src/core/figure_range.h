// The range a figure is uncertain over: a 90% interval (low is the 5th percentile, high the
// 95th) around its stated value, the median, log-normal on each side (a "two-piece" log-normal:
// a spread below the median and another above, so that an interval published as, say, 14 d to
// 60 d around 30 d is kept as it is). The value stays the figure's point value, what `analyze`
// uses; `simulate --draw-parameters` draws from the range and `sensitivity` varies over it.
#pragma once

#include <cmath>

#include "core/citation.h"

namespace plainsight {

// The standard normal quantile at 0.95: a 90% interval's ends lie this many sigmas out.
inline constexpr double kZ95 = 1.6448536269514722;

struct FigureRange {
  // Which end the source gives. A report often constrains one end only (a published median
  // dwell bounds a level's dwell from one side); the other end is then the modeller's own, a
  // stated factor of the value, assumed: `cited: low` or `cited: high` in the YAML.
  enum class Cited { both, low, high };

  double low = 0;   // the 5th percentile, same unit as the value
  double high = 0;  // the 95th percentile
  Citation source;  // where the cited end(s) come from (claimed, research, or assumed)
  Cited cited = Cited::both;

  // The status of one end: the source's where it gives that end, else assumed.
  Status status_of(bool high_end) const {
    const bool from_source = cited == Cited::both || (cited == Cited::high) == high_end;
    return from_source ? source.status : Status::assumed;
  }

  bool present() const { return high > 0; }
  // The log-spreads below and above the median `value`.
  double sigma_low(double value) const { return low > 0 ? std::log(value / low) / kZ95 : 0; }
  double sigma_high(double value) const { return high > 0 ? std::log(high / value) / kZ95 : 0; }
  // The value at standard normal deviate z: value at z = 0, low at -kZ95, high at +kZ95.
  double at(double value, double z) const {
    return value * std::exp(z * (z < 0 ? sigma_low(value) : sigma_high(value)));
  }
};

}  // namespace plainsight
