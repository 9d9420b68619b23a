// Confidential-computing state as NVML reports it, reduced to what a measurement must
// carry: "on", "off", "devtools", "protected_pcie" or "unknown", and the multi-GPU mode.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace hwprobe {

struct CcState {
  bool known = false;        // NVML answered a CC query
  std::string unknown_why;   // why not, when !known
  unsigned environment = 0;  // NVML_CC_SYSTEM_ENVIRONMENT_*
  bool feature_enabled = false;
  bool devtools = false;
  // NVML_CC_SYSTEM_MULTIGPU_*; empty when the driver lacks nvmlSystemGetConfComputeSettings.
  std::optional<unsigned> multi_gpu_mode;
};

// "on", "off", "devtools" (CC on with developer tools: not a production guarantee),
// "protected_pcie", "unknown". A Hopper node in protected-PCIe mode reports the CC feature
// off (nvidia-smi: "CC State: OFF") with multi-GPU mode protected PCIe: its GPUs run in a
// confidential VM with NVLink traffic trusted in plaintext, which is neither plain CC off
// nor single-GPU CC on, so it gets its own label and matches a protected-PCIe scenario.
std::string cc_label(const CcState& state);
// "none", "protected_pcie", "nvlink_encryption", "unknown".
std::string multi_gpu_label(const CcState& state);
// "unavailable", "simulated", "production".
std::string environment_label(unsigned environment);
nlohmann::json to_json(const CcState& state);

}  // namespace hwprobe
