// The threat half of a report: exposure ceiling, attack paths, minimal defences, and the
// simulation, in plain text, Markdown and JSON.
#pragma once

#include <ostream>
#include <string>

#include "analyze/analysis.h"

namespace plainsight {

class JsonStream;

void threat_sections_plain(std::ostream& out, const Analysis& a);
void threat_sections_markdown(std::ostream& out, const Analysis& a);
std::string simulation_plain(const Analysis& a);
std::string simulation_markdown(const Analysis& a);
// Writes the members attack_paths, minimal_defense, exposure_ceiling and simulation (when
// present) into the object open in `js`, route by route: a cluster has many.
void write_threat_json(const Analysis& a, JsonStream& js);

}  // namespace plainsight
