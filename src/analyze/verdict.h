// The verdict of one analysis, computed once and rendered first by every format: the highest
// operational-capacity level the pipeline resists, the level that defeats it and how (its
// cheapest path), the target it is held to and whether it meets it, the probability of a full
// copy within the horizon (a seeded simulation of the defeating actor), and the one cheapest
// deployable fix with the ceiling it leaves. Typed: the words are written in src/report/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <cstdint>

#include "analyze/attack_graph.h"

namespace plainsight {

enum class TargetSource { none, option, scenario };

struct VerdictChance {
  std::string actor;  // the simulated actor's id
  int level = 0;
  std::uint64_t trials = 0;
  std::uint64_t seed = 0;
  double horizon_s = 0;
  double probability = 0;
  double ci_low = 0, ci_high = 0;  // 95% Wilson interval
};

struct VerdictFix {
  std::vector<std::string> controls;  // the breaching actor's minimal defence, catalog ids
  double cost = 0;
  bool cuts_every_path = false;  // the controls cut every path of the breaching actor
  int ceiling_after = 0;         // the exposure ceiling with the controls deployed
  AttackPath after;              // the breaching actor's cheapest path with them
};

struct Verdict {
  int ceiling = 0;          // the exposure ceiling: highest level resisted (0: not even OC1)
  int top_level = 0;        // the catalog's highest actor level
  std::string resisted;     // the actor at the ceiling ("" when 0)
  std::string breached_by;  // the first actor that completes a path ("" when none)
  int breached_level = 0;
  AttackPath path;  // its cheapest path (deciding stage and capability)
  int target = 0;   // the level required (0: none stated)
  TargetSource target_from = TargetSource::none;
  bool meets_target() const { return ceiling >= target; }
  std::optional<VerdictChance> chance;  // absent when nothing breaks the ceiling
  std::optional<VerdictFix> fix;        // absent without defences or without controls
};

struct VerdictOptions {
  int required = 0;  // --require-ceiling (0: none); overrides the scenario's target
  std::uint64_t trials = 10000;
  std::uint64_t seed = 1;
  unsigned threads = 1;
  bool simulate = true;
};

struct Analysis;

// Needs the threat analysis (`analysis.threat.computed`).
Verdict make_verdict(const Analysis& analysis, const VerdictOptions& options);

}  // namespace plainsight
