#include "analyze/attack_graph.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <boost/graph/dijkstra_shortest_paths.hpp>

namespace plainsight {

AttackGraph build_attack_graph(const Catalog& c, const std::vector<Window>& windows,
                               const ActorProfile& actor, const std::vector<Reach>& routes) {
  AttackGraph a;
  a.routes = &routes;
  auto& g = a.g;
  a.foothold =
      boost::add_vertex({AttackVertex::Kind::foothold, actor.id, actor.name + " foothold"}, g);
  // One step per capability and factor on its time to compromise (the actor's place_reach:
  // a partner's hosts easier, a provider's harder); the plain ones first, as they always were.
  std::map<std::pair<std::string, double>, std::size_t> step;
  auto add_step = [&](const Capability& cap, double factor) {
    std::size_t v = boost::add_vertex({AttackVertex::Kind::step, cap.id, cap.name}, g);
    step[{cap.id, factor}] = v;
    const double t = cap.ttc.mean_s() * factor;
    if (std::isfinite(t)) boost::add_edge(a.foothold, v, {t, "ttc " + cap.ttc.text, -1}, g);
    return v;
  };
  for (const Capability& cap : c.capabilities)
    if (actor.fields(cap.id)) add_step(cap, 1);
  a.goal = boost::add_vertex({AttackVertex::Kind::goal, "goal", "A full copy of the weights"}, g);
  // Window vertices by window index; their names stay with the windows (a cluster has
  // tens of thousands, and only the cheapest path's one is ever shown).
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> window_vertex(windows.size(), kNone);
  std::map<const KeyStep*, std::size_t> released;  // key step -> its vertex
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const Reach& r = routes[i];
    if (!r.readable) continue;
    if (!actor.fields(r.capability)) continue;
    auto st = step.find({r.capability, r.ttc_factor});
    if (st == step.end()) {
      add_step(*c.capability(r.capability), r.ttc_factor);
      st = step.find({r.capability, r.ttc_factor});
    }
    std::size_t& v = window_vertex[r.window];
    if (v == kNone) {
      v = boost::add_vertex({AttackVertex::Kind::window, {}, {}}, g);
      // Egress: the same for every capability that reads this window.
      boost::add_edge(v, a.goal, {r.egress_s, "egress", static_cast<int>(i)}, g);
    }
    if (!r.key_step) {
      const double extra = r.reduced ? r.reduced->ttc.mean_s() : 0;
      if (std::isfinite(extra))
        boost::add_edge(st->second, v, {r.window_cost_s() + extra, "read", static_cast<int>(i)}, g);
      continue;
    }
    auto [rel, fresh] = released.emplace(r.key_step, 0);
    if (fresh) {
      rel->second =
          boost::add_vertex({AttackVertex::Kind::released, r.key_step->id, r.key_step->name}, g);
      boost::add_edge(step.at({r.key_capability, 1.0}), rel->second,
                      {r.key_step->ttc.mean_s(), "forge", static_cast<int>(i)}, g);
    }
    // The reading capability is worked on from the foothold, alongside the key.
    const double reader = c.capability(r.capability)->ttc.mean_s() * r.ttc_factor;
    boost::add_edge(
        rel->second, v,
        {std::max(0.0, reader - r.key_s) + r.window_cost_s(), "read", static_cast<int>(i)}, g);
  }
  return a;
}

std::string_view to_string(PathStep::Kind k) {
  switch (k) {
    case PathStep::Kind::foothold:
      return "foothold";
    case PathStep::Kind::step:
      return "step";
    case PathStep::Kind::key:
      return "key";
    case PathStep::Kind::window:
      return "window";
    case PathStep::Kind::exfiltrate:
      return "exfiltrate";
  }
  return "";
}

AttackPath cheapest_path(const AttackGraph& a, const Catalog& c, const std::vector<Window>& windows,
                         const ActorProfile& actor) {
  using K = PathStep::Kind;
  AttackPath p;
  p.actor = actor.id;
  p.level = actor.level;
  p.arrival_s = 1 / actor.foothold_rate.value;
  p.dwell_s = actor.dwell.value;
  const auto& g = a.g;
  const std::size_t n = boost::num_vertices(g);
  std::vector<double> dist(n);
  std::vector<std::size_t> pred(n);
  boost::dijkstra_shortest_paths(g, a.foothold,
                                 boost::weight_map(boost::get(&AttackEdge::expected_s, g))
                                     .distance_map(boost::make_iterator_property_map(
                                         dist.begin(), boost::get(boost::vertex_index, g)))
                                     .predecessor_map(boost::make_iterator_property_map(
                                         pred.begin(), boost::get(boost::vertex_index, g))));
  if (pred[a.goal] == a.goal || !std::isfinite(dist[a.goal])) return p;
  p.found = true;
  p.expected_s = dist[a.goal];
  p.within_dwell = p.expected_s <= actor.dwell.value;
  std::vector<std::size_t> chain;
  for (std::size_t v = a.goal; v != a.foothold; v = pred[v]) chain.push_back(v);
  chain.push_back(a.foothold);
  std::reverse(chain.begin(), chain.end());
  auto edge_between = [&](std::size_t u, std::size_t v) {
    const AttackEdge* best = nullptr;
    for (auto [e, end] = boost::out_edges(u, g); e != end; ++e)
      if (boost::target(*e, g) == v && (!best || g[*e].expected_s < best->expected_s))
        best = &g[*e];
    return best;
  };
  p.steps.push_back({K::foothold, actor.id, g[a.foothold].name, p.arrival_s});
  // The route the path reads through: the reach of the edge into its window.
  for (std::size_t k = 1; k < chain.size(); ++k)
    if (g[chain[k]].kind == AttackVertex::Kind::window)
      p.via = (*a.routes)[edge_between(chain[k - 1], chain[k])->reach];
  const Reach& via = p.via;
  for (std::size_t k = 1; k < chain.size(); ++k) {
    const AttackVertex& v = g[chain[k]];
    const AttackEdge* e = edge_between(chain[k - 1], chain[k]);
    switch (v.kind) {
      case AttackVertex::Kind::step:
        (via.key_step ? p.key_capability : p.capability) = v.id;
        p.steps.push_back({K::step, v.id, v.name, e->expected_s});
        break;
      case AttackVertex::Kind::released: {
        p.key_step = via.key_step->id;
        p.steps.push_back({K::key, via.key_step->id, via.key_step->name, e->expected_s});
        // The reading capability, worked on alongside: only its excess over the key counts.
        const Capability* reader = c.capability(via.capability);
        p.capability = reader->id;
        p.steps.push_back({K::step, reader->id, reader->name,
                           std::max(0.0, reader->ttc.mean_s() * via.ttc_factor - via.key_s)});
        break;
      }
      case AttackVertex::Kind::window: {
        const Window& w = windows[via.window];
        p.stage = w.stage;
        p.location = w.location;
        p.steps.push_back(
            {K::window, w.stage, w.name, via.key_step ? via.window_cost_s() : e->expected_s});
        break;
      }
      case AttackVertex::Kind::goal:
        p.steps.push_back({K::exfiltrate, "goal", v.name, e->expected_s});
        break;
      case AttackVertex::Kind::foothold:
        break;
    }
  }
  return p;
}

}  // namespace plainsight
