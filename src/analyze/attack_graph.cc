#include "analyze/attack_graph.h"

#include <limits>
#include <map>

#include <fmt/format.h>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include "core/quantity.h"

namespace plainsight {

AttackGraph build_attack_graph(const Catalog& c, const std::vector<Window>& windows,
                               const ActorProfile& actor, const std::vector<Reach>& routes) {
  AttackGraph a;
  a.routes = &routes;
  auto& g = a.g;
  a.foothold =
      boost::add_vertex({AttackVertex::Kind::foothold, actor.id, actor.name + " foothold"}, g);
  std::map<std::string, std::size_t> step;
  for (const Capability& cap : c.capabilities) {
    if (!actor.fields(cap.id)) continue;
    std::size_t v = boost::add_vertex({AttackVertex::Kind::step, cap.id, cap.name}, g);
    step[cap.id] = v;
    const double t = cap.ttc.mean_s();
    if (std::isfinite(t)) boost::add_edge(a.foothold, v, {t, "ttc " + cap.ttc.text, -1}, g);
  }
  a.goal = boost::add_vertex({AttackVertex::Kind::goal, "goal", "A full copy of the weights"}, g);
  // Window vertices by window index; their names stay with the windows (a cluster has
  // tens of thousands, and only the cheapest path's one is ever shown).
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> window_vertex(windows.size(), kNone);
  std::map<const KeyStep*, std::size_t> released;  // key step -> its vertex
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const Reach& r = routes[i];
    if (!r.readable) continue;
    auto st = step.find(r.capability);
    if (st == step.end()) continue;
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
      boost::add_edge(step.at(r.key_capability), rel->second,
                      {r.key_step->ttc.mean_s(), "forge", static_cast<int>(i)}, g);
    }
    // The reading capability is worked on from the foothold, alongside the key.
    const double reader = c.capability(r.capability)->ttc.mean_s();
    boost::add_edge(
        rel->second, v,
        {std::max(0.0, reader - r.key_s) + r.window_cost_s(), "read", static_cast<int>(i)}, g);
  }
  return a;
}

AttackPath cheapest_path(const AttackGraph& a, const Catalog& c, const std::vector<Window>& windows,
                         const ActorProfile& actor) {
  AttackPath p;
  p.actor = actor.id;
  p.level = actor.level;
  p.arrival_s = 1 / actor.foothold_rate.value;
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
  if (pred[a.goal] == a.goal || !std::isfinite(dist[a.goal])) {
    p.summary = fmt::format(
        "{} has no path to a full copy: no capability it fields reads a "
        "plaintext window in full before it closes",
        actor.name);
    return p;
  }
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
  p.steps.push_back(
      {"foothold", actor.id, g[a.foothold].name, p.arrival_s,
       fmt::format("footholds arrive at {} ({}); expected wait {}", actor.foothold_rate.detail,
                   to_string(actor.foothold_rate.provenance), format_duration(p.arrival_s))});
  // The route the path reads through: the reach of the edge into its window.
  const Reach* via = nullptr;
  for (std::size_t k = 1; k < chain.size(); ++k)
    if (g[chain[k]].kind == AttackVertex::Kind::window)
      via = &(*a.routes)[edge_between(chain[k - 1], chain[k])->reach];
  for (std::size_t k = 1; k < chain.size(); ++k) {
    const AttackVertex& v = g[chain[k]];
    const AttackEdge* e = edge_between(chain[k - 1], chain[k]);
    switch (v.kind) {
      case AttackVertex::Kind::step: {
        const Capability* cap = c.capability(v.id);
        std::string detail = fmt::format("{} fields it; time to compromise {} (mean {})",
                                         actor.name, cap->ttc.text, format_duration(e->expected_s));
        if (via->key_step) {
          const Window& kw = windows[via->key_window];
          for (const Cell& cell : kw.cells)
            if (cell.capability == v.id && cell.extracts)
              detail += fmt::format("; at {} ({}) it gets the {} key: {}", kw.name, kw.location,
                                    cell.extracts->key, cell.extracts->source.says);
          p.key_capability = v.id;
        } else {
          p.capability = v.id;
        }
        p.steps.push_back({"step", v.id, v.name, e->expected_s, detail});
        break;
      }
      case AttackVertex::Kind::released: {
        const KeyStep& ks = *via->key_step;
        p.key_step = ks.id;
        p.steps.push_back({"key", ks.id, ks.name, e->expected_s,
                           fmt::format("time to compromise {} (mean {}); a key custody that "
                                       "releases its key on {} hands it out: {}",
                                       ks.ttc.text, format_duration(e->expected_s), ks.releases,
                                       ks.source.says)});
        // The reading capability, worked on alongside: only its excess over the key counts.
        const Capability* reader = c.capability(via->capability);
        const double excess = std::max(0.0, reader->ttc.mean_s() - via->key_s);
        p.capability = reader->id;
        p.steps.push_back(
            {"step", reader->id, reader->name, excess,
             fmt::format("{} fields it; time to compromise {} (mean {}), in parallel with the "
                         "key: {} beyond it",
                         actor.name, reader->ttc.text, format_duration(reader->ttc.mean_s()),
                         format_duration(excess))});
        break;
      }
      case AttackVertex::Kind::window: {
        const Window& w = windows[via->window];
        std::string why;
        for (const Cell& cell : w.cells)
          if (cell.capability == via->capability) why = cell.reason;
        p.stage = w.stage;
        const double reading = via->window_cost_s();
        std::string detail =
            via->key_step
                ? fmt::format("ciphertext to {} ({}), decrypted with the released key; {}",
                              via->capability, why, reach_reason(*via, actor))
                : fmt::format("plaintext to {} ({}); {}", via->capability, why,
                              reach_reason(*via, actor));
        if (via->reduced)
          detail +=
              fmt::format("; first {} (time to compromise {}, mean {})", via->reduced->step,
                          via->reduced->ttc.text, format_duration(via->reduced->ttc.mean_s()));
        p.steps.push_back(
            {"window", w.stage, w.name, via->key_step ? reading : e->expected_s, detail});
        break;
      }
      case AttackVertex::Kind::goal:
        p.steps.push_back({"exfiltrate", "goal", v.name, e->expected_s,
                           fmt::format("{} out at {}", format_bytes(via->bytes_needed),
                                       format_bandwidth(actor.egress_bandwidth.value))});
        break;
      case AttackVertex::Kind::foothold:
        break;
    }
  }
  const Window& w = windows[via->window];
  std::string route = c.capability(p.capability)->name;
  if (via->key_step)
    route = fmt::format("{} -> {} -> {}", c.capability(p.key_capability)->name, via->key_step->name,
                        route);
  p.summary = fmt::format("{}: {} -> {} ({}) -> a full copy out; expected {} after a foothold{}",
                          actor.name, route, w.name, w.location, format_duration(p.expected_s),
                          p.within_dwell ? ""
                                         : fmt::format(", longer than its dwell of {}",
                                                       format_duration(actor.dwell.value)));
  return p;
}

}  // namespace plainsight
