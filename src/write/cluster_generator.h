// Writes cluster scenarios for clusters too large to type: the input of `plainsight generate
// cluster` (from options or from a Slurm inventory) and of the scale benchmarks. A cluster is
// a few classes of identical nodes; the grouped form describes each class once with its
// count (docs/scenarios.md#groups), the expanded form lists every node, GPU and link.
#pragma once

#include <ostream>
#include <string>

#include "core/cluster_spec.h"

namespace plainsight {

// Per node: fabric, checkpoint buffers, staging, NVLink, and per GPU its PCIe link and HBM
// (each holding its own shard: one GPU alone is not a full copy, root on the node reads them
// all); plus one store of checkpoints shared by all, at a place of its own (a provider's object
// store, or our storage servers on-prem). The grouped form: the store, then one group per class
// (a class of identical places).
std::string cluster_scenario_yaml(const ClusterSpec& spec);

// The id of the group whose lines hold line `line` (1-based) of a grouped scenario written by
// cluster_scenario_yaml; "" for a line before the groups. An error in reading it back is
// about a class, not about a file that is never written.
std::string cluster_group_at_line(const std::string& yaml, int line);

// The same cluster expanded: 1 + nodes x (4 + 2 x gpus per node) stages, ids
// "<class>-<node>.<stage>" and "<class>-<node>.pcie-<gpu>" ("c2c-<gpu>" beside Grace or
// Vera; the replicas of the grouped
// form's "<class>.<stage>"). One class is written as top-level stages, each node a place of its
// own; several as one group per node (count 1), which carries the class's platform.
std::string expanded_cluster_scenario_yaml(const ClusterSpec& spec);
// The same written to `out` node by node (tens of megabytes are never held whole).
void write_expanded_cluster_scenario(std::ostream& out, const ClusterSpec& spec);

// Stages of the expanded form, and the bytes of its YAML (for refusing one too large to
// load before anything is written); past 1 GB a lower bound, not counted exactly.
double expanded_cluster_stages(const ClusterSpec& spec);
double expanded_cluster_bytes(const ClusterSpec& spec);

}  // namespace plainsight
