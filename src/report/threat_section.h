// The threat half of a report: exposure ceiling, attack paths, minimal defences, and the
// simulation, in plain text, Markdown and JSON.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analyze/analysis.h"

namespace plainsight {

class JsonStream;
struct TextTable;

// The windows that decide the exposure ceiling, and one row per actor: its cheapest path, the
// expected time, whether it fits its dwell, its minimal defence and the cost.
TextTable ceiling_table(const Analysis& a);
TextTable paths_table(const Analysis& a);
// Why each step of the actor's path takes its time, one line per step: "kind name (time):
// detail".
std::vector<std::string> step_lines(const Analysis& a, const ActorThreat& actor);

void threat_sections_plain(std::ostream& out, const Analysis& a);
void threat_sections_markdown(std::ostream& out, const Analysis& a);
std::string simulation_plain(const Analysis& a);
std::string simulation_markdown(const Analysis& a);
// Writes the members attack_paths, minimal_defense, exposure_ceiling and simulation (when
// present) into the object open in `js`, route by route: a cluster has many.
void write_threat_json(const Analysis& a, JsonStream& js);

}  // namespace plainsight
