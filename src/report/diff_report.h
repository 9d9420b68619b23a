// Renders a what-if diff: plain text and JSON.
#pragma once

#include <ostream>
#include <string>

#include "analyze/scenario_diff.h"

namespace plainsight {

// Written as they go: a diff of two cluster scenarios can list a change per window.
void render_diff_plain(std::ostream& out, const ScenarioDiff& d);
void render_diff_json(std::ostream& out, const ScenarioDiff& d);
std::string render_diff_plain(const ScenarioDiff& d);
std::string render_diff_json(const ScenarioDiff& d);

}  // namespace plainsight
