#include "analyze/pipeline_graph.h"

#include <algorithm>

#include <boost/graph/topological_sort.hpp>

namespace plainsight {

PipelineGraph build_pipeline_graph(const Scenario& s) {
  PipelineGraph g(s.stages.size());
  for (std::size_t f = 0; f < s.flows.size(); ++f)
    boost::add_edge(s.flows[f].from_index, s.flows[f].to_index, FlowEdge{f}, g);
  return g;
}

std::vector<std::size_t> topological_order(const PipelineGraph& g) {
  std::vector<std::size_t> order;
  order.reserve(boost::num_vertices(g));
  boost::topological_sort(g, std::back_inserter(order));
  std::reverse(order.begin(), order.end());
  return order;
}

}  // namespace plainsight
