// Writes a scenario expanded per node, GPU and link, for clusters too large to type: the
// input of `plainsight generate cluster` and of the scale benchmarks.
#pragma once

#include <string>

namespace plainsight {

struct ClusterSpec {
  int nodes = 16;
  int gpus_per_node = 8;
  std::string gpu = "h100";
  std::string cpu_tee = "none";
  bool confidential_mode = false;
  std::string multi_gpu_mode = "none";
  std::string key_custody = "provider_kms";
  double parameters = 70e9;
  std::string horizon = "30d";
  std::string checkpoint_every = "2h";
  int model_loads = 30;
  std::string fabric_link = "efa_p5";
  std::string pcie_link = "pcie_gen5_x16";
  std::string storage_link = "s3_sse_kms";
  std::string staging_link = "nitro_nvme_p5";
};

// Stages per node: fabric, checkpoint buffers, staging, NVLink, and per GPU its PCIe link and
// HBM (each holding its own shard, so one GPU alone is not a full copy); plus one object
// store. 4 + 2 x gpus_per_node stages per node, 1 more in all.
std::string cluster_scenario_yaml(const ClusterSpec& spec);

}  // namespace plainsight
