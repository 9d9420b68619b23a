// A sweep's grid as CSV (one row per point, spreadsheet-safe), JSON (docs/research.md lists
// its members) and an aligned text table: per point its values, the exposure ceiling, the
// plaintext total, the CC cost of a stated workload, and P(full copy within the horizon) per
// simulated actor with its 95% interval; a refused point says why.
#pragma once

#include <ostream>
#include <string>

#include "analyze/sweep.h"

namespace plainsight {

void sweep_csv(std::ostream& out, const SweepResult& sweep);
void sweep_json(std::ostream& out, const SweepResult& sweep);
void sweep_table(std::ostream& out, const SweepResult& sweep);

// The name of a quantity kind's base unit: "s", "B", "B/s", "/s"; "" for a plain number.
std::string base_unit(const SweepAxis& axis);
// "duration", "size", "bandwidth", "rate", "number", "choice".
std::string axis_kind(const SweepAxis& axis);
// What confidential mode adds to the workload's run time at a point: "2.282 min (1.9%)"; ""
// where the point states no workload on a GPU.
std::string cc_extra_run_time(const GridPoint& point);
// An actor id as column headers and legends show it: "oc3" -> "OC3".
std::string actor_tag(const std::string& id);

}  // namespace plainsight
