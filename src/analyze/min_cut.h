// A minimum s-t cut over a small directed graph with edge capacities (Boost.Graph max-flow,
// push-relabel): the cheapest set of edges whose removal leaves no path from s to t; and a
// builder for such a graph whose vertices are named.
#pragma once

#include <cstddef>
#include <limits>
#include <map>
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

// A flow network built by name: a vertex is named by what it stands for (any ordered type)
// and numbered when first named, so callers add edges between names, never between computed
// vertex numbers. Each edge carries a label (what removing it means) that comes back with
// the cut. The source and sink are named first.
template <class Name, class Label>
class FlowNetwork {
 public:
  FlowNetwork(const Name& source, const Name& sink) {
    vertex(source);
    vertex(sink);
  }
  // Names a vertex (numbering it on first use): to fix the numbering before adding edges.
  std::size_t vertex(const Name& name) { return ids_.emplace(name, ids_.size()).first->second; }
  bool has(const Name& name) const { return ids_.count(name) > 0; }
  void add_edge(const Name& from, const Name& to, double capacity, Label label) {
    edges_.push_back({vertex(from), vertex(to), capacity});
    labels_.push_back(std::move(label));
  }
  // Sets the capacity of every edge whose label satisfies `pick`.
  template <class Pick>
  void set_capacity(Pick pick, double capacity) {
    for (std::size_t i = 0; i < edges_.size(); ++i)
      if (pick(labels_[i], edges_[i].capacity)) edges_[i].capacity = capacity;
  }
  // The minimum cut between the source and the sink, and the labels of its edges in the
  // order they were added.
  struct Cut {
    MinCut cut;
    std::vector<const Label*> labels;
  };
  Cut min_cut() const {
    Cut out{plainsight::min_cut(ids_.size(), edges_, 0, 1), {}};
    for (std::size_t i : out.cut.edges) out.labels.push_back(&labels_[i]);
    return out;
  }

 private:
  std::map<Name, std::size_t> ids_;
  std::vector<CutEdge> edges_;
  std::vector<Label> labels_;
};

}  // namespace plainsight
