// `plainsight sweep`: a scenario analysed and simulated at every point of a grid of --set
// values (load/sweep_axis.h). Each point is the scenario loaded with the run's own --set and
// then the point's values, so it is validated as the YAML it replaces and agrees with
// `simulate` on the same --set, seed and trials; a point whose platform the vendor refuses
// (or whose payload does not fit the GPU) is a refused row, not an error. Points that differ
// only in actor parameters (`actors.` keys) share one window analysis: those change no window.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyze/simulation.h"
#include "core/catalog.h"
#include "load/sweep_axis.h"

namespace plainsight {

struct SweepOptions {
  std::vector<std::string> sets;  // the run's own --set, applied before a point's values
  std::string actor;              // "" simulates every actor; else one, as find_actor takes it
  SimulationOptions simulation;   // trials, seed, draw_parameters (threads: see below)
  unsigned threads = 0;           // points analysed side by side (0: one per hardware thread)
};

struct SweepActorResult {
  std::string actor;  // catalog id
  int level = 0;
  std::uint64_t successes = 0;
  double probability = 0;
  double ci_low = 0, ci_high = 1;  // 95% Wilson score interval
};

struct GridPoint {
  std::vector<std::size_t> values;  // per axis, the index of its value
  bool refused = false;
  std::string refusal;  // why the platform is refused (the loader's message)
  int ceiling = 0;      // the exposure ceiling (OC level kept out)
  std::string breached_by;
  double horizon_s = 0;          // the point's horizon (a sweep may vary it)
  double plaintext_total_s = 0;  // plaintext seconds over the horizon, replicas counted
  // The workload's run time with confidential mode off and on, where the scenario states a
  // workload on a GPU platform.
  std::optional<double> run_off_s, run_on_s;
  std::vector<SweepActorResult> actors;  // in level order
  bool shared_analysis = false;          // its windows came from an earlier point's analysis
};

struct SweepResult {
  std::string scenario;  // its name
  double horizon_s = 0;  // 0 when the points' horizons differ (a sweep of the horizon)
  std::vector<SweepAxis> axes;
  std::vector<GridPoint> points;  // the first axis varies slowest
  std::uint64_t trials = 0, seed = 0;
  bool draw_parameters = false;
  std::vector<std::string> sets;
  std::vector<std::string> actors;  // the simulated actors' ids, in level order
  std::vector<int> levels;
  std::size_t analyses = 0;  // window analyses run (fewer than points when shared)
};

// The number of grid points; throws InputError when it exceeds kMaxSweepPoints.
std::uint64_t sweep_size(const std::vector<SweepAxis>& axes);

// Runs the grid. Throws InputError for a bad point (naming its --vary value), an unknown
// --actor or too large a grid. The result is the same whatever `threads`.
SweepResult run_sweep(const Catalog& catalog, const std::string& scenario_path,
                      std::vector<SweepAxis> axes, const SweepOptions& options);

}  // namespace plainsight
