#include "analyze/minimal_defense.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <set>
#include <unordered_map>

#include "analyze/min_cut.h"
#include "analyze/parallel.h"
#include "analyze/window_reach.h"

namespace plainsight {
namespace {

// Whether a control changed what a window exposes: its state, how long, or who reads it how.
// Which rule says so may differ (a rule that names the moot key) with the same effect.
bool same_exposure(const Window& a, const Window& b) {
  if (a.state != b.state || a.decided != b.decided || a.cells.size() != b.cells.size() ||
      a.plaintext_total_s != b.plaintext_total_s ||
      a.plaintext_coverage_s != b.plaintext_coverage_s || a.resident_s != b.resident_s ||
      a.events != b.events || a.event_period_s != b.event_period_s || a.replicas != b.replicas ||
      a.custody != b.custody)
    return false;
  for (std::size_t i = 0; i < a.cells.size(); ++i) {
    const Cell &x = a.cells[i], &y = b.cells[i];
    if (x.access != y.access || x.side_channel != y.side_channel || x.reduced != y.reduced ||
        x.extracts != y.extracts || x.custody != y.custody)
      return false;
  }
  return true;
}

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

// A vertex of one actor's defence network.
struct Node {
  enum class Kind { foothold, goal, capability, window_in, window_out } kind;
  std::size_t index = 0;  // the capability's or the window's index
  auto operator<=>(const Node&) const = default;
};
Node capability_node(RouteId r, std::size_t ncap) { return {Node::Kind::capability, r % ncap}; }
Node window_in(std::size_t w) { return {Node::Kind::window_in, w}; }
Node window_out(std::size_t w) { return {Node::Kind::window_out, w}; }

// What cutting an edge takes: the cheapest control that removes it (-1: none does); a route
// edge also names its route.
struct Removal {
  int control = -1;
  bool route_edge = false;
  RouteId route = 0;
};

using DefenseNetwork = FlowNetwork<Node, Removal>;

double capacity(const Catalog& c, int control) {
  return control < 0 ? kUncuttable : c.controls[static_cast<std::size_t>(control)].cost;
}

// The cheapest control k for which closes(k) holds; -1 when none does.
template <class Closes>
int cheapest_control(const Catalog& c, Closes closes) {
  int best = -1;
  for (std::size_t k = 0; k < c.controls.size(); ++k)
    if (closes(k) && (best < 0 || c.controls[k].cost < c.controls[best].cost))
      best = static_cast<int>(k);
  return best;
}

// foothold -> capability -> window in -> window out -> goal over the routes in `ordered`: a
// route's edge costs the cheapest control that closes it (`closed`: what each control
// closes), a window's edge the cheapest that closes every route through it. `uncut` gets
// the routes no single control closes, through a window no single control closes: their
// edges are set aside, so that the cut still covers every other path.
DefenseNetwork defense_network(const Catalog& c, const std::vector<RouteId>& ordered,
                               const std::vector<Routes>& closed, Routes* uncut) {
  const std::size_t ncap = c.capabilities.size();
  DefenseNetwork net({Node::Kind::foothold, 0}, {Node::Kind::goal, 0});
  // Vertices numbered as first seen, capabilities before windows: equal-cost cuts are then
  // chosen the same way every run.
  std::vector<std::size_t> caps, windows;
  std::unordered_map<std::size_t, std::vector<RouteId>> through;  // window -> its routes
  for (RouteId r : ordered)
    if (!net.has(capability_node(r, ncap))) {
      net.vertex(capability_node(r, ncap));
      caps.push_back(r % ncap);
    }
  for (RouteId r : ordered) {
    const std::size_t w = r / ncap;
    if (!net.has(window_in(w))) {
      net.vertex(window_in(w));
      net.vertex(window_out(w));
      windows.push_back(w);
    }
    through[w].push_back(r);
  }
  for (std::size_t k : caps)
    net.add_edge({Node::Kind::foothold, 0}, {Node::Kind::capability, k}, kUncuttable, {});
  std::unordered_map<std::size_t, int> window_control;
  for (std::size_t w : windows) {
    const int k = cheapest_control(c, [&](std::size_t i) {
      for (RouteId r : through[w])
        if (!has(closed[i], r)) return false;
      return true;
    });
    window_control[w] = k;
    net.add_edge(window_in(w), window_out(w), capacity(c, k), {k});
    net.add_edge(window_out(w), {Node::Kind::goal, 0}, kUncuttable, {});
  }
  for (RouteId r : ordered) {
    const int k = cheapest_control(c, [&](std::size_t i) { return has(closed[i], r); });
    net.add_edge(capability_node(r, ncap), window_in(r / ncap), capacity(c, k), {k, true, r});
    if (k < 0 && window_control[r / ncap] < 0) uncut->push_back(r);
  }
  std::sort(uncut->begin(), uncut->end());
  net.set_capacity(
      [&](const Removal& x, double cap) {
        return x.route_edge && cap >= kUncuttable && has(*uncut, x.route);
      },
      0);
  return net;
}

}  // namespace

VariantOutcome ControlVariants::outcome(const Scenario& scenario,
                                        const std::vector<Window>& windows) const {
  // Route ids index the windows without controls; a reloaded variant whose stages differ
  // (an override renamed one) is mapped by stage id, and stages it lacks drop out.
  const std::size_t n = catalog_.capabilities.size();
  bool same = windows.size() == windows_.size();
  for (std::size_t i = 0; same && i < windows.size(); ++i)
    same = windows[i].stage == windows_[i].stage;
  std::unordered_map<std::string, std::size_t> base_index;
  if (!same)
    for (std::size_t i = 0; i < windows_.size(); ++i) base_index.emplace(windows_[i].stage, i);
  // Actors are independent: on a cluster each walks every window, so they run side by side.
  std::vector<Routes> live(actors_.size());
  std::vector<AttackPath> path(actors_.size());
  const PlaceHoldings holdings(catalog_, scenario, windows);
  parallel_for(
      actors_.size(),
      [&](std::size_t i) {
        const ActorProfile& a = actors_[i];
        // One reach per actor and variant serves both (it walks every window and cell).
        // Unreadable routes are neither live nor on a path.
        const std::vector<Reach> reach =
            actor_reach(catalog_, scenario, windows, a, true, holdings);
        live[i] = live_routes(catalog_, reach);
        if (!same) {
          Routes mapped;
          for (RouteId r : live[i]) {
            auto it = base_index.find(windows[r / n].stage);
            if (it != base_index.end()) mapped.push_back(it->second * n + r % n);
          }
          std::sort(mapped.begin(), mapped.end());
          live[i] = std::move(mapped);
        }
        path[i] = path_in(catalog_, windows, a, reach);
      },
      windows.size() < kParallelMinStages ? 1 : 0);
  VariantOutcome o;
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    o.live[actors_[i].id] = std::move(live[i]);
    o.path[actors_[i].id] = std::move(path[i]);
  }
  std::vector<bool> changed(scenario.places.size(), false);
  for (std::size_t i = 0; i < windows.size(); ++i)
    if (!same || !same_exposure(windows[i], windows_[i])) changed[windows[i].place] = true;
  for (std::size_t p = 0; p < changed.size(); ++p)
    if (changed[p]) o.changed_places.push_back(p);
  return o;
}

