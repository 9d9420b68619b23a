#include "analyze/threat.h"

#include "analyze/parallel.h"

namespace plainsight {

ThreatAnalysis analyze_threats(const Catalog& c, const Scenario& scenario,
                               const std::vector<Window>& windows, const ActorOverrides& overrides,
                               const Reanalyze& reanalyze) {
  ThreatAnalysis t;
  t.computed = true;
  // Explicit overrides (a caller's) win over the scenario's own `actors:` section.
  std::vector<ActorProfile> actors =
      actor_profiles(c, overrides.empty() ? scenario.actor_parameters : overrides,
                     &scenario.actor_place_reach, &scenario.actor_parameter_ranges);
  std::optional<ControlVariants> variants;
  if (reanalyze) variants.emplace(c, scenario, reanalyze, actors, windows);
  t.defenses = variants.has_value();
  if (variants) t.deployments = variants->deployments();
  // Each actor's reach and cheapest path walk every window: side by side on a cluster.
  t.actors.resize(actors.size());
  const PlaceHoldings holdings(c, scenario, windows);
  parallel_for(
      actors.size(),
      [&](std::size_t i) {
        ActorThreat& at = t.actors[i];
        at.actor = actors[i];
        at.reach = actor_reach(c, scenario, windows, at.actor, false, holdings);
        at.path =
            cheapest_path(build_attack_graph(c, windows, at.actor, at.reach), c, windows, at.actor);
      },
      windows.size() < kParallelMinStages ? 1 : 0);
  // The defences share one cache of re-analysed variants: one actor at a time.
  if (variants)
    for (ActorThreat& at : t.actors)
      at.defense = minimal_defense(c, windows, at.actor, at.reach, *variants);
  std::vector<ActorExposure> exposure;
  for (const ActorThreat& at : t.actors) exposure.push_back({&at.actor, &at.reach, &at.path});
  t.ceiling = exposure_ceiling(windows, exposure);
  return t;
}

}  // namespace plainsight
