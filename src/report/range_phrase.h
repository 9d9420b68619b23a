// The words for where a figure's 90% range comes from, end by end: a source often bounds one
// end only (a published median dwell), the other being a factor of the value the modeller
// chose, and a range must not read as cited as a whole when half of it is assumed.
#pragma once

#include <string>

#include "core/figure_range.h"

namespace plainsight {

// A ratio of an end to the value as a factor: "x2", "x1/2", "x0.53" (what is not a whole
// multiple or fraction, to three figures).
std::string factor_phrase(double ratio);

// "mandiant-m-trends-2026, claimed" (both ends the source's), or "low end:
// mandiant-m-trends-2026, claimed; high end: x2, assumed" (one end cited, the other the
// factor of `value` it lies at).
std::string range_origin(const FigureRange& range, double value);

}  // namespace plainsight
