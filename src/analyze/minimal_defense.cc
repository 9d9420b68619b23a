#include "analyze/minimal_defense.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "analyze/min_cut.h"
#include "analyze/parallel.h"
#include "analyze/window_reach.h"

namespace plainsight {
namespace {

// The routes an attack-graph edge can use: readable, with a capability that can succeed;
// ids from the windows' own indices (the caller maps them when the stages differ).
Routes live_routes(const Catalog& c, const std::vector<Reach>& reach) {
  Routes out;
  const std::size_t n = c.capabilities.size();
  for (const Reach& r : reach) {
    const Capability& cap = c.capabilities[r.capability_index];
    if (r.readable && std::isfinite(cap.ttc.mean_s()))
      out.push_back(r.window * n + r.capability_index);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool has(const Routes& s, RouteId r) { return std::binary_search(s.begin(), s.end(), r); }

AttackPath path_in(const Catalog& c, const std::vector<Window>& w, const ActorProfile& actor,
                   const std::vector<Reach>& routes) {
  return cheapest_path(build_attack_graph(c, w, actor, routes), c, w, actor);
}

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
  // Route ids index the windows without controls; a reloaded variant whose stages differ
  // (an override renamed one) is mapped by stage id, and stages it lacks drop out.
  const std::size_t n = catalog_.capabilities.size();
  bool same = v.windows.size() == windows_.size();
  for (std::size_t i = 0; same && i < v.windows.size(); ++i)
    same = v.windows[i].stage == windows_[i].stage;
  std::unordered_map<std::string, std::size_t> base_index;
  if (!same)
    for (std::size_t i = 0; i < windows_.size(); ++i) base_index.emplace(windows_[i].stage, i);
  // Actors are independent: on a cluster each walks every window, so they run side by side.
  std::vector<Routes> live(actors_.size());
  std::vector<AttackPath> path(actors_.size());
  parallel_for(
      actors_.size(),
      [&](std::size_t i) {
        const ActorProfile& a = actors_[i];
        // One reach per actor and variant serves both (it walks every window and cell).
        // Unreadable routes are neither live nor on a path.
        const std::vector<Reach> reach = actor_reach(catalog_, *v.scenario, v.windows, a, true);
        live[i] = live_routes(catalog_, reach);
        if (!same) {
          Routes mapped;
          for (RouteId r : live[i]) {
            auto it = base_index.find(v.windows[r / n].stage);
            if (it != base_index.end()) mapped.push_back(it->second * n + r % n);
          }
          std::sort(mapped.begin(), mapped.end());
          live[i] = std::move(mapped);
        }
        path[i] = path_in(catalog_, v.windows, a, reach);
      },
      v.windows.size() < kParallelMinStages ? 1 : 0);
  VariantOutcome o;
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    o.live[actors_[i].id] = std::move(live[i]);
    o.path[actors_[i].id] = std::move(path[i]);
  }
  return o;
}

const VariantOutcome& ControlVariants::remember(const std::vector<std::string>& controls,
                                                Variant v) {
  const VariantOutcome& o = cache_.emplace(controls, outcome(v)).first->second;
  spent_ = std::move(v.windows);
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
    return remember(controls, reanalyze_(sets, std::move(spent_)));
  } catch (const InputError&) {
    if (controls.size() != 1) throw;
    unfit_.insert(controls[0]);
    return remember(controls, reanalyze_({}, std::move(spent_)));
  }
}

MinimalDefense minimal_defense(const Catalog& c, const std::vector<Window>& windows,
                               const ActorProfile& actor, const std::vector<Reach>& reach,
                               ControlVariants& variants) {
  MinimalDefense d;
  d.actor = actor.id;
  const Routes routes = live_routes(c, reach);
  d.needed = !routes.empty();
  if (!d.needed) {
    d.cuttable = true;
    d.after = path_in(c, windows, actor, reach);
    d.summary = fmt::format("{} has no path to a full copy; no control is needed", actor.name);
    return d;
  }
  const std::size_t ncap = c.capabilities.size();
  auto stage_of = [&](RouteId r) -> const std::string& { return windows[r / ncap].stage; };
  auto cap_of = [&](RouteId r) -> const std::string& { return c.capabilities[r % ncap].id; };
  auto route_name = [&](RouteId r) { return cap_of(r) + " at " + stage_of(r); };
  // Routes by (stage id, capability id): the order names are listed in, and the order of
  // the flow network's vertices (equal-cost cuts are then chosen the same way every run).
  auto by_name = [&](RouteId x, RouteId y) {
    const int s = stage_of(x).compare(stage_of(y));
    return s != 0 ? s < 0 : cap_of(x) < cap_of(y);
  };
  std::vector<RouteId> ordered = routes;
  std::sort(ordered.begin(), ordered.end(), by_name);
  // What each control closes for this actor: the routes its re-analysis no longer has.
  std::vector<Routes> closed(c.controls.size());
  for (std::size_t k = 0; k < c.controls.size(); ++k) {
    const Routes& left = variants.with({c.controls[k].id}).live.at(actor.id);
    std::set_difference(routes.begin(), routes.end(), left.begin(), left.end(),
                        std::back_inserter(closed[k]));
  }
  // Flow network: foothold -> capability -> window in -> window out -> goal.
  // Vertices by index (maps, not scans: a generated cluster has tens of thousands of routes).
  std::vector<std::size_t> cap_vertex(ncap, SIZE_MAX);       // capability -> its index in caps
  std::vector<std::size_t> caps;                             // capability indices, first seen
  std::unordered_map<std::size_t, std::size_t> stage_index;  // window -> index in stages
  std::vector<std::size_t> stages;                           // window indices, first seen
  std::vector<std::vector<RouteId>> stage_routes;
  for (RouteId r : ordered) {
    const std::size_t k = r % ncap, w = r / ncap;
    if (cap_vertex[k] == SIZE_MAX) {
      cap_vertex[k] = caps.size();
      caps.push_back(k);
    }
    auto [it, fresh] = stage_index.emplace(w, stages.size());
    if (fresh) {
      stages.push_back(w);
      stage_routes.emplace_back();
    }
    stage_routes[it->second].push_back(r);
  }
  auto cap_v = [&](RouteId r) { return 2 + cap_vertex[r % ncap]; };
  auto win_in = [&](RouteId r) { return 2 + caps.size() + 2 * stage_index.at(r / ncap); };
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
  for (std::size_t i = 0; i < caps.size(); ++i) add(0, 2 + i, -1);
  for (std::size_t j = 0; j < stages.size(); ++j) {
    int k = cheapest([&](std::size_t i) {
      for (RouteId r : stage_routes[j])
        if (!has(closed[i], r)) return false;
      return true;
    });
    const std::size_t in = 2 + caps.size() + 2 * j;
    add(in, in + 1, k);
    add(in + 1, 1, -1);
  }
  Routes uncut;
  for (RouteId r : ordered) {
    int k = cheapest([&](std::size_t i) { return has(closed[i], r); });
    add(cap_v(r), win_in(r), k);
    // A route no single control closes, through a window no single control closes.
    if (k < 0 && edges[2 * stage_index.at(r / ncap) + caps.size()].capacity >= kUncuttable) {
      d.uncut.push_back(route_name(r));
      uncut.push_back(r);
    }
  }
  std::sort(uncut.begin(), uncut.end());
  // Paths nothing can cut are set aside so the cut still covers every other path.
  for (std::size_t i = 0; i < edges.size(); ++i)
    if (edges[i].capacity >= kUncuttable && edges[i].from >= 2 && edges[i].from < 2 + caps.size()) {
      const std::size_t w = stages[(edges[i].to - 2 - caps.size()) / 2];
      const std::size_t k = caps[edges[i].from - 2];
      if (has(uncut, w * ncap + k)) edges[i].capacity = 0;
    }
  MinCut cut = min_cut(2 + caps.size() + 2 * stages.size(), edges, 0, 1);
  d.cuttable = d.uncut.empty() && cut.finite;
  std::set<std::string> chosen;
  for (std::size_t i : cut.edges)
    if (edge_control[i] >= 0) chosen.insert(c.controls[edge_control[i]].id);
  // Controls interact (one may change what another closes): verify by re-analysis, add the
  // cheapest control that closes a route still open, and stop when nothing helps.
  // A reference into the variants' cache (a std::map: stable), not a copy of the routes.
  auto open_routes = [&](const std::set<std::string>& ks) -> const Routes& {
    return variants.with({ks.begin(), ks.end()}).live.at(actor.id);
  };
  auto not_uncut = [&](const Routes& s) {
    std::size_t n = 0;
    for (RouteId r : s) n += !has(uncut, r);
    return n;
  };
  std::size_t left = not_uncut(open_routes(chosen));
  while (left > 0) {
    int best = -1;
    std::size_t best_left = 0;
    for (std::size_t k = 0; k < c.controls.size(); ++k) {
      if (chosen.count(c.controls[k].id)) continue;
      std::set<std::string> trial = chosen;
      trial.insert(c.controls[k].id);
      const std::size_t n = not_uncut(open_routes(trial));
      if (n < left && (best < 0 || n < best_left ||
                       (n == best_left && c.controls[k].cost < c.controls[best].cost))) {
        best_left = n;
        best = static_cast<int>(k);
      }
    }
    if (best < 0) break;
    chosen.insert(c.controls[best].id);
    left = not_uncut(open_routes(chosen));
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
    if (not_uncut(open_routes(trial)) <= left) chosen = trial;
  }
  d.cuttable = d.cuttable && open_routes(chosen).empty();
  for (const Control& k : c.controls)
    if (chosen.count(k.id)) {
      d.controls.push_back(k.id);
      d.cost += k.cost;
      ControlClosure cl{k.id, {}};
      const std::size_t idx = static_cast<std::size_t>(&k - c.controls.data());
      std::vector<RouteId> named = closed[idx];
      std::sort(named.begin(), named.end(), by_name);
      for (RouteId r : named) cl.closes.push_back(route_name(r));
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
