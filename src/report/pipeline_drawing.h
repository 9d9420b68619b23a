// The pipeline drawn as inline SVG for the HTML report: stages in layers in the order the
// bytes flow (a stage one layer below the last stage that feeds it), coloured by state, with
// their plaintext readers; encrypting and decrypting flows marked; a legend. Our own layout,
// not graphviz's: pipelines are small layered graphs, the output must be byte-for-byte the
// same on every machine (graphviz's text widths depend on the fonts installed), and no
// library is needed to read the drawing. docs/reports.md says more.
#pragma once

#include <ostream>

#include "analyze/analysis.h"

namespace plainsight {

// Scenarios with more stages are not drawn (a cluster's 100,000 stages make no picture):
// the report says so and points to the DOT output.
inline constexpr std::size_t kMaxDrawnStages = 80;

void pipeline_svg(std::ostream& out, const Analysis& analysis);

}  // namespace plainsight
