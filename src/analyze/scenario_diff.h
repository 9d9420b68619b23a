// What-if: two analyses side by side. Windows added, removed and changed (by stage id),
// reachability per actor, the exposure ceiling, the compromise probability where both sides
// were simulated, and the time cost: per-event durations and, where the scenarios carry a
// workload, the run time in each side's confidential mode. report/diff_report says it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyze/analysis.h"
#include "analyze/minimal_defense.h"

namespace plainsight {

struct WindowDelta {
  enum class Change { added, removed, changed } change = Change::changed;
  std::string stage;
  std::string name;
  // Indices into each side's windows: `a` for removed and changed, `b` for added and changed.
  std::size_t a = 0, b = 0;
  // What changed (changed windows): each flag names a field whose value differs.
  bool replicas = false;  // how many identical replicas the window stands for
  bool state = false;
  bool protection = false;
  bool plaintext_total = false;
  bool readers = false;
  bool per_event = false;  // per-event duration (only where A's is above zero)
};
std::string_view to_string(WindowDelta::Change change);  // "added", "removed", "changed"

struct ActorDelta {
  std::string actor;
  int level = 0;
  bool path_a = false, path_b = false;
  double expected_a = 0, expected_b = 0;  // cheapest path, after a foothold
  std::vector<RouteRef> opened;           // readable routes only B has
  std::vector<RouteRef> closed;           // readable routes only A has
  std::optional<SimulationResult> sim_a, sim_b;
};

struct ScenarioDiff {
  // The two sides, which the renderer reads windows, ceilings and workloads from (not
  // owned: they outlive the diff).
  const Analysis* a = nullptr;
  const Analysis* b = nullptr;
  std::vector<WindowDelta> windows;
  int ceiling_a = 0, ceiling_b = 0;
  std::vector<ActorDelta> actors;
  // Both sides have a workload: their run times are compared (each in its own CC mode).
  bool workload = false;
  std::vector<AnalysisWarning> warnings;  // why results were not used, from both sides
  // Summed over windows and their replicas, seconds.
  double plaintext_total_a = 0, plaintext_total_b = 0;
};

// Both analyses need their threat analysis computed, and must outlive the diff.
ScenarioDiff diff_analyses(const Analysis& a, const Analysis& b);

}  // namespace plainsight
