// Writes cluster scenarios for clusters too large to type: the input of `plainsight generate
// cluster` (from options or from a Slurm inventory) and of the scale benchmarks. A cluster is
// a few classes of identical nodes; the grouped form describes each class once with its
// count (docs/scenarios.md#groups), the expanded form lists every node, GPU and link.
#pragma once

#include <cstdint>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace plainsight {

// One class of identical nodes.
struct NodeClass {
  std::string id = "node";  // the group's id: [a-z0-9_.-]
  std::string name = "Node";
  std::int64_t nodes = 16;
  int gpus_per_node = 8;
  std::string gpu = "h100";
  std::string cpu_tee = "none";
  bool confidential_mode = false;
  std::string multi_gpu_mode = "none";
  // The catalog offering the class runs on (aws_p5, dgx_h100); "" for custom. The scenario
  // checks the class's platform against it.
  std::string offering;
  // With an offering: the platform keys the class states itself (an option given, a Slurm
  // feature); the others are the offering's defaults.
  std::set<std::string> stated;
  std::vector<std::string> notes;  // comment lines above the class (where it came from)
};

struct ClusterSpec {
  std::vector<NodeClass> classes{NodeClass{}};
  // Where checkpoints are kept: a provider's object store (the cloud form), or, on-prem, our
  // own storage servers (a shared file system) with our own key service.
  bool onprem = false;
  std::string storage_offering = "aws_s3";  // the object store's offering (cloud form)
  std::string key_custody = "provider_kms";
  double parameters = 70e9;
  std::string horizon = "30d";
  std::string checkpoint_every = "2h";
  int model_loads = 30;
  std::string fabric_link = "efa_p5";
  std::string pcie_link = "pcie_gen5_x16";
  std::string storage_link = "s3_sse_kms";            // cloud: an object store link
  std::string onprem_storage_link = "lustre_onprem";  // on-prem: a shared file system link
  std::string staging_link = "nitro_nvme_p5";
  // The medium of pcie_link: pcie, or nvlink_c2c beside an NVIDIA CPU (GB200, Vera Rubin).
  std::string cpu_gpu_medium = "pcie";
  bool onprem_hardware = false;    // the nodes' offering is hardware we run (no cloud provider)
  std::vector<std::string> notes;  // comment lines at the top (what the classes came from)

  std::int64_t nodes() const;  // over every class
};

// Per node: fabric, checkpoint buffers, staging, NVLink, and per GPU its PCIe link and HBM
// (each holding its own shard: one GPU alone is not a full copy, root on the node reads them
// all); plus one store of checkpoints shared by all, at a place of its own (a provider's object
// store, or our storage servers on-prem). The grouped form: the store, then one group per class
// (a class of identical places).
std::string cluster_scenario_yaml(const ClusterSpec& spec);

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
