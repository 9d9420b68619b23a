// The notes under the plaintext-window table, per window: what a row rests on when it is
// not a shipping product, where sources disagree (with both), a protection the scenario
// states against the one the catalog derives, the document's words that no longer fit,
// capabilities reduced but not stopped, keys, metadata. Every format renders these lines.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analyze/analysis.h"

namespace plainsight {

// `index` into analysis.windows (and scenario.stages).
std::vector<std::string> window_notes(const Analysis& analysis, std::size_t index);

// The notes of every window that has some, in table order: "Notes:" then "  Stage: note".
void notes_plain(std::ostream& out, const Analysis& analysis);
void notes_markdown(std::ostream& out, const Analysis& analysis);

// "shipping", "claimed", "announced; disputed": the window table's "Rests on" column.
std::string rests_on_phrase(const Analysis& analysis, std::size_t index);

// The readers column: capability names, "(reduced)" after one that reads only after an
// extra step.
std::string readers_phrase(const Analysis& analysis, const Window& window);

}  // namespace plainsight
