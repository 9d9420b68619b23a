// Shared by analyze, simulate and diff: the threat analysis of a loaded scenario (each
// control's variant re-analysed from the parsed scenario, reanalysis.h) and the
// --require-ceiling gate.
#pragma once

#include <string>
#include <vector>

#include "analyze/analysis.h"
#include "analyze/duration_source.h"

namespace plainsight::cli {

// Fills a.threat under the analysis' own catalog (the scenario's, where it cites sources of
// its own); `measured` backs the durations; without `defenses` no minimal defence (and no
// control variant) is computed.
void run_threats(Analysis& a, const DurationSource* measured = nullptr, bool defenses = true);

// "OC3", "oc3" or "3" -> 3; throws InputError naming the option otherwise.
int parse_oc_level(const std::string& option, const std::string& text);

// Exit code 1 (after the report is written) when the ceiling is below `required`.
void check_ceiling_gate(const Analysis& a, int required);

}  // namespace plainsight::cli
