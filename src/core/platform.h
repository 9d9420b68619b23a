// The hardware and trust configuration a place runs on, chosen from the catalog.
#pragma once

#include <map>
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
  bool operator==(const Platform&) const = default;
};

// The platform of each place of a scenario (Scenario::places, by index): what a control's
// variant changes, place by place, without copying a cluster's stages.
struct PlatformSet {
  std::vector<Platform> places;
  const Platform& of(int place) const { return places[static_cast<std::size_t>(place)]; }
  bool operator==(const PlatformSet&) const = default;
};

}  // namespace plainsight
