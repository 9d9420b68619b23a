// A sensitivity analysis drawn as a tornado chart: one row per assumption, largest effect on
// top; on the left P(full copy within the horizon) at the low end (upper bar) and the high
// end (lower bar) of its range against the baseline and the verdict threshold, in the middle
// the exposure ceiling at both ends, on the right where a verdict flips.
#pragma once

#include <string>

#include "analyze/sensitivity.h"

namespace plainsight {

// The 25 largest effects; a line says how many smaller ones are left out.
std::string tornado_svg(const SensitivityResult& result);
// The chart in a self-contained HTML page with the whole ranked table under it.
std::string tornado_html(const SensitivityResult& result);

}  // namespace plainsight
