// A minimum s-t cut over a small directed graph with edge capacities (Boost.Graph max-flow,
// push-relabel): the cheapest set of edges whose removal leaves no path from s to t.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace plainsight {

struct CutEdge {
  std::size_t from = 0;
  std::size_t to = 0;
  double capacity = 0;  // kUncuttable for an edge nothing can remove
};

inline constexpr double kUncuttable = 1e15;

struct MinCut {
  double value = 0;                // total capacity of the cut
  bool finite = true;              // false when every cut needs an uncuttable edge
  std::vector<std::size_t> edges;  // indices into the input edges, ascending
  std::vector<bool> source_side;   // per vertex: still reachable from s after the cut
};

MinCut min_cut(std::size_t vertices, const std::vector<CutEdge>& edges, std::size_t s,
               std::size_t t);

}  // namespace plainsight
