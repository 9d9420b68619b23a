// The findings with their stable ids and what the team decided about each (the scenario's
// risk_tracking), in every format: the ids are what a `risk_tracking:` entry is keyed by.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analyze/analysis.h"
#include "report/text_table.h"

namespace plainsight {

class JsonStream;

// Id, level (after tracking: "suppressed" where an acceptance holds), rule, stage, tracking.
TextTable findings_table(const Analysis& analysis);
// risk_tracking entries whose id matches no finding of this analysis: "id (file:line:col)".
std::vector<std::string> untracked_ids(const Analysis& analysis);
// What the team decided about the findings at one window, "" when nothing: the CSV column.
std::string window_tracking(const Analysis& analysis, std::size_t window);

void findings_plain(std::ostream& out, const Analysis& analysis);
void findings_markdown(std::ostream& out, const Analysis& analysis);
void findings_html(std::ostream& out, const Analysis& analysis);
// The members `findings` and `risk_tracking` of the object open in `js`.
void write_findings_json(const Analysis& analysis, JsonStream& js);

}  // namespace plainsight