std::vector<Deployment> ControlVariants::effective_deployments() {
  std::vector<Deployment> out = deployments_;
  for (Deployment& d : out) {
    if (!d.deployable()) continue;
    const std::vector<std::size_t>& changed = with({d.control}).changed_places;
    std::vector<std::size_t> places;
    for (std::size_t p : d.places)
      (std::binary_search(changed.begin(), changed.end(), p) ? places : d.moot).push_back(p);
    d.places = std::move(places);
  }
  return out;
}

ControlVariants::ControlVariants(const Catalog& catalog, const Scenario& scenario,
                                 Reanalyze reanalyze, std::vector<ActorProfile> actors,
                                 const std::vector<Window>& windows)
    : catalog_(catalog),
      scenario_(scenario),
      reanalyze_(std::move(reanalyze)),
      actors_(std::move(actors)),
      windows_(windows) {
  // A control that changes no place here (none it selects offers it, the rules refuse it, the
  // scenario pins the key) is not offered.
  for (const Control& k : catalog_.controls) {
    PlatformSet p = scenario_.platforms();
    deployments_.push_back(deploy_control(catalog_, scenario_, k, p));
    if (!deployments_.back().deployable()) unfit_.insert(k.id);
  }
}

const VariantOutcome& ControlVariants::with(std::vector<std::string> controls) {
  std::sort(controls.begin(), controls.end());
  auto it = cache_.find(controls);
  if (it != cache_.end()) return *it->second;
  std::vector<std::string> deployed;
  for (const std::string& id : controls)
    if (!unfit_.count(id)) deployed.push_back(id);
  PlatformSet platforms = deploy_controls(catalog_, scenario_, deployed);
  for (const auto& [seen, o] : by_platforms_)
    if (seen == platforms) return *cache_.emplace(controls, o).first->second;
  std::shared_ptr<const VariantOutcome> o;
  if (platforms == scenario_.platforms()) {
    // Nothing changes: the scenario's own windows are the variant's.
    o = std::make_shared<const VariantOutcome>(outcome(scenario_, windows_));
  } else {
    Variant v = reanalyze_(platforms, std::move(spent_));
    o = std::make_shared<const VariantOutcome>(outcome(*v.scenario, v.windows));
    spent_ = std::move(v.windows);  // its memory serves the next variant
  }
  by_platforms_.emplace_back(std::move(platforms), o);
  return *cache_.emplace(controls, std::move(o)).first->second;
}

