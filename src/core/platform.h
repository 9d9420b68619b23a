// The hardware and trust configuration a scenario runs on, chosen from the catalog.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace plainsight {

struct Platform {
  std::string gpu;  // catalog gpu id, "" for none
  int gpus_per_node = 0;
  int nodes = 1;                   // informative: a group's count says how many nodes it stands for
  std::string cpu_tee = "none";    // catalog cpu_tee id
  bool confidential_mode = false;  // GPU confidential-computing mode
  std::string multi_gpu_mode = "none";          // none | protected_pcie | nvlink_encryption
  std::string key_custody = "provider_kms";     // catalog key custody id
  std::map<std::string, bool> link_encryption;  // medium id -> encrypted by the scenario
};

// The platforms a scenario's stages run on: the scenario's own, and that of each group that
// sets platform keys of its own (a class of nodes with confidential mode on, another
// without). A control variant changes them all together.
struct PlatformSet {
  Platform base;
  std::vector<std::optional<Platform>> groups;  // by group index; empty: the group uses `base`
  const Platform& of(int group) const {
    return group >= 0 && static_cast<std::size_t>(group) < groups.size() && groups[group]
               ? *groups[group]
               : base;
  }
};

}  // namespace plainsight
