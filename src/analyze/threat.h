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

// A capability that reads a full copy at one window before it closes, for some actor: what
// every format marks (a released key, the verdict's deciding exposures) and ranks (SARIF).
struct FullCopyRoute {
  std::size_t window = 0;
  std::string capability;
  std::size_t capability_index = 0;  // into the catalog's capabilities
  int level = 0;                     // the lowest actor level that reads a full copy there
  bool released_key = false;  // read as ciphertext through a key a forged attestation released
  bool deciding = false;      // a full-copy route of the actor that breaks the ceiling
};

struct ThreatAnalysis {
  bool computed = false;
  std::vector<ActorThreat> actors;  // level order
  ExposureCeiling ceiling;
  bool defenses = false;  // minimal defences computed (needs re-analysis)
  // Where each catalog control can be deployed in this scenario, and why not elsewhere.
  std::vector<Deployment> deployments;
  // The exposure ceiling with the breaching actor's minimal defence deployed: -1 when not
  // computed (no defences, nothing breaks the ceiling, or the defence names no control).
  int ceiling_after_defense = -1;
  // Every full-copy route of every actor, by window then capability index.
  std::vector<FullCopyRoute> full_copy;
  // The route at (window, capability index); null when no actor reads a full copy there.
  const FullCopyRoute* route(std::size_t window, std::size_t capability_index) const;
  // Whether any route at the window decides the verdict, or goes through a released key.
  bool decides(std::size_t window) const;
  bool released_key(std::size_t window) const;
};

// `reanalyze` empty: no minimal defences (they need the scenario re-analysed per control).
ThreatAnalysis analyze_threats(const Catalog& catalog, const Scenario& scenario,
                               const std::vector<Window>& windows, const ActorOverrides& overrides,
                               const Reanalyze& reanalyze);

}  // namespace plainsight
