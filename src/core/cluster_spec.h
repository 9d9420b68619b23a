// What a generated cluster scenario describes: classes of identical nodes and what they
// share (storage, key custody, links, the workload's rhythm). Options and a Slurm inventory
// (load/slurm_classes.h) fill it; write/cluster_generator.h writes it as a scenario.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/input_error.h"
#include "core/platform.h"

namespace plainsight {

// One class of identical nodes.
struct NodeClass {
  std::string id = "node";  // the group's id: [a-z0-9_.-]
  std::string name = "Node";
  std::int64_t nodes = 16;
  // What each node runs: gpu, gpus_per_node, cpu_tee, confidential_mode, multi_gpu_mode (the
  // platform keys, load/platform_keys.h); key custody and links are the cluster's.
  // (Set field by field: a designated initializer leaves link_encryption to a warning.)
  Platform platform = [] {
    Platform p;
    p.gpu = "h100";
    p.gpus_per_node = 8;
    return p;
  }();
  // The catalog offering the class runs on (aws_p5, dgx_h100); "" for custom. The scenario
  // checks the class's platform against it.
  std::string offering;
  // With an offering: the platform keys the class states itself (an option given, a Slurm
  // feature); the others are the offering's defaults.
  std::set<std::string> stated;
  std::vector<std::string> notes;  // comment lines above the class (where it came from)
  // An imported class: the inventory line of its first node (messages about the class name
  // it); empty for a class made from options.
  SourceLocation from;
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

  std::int64_t nodes() const {  // over every class
    std::int64_t n = 0;
    for (const NodeClass& k : classes) n += k.nodes;
    return n;
  }
};

}  // namespace plainsight
