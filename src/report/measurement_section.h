// The parts of a report that measurements and the workload add: where measured durations
// came from, confidential mode off and on side by side, and what CC costs the run. Shared
// by the text and Markdown reports; each renders nothing when there is nothing to say.
#pragma once

#include <ostream>
#include <string>

#include "analyze/analysis.h"
#include "report/text_table.h"

namespace plainsight {

// One row per window with a CC pair: stage, CC off, CC on, ratio, which the window uses.
TextTable cc_pair_table(const Analysis& analysis);
// One row per priced transfer, then the total.
TextTable workload_table(const Analysis& analysis);

// "file: machine, N results, started T": one per probe file behind the durations.
std::vector<std::string> measurement_lines(const Analysis& analysis);

void measurement_sections_plain(std::ostream& out, const Analysis& analysis);
void measurement_sections_markdown(std::ostream& out, const Analysis& analysis);

}  // namespace plainsight
