// Who measured a probe result, reduced to what matching and reports need: read from a probe
// file (load/measurement_file.h), carried by the figures it backs, said by report/.
#pragma once

#include <string>
#include <vector>

namespace plainsight {

struct MachineIdentity {
  std::string hostname;
  std::string cpu_model;
  int logical_cores = 0;
  std::string kernel;
  std::vector<std::string> gpus;  // NVML device names
  std::string cc;  // "on", "off", "devtools", "protected_pcie", "unknown"; "" without GPU info
  std::string multi_gpu_mode;  // "none", "protected_pcie", "nvlink_encryption", "unknown", ""
  std::string filesystem;      // of the directory file-writing probes used (dir.filesystem)

  friend auto operator<=>(const MachineIdentity&, const MachineIdentity&) = default;
};

}  // namespace plainsight
