#include "analyze/threat.h"

namespace plainsight {

ThreatAnalysis analyze_threats(const Catalog& c, const Variant& base,
                               const ActorOverrides& overrides, const Reanalyze& reanalyze) {
  ThreatAnalysis t;
  t.computed = true;
  std::vector<ActorProfile> actors = actor_profiles(c, overrides);
  std::vector<std::vector<Reach>> reach;
  std::optional<ControlVariants> variants;
  if (reanalyze) variants.emplace(c, reanalyze);
  t.defenses = variants.has_value();
  for (const ActorProfile& a : actors) {
    ActorThreat at;
    at.actor = a;
    at.reach = actor_reach(base.scenario, base.windows, a);
    at.path = cheapest_path(build_attack_graph(c, base.windows, a, at.reach), c, base.windows, a);
    if (variants) at.defense = minimal_defense(c, base, a, *variants);
    reach.push_back(at.reach);
    t.actors.push_back(std::move(at));
  }
  t.ceiling = exposure_ceiling(c, base.windows, actors, reach);
  return t;
}

}  // namespace plainsight
