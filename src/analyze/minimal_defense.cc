#include "analyze/minimal_defense.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "analyze/min_cut.h"
#include "analyze/window_reach.h"

namespace plainsight {
namespace {

// The routes an attack-graph edge can use: readable, with a capability that can succeed.
std::set<RouteKey> live_routes(const Catalog& c, const std::vector<Reach>& reach) {
  std::set<RouteKey> out;
  for (const Reach& r : reach) {
    const Capability* cap = c.capability(r.capability);
    if (r.readable && cap && std::isfinite(cap->ttc.mean_s())) out.insert({r.stage, r.capability});
  }
  return out;
}

std::set<RouteKey> live_routes(const Catalog& c, const Scenario& s, const std::vector<Window>& w,
                               const ActorProfile& actor) {
  return live_routes(c, actor_reach(s, w, actor));
}

AttackPath path_in(const Catalog& c, const std::vector<Window>& w, const ActorProfile& actor,
                   const std::vector<Reach>& routes) {
  return cheapest_path(build_attack_graph(c, w, actor, routes), c, w, actor);
}

AttackPath path_in(const Catalog& c, const Scenario& s, const std::vector<Window>& w,
                   const ActorProfile& actor) {
  return path_in(c, w, actor, actor_reach(s, w, actor));
}

std::string route_name(const RouteKey& k) { return k.second + " at " + k.first; }

// The first few of a long list, then how many more: a cluster can leave thousands.
std::string brief_list(const std::vector<std::string>& v) {
  constexpr std::size_t kShown = 4;
  std::vector<std::string> head(v.begin(), v.begin() + std::min(v.size(), kShown));
  std::string out = fmt::format("{}", fmt::join(head, ", "));
  if (v.size() > kShown) out += fmt::format(" and {} more", v.size() - kShown);
  return out;
}

}  // namespace

VariantOutcome ControlVariants::outcome(const Variant& v) const {
  VariantOutcome o;
  for (const ActorProfile& a : actors_) {
    // One reach per actor and variant serves both (it walks every window and cell).
    const std::vector<Reach> reach = actor_reach(v.scenario, v.windows, a);
    o.live[a.id] = live_routes(catalog_, reach);
    o.path[a.id] = path_in(catalog_, v.windows, a, reach);
  }
  return o;
}

const VariantOutcome& ControlVariants::with(std::vector<std::string> controls) {
  std::sort(controls.begin(), controls.end());
  auto it = cache_.find(controls);
  if (it != cache_.end()) return it->second;
  // A control whose overrides this scenario rejects (GPU confidential mode where there is no
  // GPU) changes nothing here: find those one at a time and leave them out.
  if (controls.size() > 1)
    for (const std::string& id : controls) with({id});
  std::vector<std::string> sets;
  for (const Control& k : catalog_.controls)
    if (std::binary_search(controls.begin(), controls.end(), k.id) && !unfit_.count(k.id))
      for (const auto& [key, value] : k.sets) sets.push_back(key + "=" + value);
  try {
    return cache_.emplace(controls, outcome(reanalyze_(sets))).first->second;
  } catch (const InputError&) {
    if (controls.size() != 1) throw;
    unfit_.insert(controls[0]);
    return cache_.emplace(controls, outcome(reanalyze_({}))).first->second;
  }
}

MinimalDefense minimal_defense(const Catalog& c, const Scenario& scenario,
                               const std::vector<Window>& windows, const ActorProfile& actor,
                               ControlVariants& variants) {
  MinimalDefense d;
  d.actor = actor.id;
  const std::set<RouteKey> routes = live_routes(c, scenario, windows, actor);
  d.needed = !routes.empty();
  if (!d.needed) {
    d.cuttable = true;
    d.after = path_in(c, scenario, windows, actor);
    d.summary = fmt::format("{} has no path to a full copy; no control is needed", actor.name);
    return d;
  }
  // What each control closes for this actor: the routes its re-analysis no longer has.
  std::vector<std::set<RouteKey>> closed(c.controls.size());
  for (std::size_t k = 0; k < c.controls.size(); ++k) {
    const std::set<RouteKey>& left = variants.with({c.controls[k].id}).live.at(actor.id);
    for (const RouteKey& r : routes)
      if (!left.count(r)) closed[k].insert(r);
  }
  // Flow network: foothold -> capability -> window in -> window out -> goal.
  // Vertices by index (maps, not scans: a generated cluster has tens of thousands of routes).
  std::vector<std::string> caps, stages;
  std::map<std::string, std::size_t> cap_index, stage_index;
  std::vector<std::vector<const RouteKey*>> stage_routes;
  for (const RouteKey& r : routes) {
    if (cap_index.emplace(r.second, caps.size()).second) caps.push_back(r.second);
    auto [it, fresh] = stage_index.emplace(r.first, stages.size());
    if (fresh) {
      stages.push_back(r.first);
      stage_routes.emplace_back();
    }
    stage_routes[it->second].push_back(&r);
  }
  auto cap_v = [&](const std::string& id) { return 2 + cap_index.at(id); };
  auto win_in = [&](const std::string& id) { return 2 + caps.size() + 2 * stage_index.at(id); };
  std::vector<CutEdge> edges;
  std::vector<int> edge_control;  // the cheapest control that removes the edge, -1 none
  auto cheapest = [&](auto closes) {
    int best = -1;
    for (std::size_t k = 0; k < c.controls.size(); ++k)
      if (closes(k) && (best < 0 || c.controls[k].cost < c.controls[best].cost))
        best = static_cast<int>(k);
    return best;
  };
  auto add = [&](std::size_t u, std::size_t v, int control) {
    edges.push_back({u, v, control < 0 ? kUncuttable : c.controls[control].cost});
    edge_control.push_back(control);
  };
  for (const std::string& cap : caps) add(0, cap_v(cap), -1);
  for (std::size_t j = 0; j < stages.size(); ++j) {
    const std::string& st = stages[j];
    int k = cheapest([&](std::size_t i) {
      for (const RouteKey* r : stage_routes[j])
        if (!closed[i].count(*r)) return false;
      return true;
    });
    add(win_in(st), win_in(st) + 1, k);
    add(win_in(st) + 1, 1, -1);
  }
  std::set<RouteKey> uncut;
  for (const RouteKey& r : routes) {
    int k = cheapest([&](std::size_t i) { return closed[i].count(r) > 0; });
    add(cap_v(r.second), win_in(r.first), k);
    // A route no single control closes, through a window no single control closes.
    if (k < 0 && edges[2 * stage_index.at(r.first) + caps.size()].capacity >= kUncuttable) {
      d.uncut.push_back(route_name(r));
      uncut.insert(r);
    }
  }
  // Paths nothing can cut are set aside so the cut still covers every other path.
  for (std::size_t i = 0; i < edges.size(); ++i)
    if (edges[i].capacity >= kUncuttable && edges[i].from >= 2 && edges[i].from < 2 + caps.size()) {
      const std::string& st = stages[(edges[i].to - 2 - caps.size()) / 2];
      const std::string& cap = caps[edges[i].from - 2];
      if (uncut.count({st, cap})) edges[i].capacity = 0;
    }
  MinCut cut = min_cut(2 + caps.size() + 2 * stages.size(), edges, 0, 1);
  d.cuttable = d.uncut.empty() && cut.finite;
  std::set<std::string> chosen;
  for (std::size_t i : cut.edges)
    if (edge_control[i] >= 0) chosen.insert(c.controls[edge_control[i]].id);
  // Controls interact (one may change what another closes): verify by re-analysis, add the
  // cheapest control that closes a route still open, and stop when nothing helps.
  // A reference into the variants' cache (a std::map: stable), not a copy of the set.
  auto open_routes = [&](const std::set<std::string>& ks) -> const std::set<RouteKey>& {
    return variants.with({ks.begin(), ks.end()}).live.at(actor.id);
  };
  std::set<RouteKey> left = open_routes(chosen);
  auto not_uncut = [&](const std::set<RouteKey>& s) {
    std::size_t n = 0;
    for (const RouteKey& r : s) n += !uncut.count(r);
    return n;
  };
  while (not_uncut(left) > 0) {
    int best = -1;
    std::size_t best_left = 0;
    const std::size_t now = not_uncut(left);
    for (std::size_t k = 0; k < c.controls.size(); ++k) {
      if (chosen.count(c.controls[k].id)) continue;
      std::set<std::string> trial = chosen;
      trial.insert(c.controls[k].id);
      const std::size_t n = not_uncut(open_routes(trial));
      if (n < now && (best < 0 || n < best_left ||
                      (n == best_left && c.controls[k].cost < c.controls[best].cost))) {
        best_left = n;
        best = static_cast<int>(k);
      }
    }
    if (best < 0) break;
    chosen.insert(c.controls[best].id);
    left = open_routes(chosen);
  }
  // Drop controls the result does not need, the most expensive first.
  std::vector<const Control*> order;
  for (const Control& k : c.controls)
    if (chosen.count(k.id)) order.push_back(&k);
  std::stable_sort(order.begin(), order.end(),
                   [](const Control* x, const Control* y) { return x->cost > y->cost; });
  for (const Control* k : order) {
    std::set<std::string> trial = chosen;
    trial.erase(k->id);
    if (not_uncut(open_routes(trial)) <= not_uncut(left)) chosen = trial;
  }
  left = open_routes(chosen);
  d.cuttable = d.cuttable && left.empty();
  for (const Control& k : c.controls)
    if (chosen.count(k.id)) {
      d.controls.push_back(k.id);
      d.cost += k.cost;
      ControlClosure cl{k.id, {}};
      const std::size_t idx = static_cast<std::size_t>(&k - c.controls.data());
      for (const RouteKey& r : closed[idx]) cl.closes.push_back(route_name(r));
      d.closes.push_back(std::move(cl));
    }
  d.after = variants.with(d.controls).path.at(actor.id);
  if (d.cuttable)
    d.summary = fmt::format(
        "{} (cost {:g}) cuts every path of {}",
        d.controls.empty() ? "no control" : fmt::format("{}", fmt::join(d.controls, " + ")), d.cost,
        actor.name);
  else
    d.summary = fmt::format(
        "no set of catalog controls cuts every path of {}: nothing in the catalog closes {}{}",
        actor.name, d.uncut.empty() ? std::string("the paths left") : brief_list(d.uncut),
        d.controls.empty() ? ""
                           : fmt::format("; {} (cost {:g}) cuts the others",
                                         fmt::join(d.controls, " + "), d.cost));
  return d;
}

}  // namespace plainsight
