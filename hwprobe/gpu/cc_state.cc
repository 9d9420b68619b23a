#include "hwprobe/gpu/cc_state.h"

#include "hwprobe/gpu/nvml_api.h"

namespace hwprobe {

std::string cc_label(const CcState& state) {
  if (!state.known) return "unknown";
  if (!state.feature_enabled)
    return state.multi_gpu_mode == nvml::kMultiGpuProtectedPcie ? "protected_pcie" : "off";
  return state.devtools ? "devtools" : "on";
}

std::string multi_gpu_label(const CcState& state) {
  if (!state.known || !state.multi_gpu_mode) return "unknown";
  switch (*state.multi_gpu_mode) {
    case nvml::kMultiGpuNone:
      return "none";
    case nvml::kMultiGpuProtectedPcie:
      return "protected_pcie";
    case nvml::kMultiGpuNvle:
      return "nvlink_encryption";
    default:
      return "unknown";
  }
}

std::string environment_label(unsigned environment) {
  switch (environment) {
    case nvml::kEnvironmentUnavailable:
      return "unavailable";
    case nvml::kEnvironmentSim:
      return "simulated";
    case nvml::kEnvironmentProd:
      return "production";
    default:
      return "unknown";
  }
}

nlohmann::json to_json(const CcState& state) {
  nlohmann::json out = {{"cc", cc_label(state)}};
  if (!state.known) {
    out["reason"] = state.unknown_why;
    return out;
  }
  out["feature"] = state.feature_enabled ? "enabled" : "disabled";
  out["devtools_mode"] = state.devtools ? "on" : "off";
  out["environment"] = environment_label(state.environment);
  out["multi_gpu_mode"] = multi_gpu_label(state);
  if (state.multi_gpu_mode) out["multi_gpu_mode_raw"] = *state.multi_gpu_mode;
  return out;
}

}  // namespace hwprobe
