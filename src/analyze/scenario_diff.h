// What-if: two analyses side by side. Windows added, removed and changed (by stage id),
// reachability per actor, the exposure ceiling, the compromise probability where both sides
// were simulated, and the time cost: per-event durations and, where the scenarios carry a
// workload, the run time in each side's confidential mode.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyze/analysis.h"

namespace plainsight {

struct WindowDelta {
  std::string stage;
  std::string name;
  std::string change;             // added | removed | changed
  std::vector<std::string> what;  // "state: plaintext -> ciphertext", ...
};

struct ActorDelta {
  std::string actor;
  int level = 0;
  bool path_a = false, path_b = false;
  double expected_a = 0, expected_b = 0;  // cheapest path, after a foothold
  std::vector<std::string> opened;        // readable routes only B has: "host_root at hbm"
  std::vector<std::string> closed;        // readable routes only A has
  std::optional<SimulationResult> sim_a, sim_b;
};

struct ScenarioDiff {
  std::string name_a, name_b;
  std::vector<WindowDelta> windows;
  int ceiling_a = 0, ceiling_b = 0;
  std::string ceiling_summary_a, ceiling_summary_b;
  std::vector<ActorDelta> actors;
  std::vector<std::string> time_cost;     // sentences with provenance
  std::vector<std::string> measurements;  // probe files behind both sides' durations
  std::vector<std::string> warnings;      // why results were not used, from both sides
  // Summed over windows and their replicas, seconds.
  double plaintext_total_a = 0, plaintext_total_b = 0;
};

// Both analyses need their threat analysis computed.
ScenarioDiff diff_analyses(const Analysis& a, const Analysis& b);

}  // namespace plainsight
