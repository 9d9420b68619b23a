#include "analyze/threat.h"

#include <algorithm>
#include <map>
#include <utility>

#include "analyze/parallel.h"

namespace plainsight {
namespace {

using RouteKey = std::pair<std::size_t, std::size_t>;  // window, capability index

bool before(const FullCopyRoute& r, const RouteKey& k) {
  return RouteKey{r.window, r.capability_index} < k;
}

// The readable routes of every actor, lowest level first, merged per (window, capability).
std::vector<FullCopyRoute> full_copy_routes(const ThreatAnalysis& t) {
  std::map<RouteKey, FullCopyRoute> by;
  for (const ActorThreat& at : t.actors)
    for (const Reach& r : at.reach) {
      if (!r.readable) continue;
      auto [it, fresh] = by.try_emplace({r.window, r.capability_index});
      FullCopyRoute& f = it->second;
      if (fresh) {
        f = {r.window, r.capability, r.capability_index, at.actor.level, r.key_step != nullptr};
      } else {
        f.level = std::min(f.level, at.actor.level);
        f.released_key = f.released_key && r.key_step != nullptr;
      }
      f.deciding = f.deciding || at.actor.id == t.ceiling.breached_by;
    }
  std::vector<FullCopyRoute> out;
  out.reserve(by.size());
  for (auto& [k, f] : by) out.push_back(std::move(f));
  return out;
}

}  // namespace

const FullCopyRoute* ThreatAnalysis::route(std::size_t window, std::size_t cap) const {
  auto it = std::lower_bound(full_copy.begin(), full_copy.end(), RouteKey{window, cap}, before);
  return it != full_copy.end() && it->window == window && it->capability_index == cap ? &*it
                                                                                      : nullptr;
}

bool ThreatAnalysis::decides(std::size_t window) const {
  for (auto it = std::lower_bound(full_copy.begin(), full_copy.end(), RouteKey{window, 0}, before);
       it != full_copy.end() && it->window == window; ++it)
    if (it->deciding) return true;
  return false;
}

bool ThreatAnalysis::released_key(std::size_t window) const {
  for (auto it = std::lower_bound(full_copy.begin(), full_copy.end(), RouteKey{window, 0}, before);
       it != full_copy.end() && it->window == window; ++it)
    if (it->released_key) return true;
  return false;
}

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
  if (variants) t.deployments = variants->effective_deployments();
  std::vector<ActorExposure> exposure;
  for (const ActorThreat& at : t.actors) exposure.push_back({&at.actor, &at.reach, &at.path});
  t.ceiling = exposure_ceiling(windows, exposure);
  t.full_copy = full_copy_routes(t);
  // What the cheapest fix leaves: the ceiling re-read over every actor's path with the
  // breaching actor's controls deployed (a cached variant: the defence computed it already).
  if (variants)
    for (const ActorThreat& at : t.actors) {
      if (at.actor.id != t.ceiling.breached_by || at.defense.controls.empty()) continue;
      const VariantOutcome& after = variants->with(at.defense.controls);
      int level = 0;
      for (const ActorThreat& other : t.actors) {
        const auto p = after.path.find(other.actor.id);
        if (p != after.path.end() && p->second.found && p->second.within_dwell) break;
        level = other.actor.level;
      }
      t.ceiling_after_defense = level;
    }
  return t;
}

}  // namespace plainsight
