// Renders a what-if diff: plain text and JSON.
#pragma once

#include <string>

#include "analyze/scenario_diff.h"

namespace plainsight {

std::string render_diff_plain(const ScenarioDiff& d);
std::string render_diff_json(const ScenarioDiff& d);

}  // namespace plainsight
