#include "analyze/threat.h"

namespace plainsight {

ThreatAnalysis analyze_threats(const Catalog& c, const Scenario& scenario,
                               const std::vector<Window>& windows, const ActorOverrides& overrides,
                               const Reanalyze& reanalyze) {
  ThreatAnalysis t;
  t.computed = true;
  // Explicit overrides (a caller's) win over the scenario's own `actors:` section.
  std::vector<ActorProfile> actors =
      actor_profiles(c, overrides.empty() ? scenario.actor_parameters : overrides);
  std::optional<ControlVariants> variants;
  if (reanalyze) variants.emplace(c, reanalyze, actors, windows);
  t.defenses = variants.has_value();
  for (const ActorProfile& a : actors) {
    ActorThreat at;
    at.actor = a;
    at.reach = actor_reach(scenario, windows, a);
    at.path = cheapest_path(build_attack_graph(c, windows, a, at.reach), c, windows, a);
    if (variants) at.defense = minimal_defense(c, windows, a, at.reach, *variants);
    t.actors.push_back(std::move(at));
  }
  std::vector<ActorReach> reach;
  for (const ActorThreat& at : t.actors) reach.push_back({&at.actor, &at.reach});
  t.ceiling = exposure_ceiling(c, windows, reach);
  return t;
}

}  // namespace plainsight
