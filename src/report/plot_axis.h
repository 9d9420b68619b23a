// The axes of the research plots (sweep line charts and heat maps, tornado charts): a value
// range mapped to pixels, linear or logarithmic, with round ticks, and the unit a quantity is
// shown in ("d" for durations of days, "GB/s", "/y"), so that every axis says what it counts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/quantity.h"

namespace plainsight {

// The unit a set of values is shown in: "d" with its size in base units (86400), or "" for
// plain numbers (scale 1).
struct DisplayUnit {
  std::string name;   // "d", "GB", "GB/s", "/y", ""
  std::string words;  // "days", "GB = 1e9 bytes", "GB/s = 1e9 bytes per second", "per year"
  double scale = 1;   // base units per displayed unit
};

// The unit in which the largest of `values` reads between 1 and 1000 where possible; days
// where every value is a whole number of days.
DisplayUnit display_unit(std::optional<QuantityKind> kind, const std::vector<double>& values);

// A value in its display unit, four significant figures: "10", "1.778", "0.025".
std::string tick_text(double value_in_unit);

// The name of a kind's base unit, the one the CSV and JSON give numbers in: "s", "B", "B/s",
// "/s" (events per second).
std::string base_unit_name(QuantityKind kind);

// A number of events per second as people write rates: "4/y", "0.5/d".
std::string format_rate(double per_second);
// A quantity of `kind` in the report's words: "30 d", "10 GB/s", "140 GB", "4/y"; a whole
// number of days as days ("730 d", where format_duration says "1.999 y").
std::string format_quantity(QuantityKind kind, double value);

class PlotAxis {
 public:
  // Maps [lo, hi] to pixels [from, to]; a log axis needs lo > 0. The range is widened to
  // round tick values (linear) or whole decades where that is close (log).
  PlotAxis(double lo, double hi, double from, double to, bool log);
  double at(double value) const;  // the pixel of a value (clamped to the axis)
  // The tick values: about five round ones (1, 2 or 5 x 10^k steps), or the decades of a
  // log axis (with 2 and 5 between when it spans fewer than three).
  std::vector<double> ticks() const;
  double lo() const { return lo_; }
  double hi() const { return hi_; }
  bool log() const { return log_; }

 private:
  double lo_, hi_, from_, to_;
  bool log_;
};

}  // namespace plainsight