namespace {

// Controls interact (one may change what another closes): the cut's choice is verified by
// re-analysis; while a route is still open, the control that leaves the fewest open (the
// cheapest among equals) is added, until nothing helps. Then the controls the result does
// not need are dropped, the most expensive first. Routes in `uncut` do not count.
std::set<std::string> settle(const Catalog& c, const std::string& actor,
                             std::set<std::string> chosen, const Routes& uncut,
                             ControlVariants& variants) {
  // A reference into the variants' cache (a std::map: stable), not a copy of the routes.
  auto open_routes = [&](const std::set<std::string>& ks) -> const Routes& {
    return variants.with({ks.begin(), ks.end()}).live.at(actor);
  };
  auto left_open = [&](const std::set<std::string>& ks) {
    std::size_t n = 0;
    for (RouteId r : open_routes(ks)) n += !has(uncut, r);
    return n;
  };
  std::size_t left = left_open(chosen);
  while (left > 0) {
    int best = -1;
    std::size_t best_left = 0;
    for (std::size_t k = 0; k < c.controls.size(); ++k) {
      if (chosen.count(c.controls[k].id)) continue;
      std::set<std::string> trial = chosen;
      trial.insert(c.controls[k].id);
      const std::size_t n = left_open(trial);
      if (n < left && (best < 0 || n < best_left ||
                       (n == best_left && c.controls[k].cost < c.controls[best].cost))) {
        best_left = n;
        best = static_cast<int>(k);
      }
    }
    if (best < 0) break;
    chosen.insert(c.controls[best].id);
    left = left_open(chosen);
  }
  std::vector<const Control*> order;
  for (const Control& k : c.controls)
    if (chosen.count(k.id)) order.push_back(&k);
  std::stable_sort(order.begin(), order.end(),
                   [](const Control* x, const Control* y) { return x->cost > y->cost; });
  for (const Control* k : order) {
    std::set<std::string> trial = chosen;
    trial.erase(k->id);
    if (left_open(trial) <= left) chosen = trial;
  }
  return chosen;
}

}  // namespace

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
    return d;
  }
  const std::size_t ncap = c.capabilities.size();
  auto stage_of = [&](RouteId r) -> const std::string& { return windows[r / ncap].stage; };
  auto cap_of = [&](RouteId r) -> const std::string& { return c.capabilities[r % ncap].id; };
  auto ref = [&](RouteId r) { return RouteRef{cap_of(r), stage_of(r)}; };
  // Routes by (stage id, capability id): the order they are listed in, and the order of the
  // flow network's vertices.
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
  Routes uncut;
  const DefenseNetwork network = defense_network(c, ordered, closed, &uncut);
  const DefenseNetwork::Cut cut = network.min_cut();  // its labels point into `network`
  std::vector<RouteId> uncut_named = uncut;
  std::sort(uncut_named.begin(), uncut_named.end(), by_name);
  for (RouteId r : uncut_named) d.uncut.push_back(ref(r));
  std::set<std::string> chosen;
  for (const Removal* x : cut.labels)
    if (x->control >= 0) chosen.insert(c.controls[x->control].id);
  chosen = settle(c, actor.id, std::move(chosen), uncut, variants);
  d.cuttable = d.uncut.empty() && cut.cut.finite &&
               variants.with({chosen.begin(), chosen.end()}).live.at(actor.id).empty();
  for (std::size_t k = 0; k < c.controls.size(); ++k) {
    if (!chosen.count(c.controls[k].id)) continue;
    d.controls.push_back(c.controls[k].id);
    d.cost += c.controls[k].cost;
    std::vector<RouteId> named = closed[k];
    std::sort(named.begin(), named.end(), by_name);
    ControlClosure cl{c.controls[k].id, {}};
    for (RouteId r : named) cl.closes.push_back(ref(r));
    d.closes.push_back(std::move(cl));
  }
  const VariantOutcome& after = variants.with(d.controls);
  Routes opened;
  const Routes& left = after.live.at(actor.id);
  std::set_difference(left.begin(), left.end(), routes.begin(), routes.end(),
                      std::back_inserter(opened));
  std::sort(opened.begin(), opened.end(), by_name);
  for (RouteId r : opened) d.opens.push_back(ref(r));
  d.after = after.path.at(actor.id);
  return d;
}

}  // namespace plainsight
