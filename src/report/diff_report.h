// Renders a what-if diff: plain text, Markdown, HTML and JSON, the verdict's change first.
#pragma once

#include <ostream>
#include <string>

#include "analyze/scenario_diff.h"

namespace plainsight {

// Written as they go: a diff of two cluster scenarios can list a change per window.
void render_diff_plain(std::ostream& out, const ScenarioDiff& d);
void render_diff_json(std::ostream& out, const ScenarioDiff& d);
// For a pull request (Markdown) and a browser (one self-contained page): the verdict's change
// first, then the windows, reachability and time cost.
void render_diff_markdown(std::ostream& out, const ScenarioDiff& d);
void render_diff_html(std::ostream& out, const ScenarioDiff& d);
std::string render_diff_plain(const ScenarioDiff& d);
std::string render_diff_json(const ScenarioDiff& d);

}  // namespace plainsight
