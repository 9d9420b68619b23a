// The threat half of a report: exposure ceiling, attack paths, minimal defences, and the
// simulation, in plain text, Markdown and JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "analyze/analysis.h"

namespace plainsight {

std::string threat_sections_plain(const Analysis& a);
std::string threat_sections_markdown(const Analysis& a);
std::string simulation_plain(const Analysis& a);
std::string simulation_markdown(const Analysis& a);
// Adds attack_paths, minimal_defense, exposure_ceiling and simulation (when present).
void add_threat_json(const Analysis& a, nlohmann::ordered_json& j);

}  // namespace plainsight
