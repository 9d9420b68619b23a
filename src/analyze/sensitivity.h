// `plainsight sensitivity`: which assumption decides the answer. Every figure the result
// rests on that is not a shipping fact is varied over its range, one at a time, the others at
// their point values: the actors' parameters (foothold rate, dwell, read and egress bandwidth:
// their stated 90% range where the catalog or scenario gives one, else x1/f .. x f), the
// steps' times to compromise (capabilities, key steps, reduced protections: x1/f .. x f on the
// time) and every stage duration or bandwidth whose provenance is `assumed` (x1/f .. x f, a
// lifetime no longer than the horizon). For each the exposure ceiling and the chosen actor's
// P(full copy within the horizon) at both ends (the same seed: common random numbers), ranked
// by the swing in P; where an end flips a verdict (the ceiling level, or P against the
// threshold) the value at which it flips is found by bisection on the log of the value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyze/simulation.h"
#include "core/catalog.h"
#include "core/figure_range.h"
#include "core/quantity.h"

namespace plainsight {

struct Assumption {
  enum class Kind {
    actor_parameter,  // subject: actor id; parameter: foothold_rate, dwell, ...
    capability_ttc,   // subject: capability id; the mean time to compromise
    key_step_ttc,     // subject: key step id
    reduction_ttc,    // subject: protection rule id; parameter: the capability it slows
    stage_duration,   // subject: stage id; parameter: duration or lifetime (seconds)
    stage_bandwidth,  // subject: stage id; the scenario's own bandwidth
  } kind = Kind::actor_parameter;
  std::string subject;
  std::string parameter;
  // What is varied, in base units: seconds, bytes per second, events per second; a ttc as
  // its mean time in seconds (the distribution is scaled in time).
  double point = 0;
  QuantityKind unit = QuantityKind::duration;
  double low = 0, high = 0;  // the range's ends, same unit
  // The range is the figure's own stated 90% range (its distribution); otherwise the
  // factor x1/f .. x f, cut where a value would leave what the scenario allows.
  bool own_range = false;
  Citation range_source;                                      // the own range's citation
  FigureRange::Cited range_cited = FigureRange::Cited::both;  // the end(s) it gives
  Status status = Status::assumed;                            // how sure the point value is
  bool cut_at_horizon = false;  // the high end was cut to the horizon (or the period)
};

struct SensitivityOutcome {
  int ceiling = 0;
  std::uint64_t successes = 0;
  double probability = 0, ci_low = 0, ci_high = 1;
};

// Where a verdict changes: between the point and `value` the verdict is the baseline's; at
// `value` it is the other.
struct VerdictFlip {
  enum class Verdict { ceiling, probability } verdict = Verdict::ceiling;
  bool high_side = false;  // found between the point and the high end
  double value = 0;
  SensitivityOutcome at;  // the outcome at `value`
};

struct AssumptionEffect {
  Assumption assumption;
  SensitivityOutcome at_low, at_high;
  bool simulated = false;  // P was computed (the assumption can move the chosen actor)
  double swing = 0;        // |P(high) - P(low)|
  int ceiling_swing = 0;   // the most the ceiling moves from the baseline at either end
  std::vector<VerdictFlip> flips;
};

struct SensitivityOptions {
  std::vector<std::string> sets;  // --set, as loaded
  std::string actor;              // "" the actor that breaches the ceiling (else the highest)
  SimulationOptions simulation;   // trials and seed (threads: see below; no parameter draws)
  double factor = 2;              // the default range x1/factor .. x factor
  double threshold = 0.5;         // the P(full copy) verdict: at or above it, or below
  unsigned threads = 0;           // assumptions evaluated side by side
};

struct SensitivityResult {
  std::string scenario;
  double horizon_s = 0;
  std::string actor;  // catalog id
  int level = 0;
  SensitivityOutcome baseline;
  double threshold = 0.5, factor = 2;
  std::uint64_t trials = 0, seed = 0;
  std::vector<std::string> sets;
  std::vector<AssumptionEffect> effects;  // ranked: largest swing in P first
  // The highest-ranked assumption that flips a verdict within its range; none when nothing
  // does (the answer then holds over every range).
  std::optional<std::size_t> decisive;
  std::size_t evaluations = 0;  // scenario variants evaluated
  std::size_t simulations = 0;  // of which simulated
};

// Runs the analysis. Throws InputError for an unknown --actor, a factor not above 1 or a
// threshold outside (0, 1]. The result is the same whatever `threads`.
SensitivityResult run_sensitivity(const Catalog& catalog, const std::string& scenario_path,
                                  const SensitivityOptions& options);

// A time to compromise with every duration it draws multiplied by `factor`.
Ttc scaled_ttc(const Ttc& ttc, double factor);

}  // namespace plainsight
