// The hardware and trust configuration a scenario runs on, chosen from the catalog.
#pragma once

#include <map>
#include <string>

namespace plainsight {

struct Platform {
  std::string gpu;  // catalog gpu id, "" for none
  int gpus_per_node = 0;
  int nodes = 1;
  std::string cpu_tee = "none";                 // catalog cpu_tee id
  bool confidential_mode = false;               // GPU confidential-computing mode
  std::string multi_gpu_mode = "none";          // none | protected_pcie | nvlink_encryption
  std::string key_custody = "provider_kms";     // catalog key custody id
  std::map<std::string, bool> link_encryption;  // medium id -> encrypted by the scenario
};

}  // namespace plainsight
