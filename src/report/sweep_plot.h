// A sweep drawn: for one key a line chart (P(full copy within the horizon) per actor with its
// 95% interval as bars, and the exposure ceiling below it, against the key's values), for two
// keys a heat map per actor (rows the first key, columns the second, the colour P). Axes are
// labelled with the key and its unit; refused points are marked as such, never left blank.
#pragma once

#include <string>

#include "analyze/sweep.h"

namespace plainsight {

// Precondition: the sweep has one or two axes (the command line refuses more).
std::string sweep_svg(const SweepResult& sweep);
// The drawing in a self-contained HTML page with the points as a table under it.
std::string sweep_html(const SweepResult& sweep);

}  // namespace plainsight
