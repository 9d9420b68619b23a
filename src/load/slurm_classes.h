// A Slurm inventory as classes of identical nodes: same GPU model and count, same platform
// from the features the map gives a meaning (model/slurm_features.yaml). `plainsight generate
// cluster --from-slurm` writes one group per class.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/cluster_spec.h"
#include "load/slurm_feature_map.h"
#include "load/slurm_nodes.h"

namespace plainsight {

struct SlurmClasses {
  std::vector<NodeClass> classes;  // most nodes first; each with notes on its nodes
  std::vector<std::string> notes;  // what was read, what was left out and why
};

// Classes built a node at a time, so that an inventory is read once and never held:
// `file` names it in notes and messages (InputError at file:line for a node whose GPUs or
// features cannot be placed). Nodes without GPUs are counted and left out; so are nodes out
// of service (down, drained, failed, powered off) with `available_only`.
class SlurmClassBuilder {
 public:
  SlurmClassBuilder(const SlurmFeatureMap& map, std::string file, bool available_only);
  ~SlurmClassBuilder();
  void add(const SlurmNode& node);
  SlurmClasses finish() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Every node of `nodes` through a SlurmClassBuilder.
SlurmClasses slurm_node_classes(const std::vector<SlurmNode>& nodes, const SlurmFeatureMap& map,
                                const std::string& file, bool available_only);

}  // namespace plainsight
