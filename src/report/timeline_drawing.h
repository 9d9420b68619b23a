// When the bytes sit at each stage over the horizon, drawn to scale as inline SVG for the
// HTML report: a bar where they are resident (coloured by their state there), a mark per
// event where they are decrypted or pass in plaintext, and, where events are too dense to
// draw one by one at the page's resolution, one band over the span they cover with the
// count and the total written beside it.
#pragma once

#include <ostream>

#include "analyze/analysis.h"

namespace plainsight {

void timeline_svg(std::ostream& out, const Analysis& analysis);

}  // namespace plainsight
