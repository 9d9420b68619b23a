#include "analyze/min_cut.h"

#include <deque>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>

namespace plainsight {

MinCut min_cut(std::size_t n, const std::vector<CutEdge>& edges, std::size_t s, std::size_t t) {
  using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
  using Graph = boost::adjacency_list<
      boost::vecS, boost::vecS, boost::directedS, boost::no_property,
      boost::property<
          boost::edge_capacity_t, double,
          boost::property<boost::edge_residual_capacity_t, double,
                          boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;
  Graph g(n);
  auto cap = boost::get(boost::edge_capacity, g);
  auto rev = boost::get(boost::edge_reverse, g);
  auto res = boost::get(boost::edge_residual_capacity, g);
  for (const CutEdge& e : edges) {
    auto a = boost::add_edge(e.from, e.to, g).first;
    auto b = boost::add_edge(e.to, e.from, g).first;
    cap[a] = e.capacity;
    cap[b] = 0;
    rev[a] = b;
    rev[b] = a;
  }
  MinCut out;
  out.source_side.assign(n, false);
  if (s == t) return out;
  out.value = boost::push_relabel_max_flow(g, s, t);
  // The source side: vertices reachable from s through edges with residual capacity left.
  const double eps = 1e-9 * (1 + out.value);
  std::deque<std::size_t> queue{s};
  out.source_side[s] = true;
  while (!queue.empty()) {
    std::size_t u = queue.front();
    queue.pop_front();
    for (auto [e, end] = boost::out_edges(u, g); e != end; ++e) {
      std::size_t v = boost::target(*e, g);
      if (!out.source_side[v] && res[*e] > eps) {
        out.source_side[v] = true;
        queue.push_back(v);
      }
    }
  }
  for (std::size_t i = 0; i < edges.size(); ++i)
    if (out.source_side[edges[i].from] && !out.source_side[edges[i].to] && edges[i].capacity > 0)
      out.edges.push_back(i);
  out.finite = out.value < kUncuttable / 2;
  return out;
}

}  // namespace plainsight
