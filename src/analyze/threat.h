// The threat half of an analysis: per actor its reach, cheapest attack path and minimal
// defence, and the exposure ceiling over all actors.
#pragma once

#include <vector>

#include "analyze/actor_profile.h"
#include "analyze/attack_graph.h"
#include "analyze/exposure_ceiling.h"
#include "analyze/minimal_defense.h"
#include "analyze/variant.h"
#include "analyze/window_reach.h"

namespace plainsight {

struct ActorThreat {
  ActorProfile actor;
  std::vector<Reach> reach;  // every plaintext (window, capability) it fields
  AttackPath path;
  MinimalDefense defense;
};

struct ThreatAnalysis {
  bool computed = false;
  std::vector<ActorThreat> actors;  // level order
  ExposureCeiling ceiling;
  bool defenses = false;  // minimal defences computed (needs re-analysis)
  // Where each catalog control can be deployed in this scenario, and why not elsewhere.
  std::vector<Deployment> deployments;
};

// `reanalyze` empty: no minimal defences (they need the scenario re-analysed per control).
ThreatAnalysis analyze_threats(const Catalog& catalog, const Scenario& scenario,
                               const std::vector<Window>& windows, const ActorOverrides& overrides,
                               const Reanalyze& reanalyze);

}  // namespace plainsight
