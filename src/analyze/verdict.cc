#include "analyze/verdict.h"

#include <algorithm>

#include "analyze/analysis.h"

namespace plainsight {

Verdict make_verdict(const Analysis& a, const VerdictOptions& o) {
  Verdict v;
  const ThreatAnalysis& t = a.threat;
  const ExposureCeiling& c = t.ceiling;
  v.ceiling = c.level;
  v.breached_by = c.breached_by;
  v.breached_level = c.breached_level;
  v.path = c.path;
  for (const ActorThreat& at : t.actors) {
    v.top_level = std::max(v.top_level, at.actor.level);
    if (at.actor.level == c.level) v.resisted = at.actor.id;
  }
  if (o.required > 0) {
    v.target = o.required;
    v.target_from = TargetSource::option;
  } else if (a.scenario.target_level > 0) {
    v.target = a.scenario.target_level;
    v.target_from = TargetSource::scenario;
  }
  const ActorThreat* breach = nullptr;
  for (const ActorThreat& at : t.actors)
    if (at.actor.id == c.breached_by) breach = &at;
  if (!breach) return v;
  if (o.simulate && o.trials > 0) {
    SimulationOptions so;
    so.trials = o.trials;
    so.seed = o.seed;
    so.threads = o.threads;
    const SimulationResult r =
        simulate(*a.catalog, breach->actor, a.scenario.horizon_s,
                 simulation_routes(*a.catalog, breach->reach, breach->actor, &a.windows), so);
    v.chance = VerdictChance{breach->actor.id, breach->actor.level, r.trials, r.seed,
                             r.horizon_s,      r.probability,       r.ci_low, r.ci_high};
  }
  if (t.defenses && breach->defense.needed && !breach->defense.controls.empty()) {
    VerdictFix f;
    f.controls = breach->defense.controls;
    f.cost = breach->defense.cost;
    f.cuts_every_path = breach->defense.cuttable;
    f.ceiling_after = t.ceiling_after_defense < 0 ? c.level : t.ceiling_after_defense;
    f.after = breach->defense.after;
    v.fix = std::move(f);
  }
  return v;
}

}  // namespace plainsight
