// Stages and flows as a Boost.Graph graph: vertex i is scenario stage i, each edge carries
// the index of its flow.
#pragma once

#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "core/scenario.h"

namespace plainsight {

struct FlowEdge {
  std::size_t flow = 0;
};

using PipelineGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                            boost::no_property, FlowEdge>;

PipelineGraph build_pipeline_graph(const Scenario& scenario);
// Stages in flow order (sources first); the loader has already rejected cycles.
std::vector<std::size_t> topological_order(const PipelineGraph& g);

}  // namespace plainsight
