#include "fake_nvml.h"

#include <cstdint>
#include <cstring>

namespace hwprobe::testing {
namespace {

FakeNvml g_state;

nvml::Return copy_text(const std::string& text, char* out, unsigned length) {
  if (text.size() + 1 > length) return 7;  // NVML_ERROR_INSUFFICIENT_SIZE
  std::memcpy(out, text.c_str(), text.size() + 1);
  return nvml::kSuccess;
}

unsigned index_of(nvml::Device device) {
  return static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(device)) - 1;
}

}  // namespace

FakeNvml& fake_nvml() { return g_state; }

nvml::Api fake_nvml_api(const FakeNvml& state) {
  g_state = state;
  nvml::Api api;
  api.nvmlInit_v2 = [] { return g_state.init; };
  api.nvmlShutdown = [] {
    g_state.shut_down = true;
    return nvml::kSuccess;
  };
  api.nvmlErrorString = [](nvml::Return) { return "fake error"; };
  api.nvmlSystemGetDriverVersion = [](char* out, unsigned length) {
    return copy_text("550.54.15", out, length);
  };
  api.nvmlDeviceGetCount_v2 = [](unsigned* count) {
    *count = static_cast<unsigned>(g_state.names.size());
    return nvml::kSuccess;
  };
  api.nvmlDeviceGetHandleByIndex_v2 = [](unsigned index, nvml::Device* device) {
    *device = reinterpret_cast<nvml::Device>(static_cast<std::uintptr_t>(index + 1));
    return nvml::kSuccess;
  };
  api.nvmlDeviceGetName = [](nvml::Device device, char* out, unsigned length) {
    return copy_text(g_state.names.at(index_of(device)), out, length);
  };
  api.nvmlDeviceGetUUID = [](nvml::Device device, char* out, unsigned length) {
    return copy_text("GPU-fake-" + std::to_string(index_of(device)), out, length);
  };
  api.nvmlDeviceGetCurrPcieLinkGeneration = [](nvml::Device, unsigned* gen) {
    *gen = 5;
    return nvml::kSuccess;
  };
  api.nvmlDeviceGetCurrPcieLinkWidth = [](nvml::Device, unsigned* width) {
    *width = 16;
    return nvml::kSuccess;
  };
  api.nvmlDeviceGetNvLinkState = [](nvml::Device, unsigned link, int* active) {
    if (link >= g_state.nvlinks) return 2;  // NVML_ERROR_INVALID_ARGUMENT
    *active = link % 2 == 0 ? 1 : 0;
    return nvml::kSuccess;
  };
  api.nvmlDeviceGetP2PStatus = [](nvml::Device, nvml::Device, int, int* status) {
    *status = g_state.p2p_status;
    return nvml::kSuccess;
  };
  api.nvmlSystemGetConfComputeState = [](nvml::ConfComputeSystemState* out) {
    if (g_state.state_rc != nvml::kSuccess) return g_state.state_rc;
    *out = {g_state.environment, g_state.cc_feature, g_state.devtools};
    return nvml::kSuccess;
  };
  if (state.has_settings_call) {
    api.nvmlSystemGetConfComputeSettings = [](nvml::SystemConfComputeSettingsV1* out) {
      g_state.settings_version_seen = out->version;
      if (g_state.settings_rc != nvml::kSuccess) return g_state.settings_rc;
      out->environment = g_state.environment;
      out->ccFeature = g_state.cc_feature;
      out->devToolsMode = g_state.devtools;
      out->multiGpuMode = g_state.multi_gpu;
      return nvml::kSuccess;
    };
  }
  return api;
}

}  // namespace hwprobe::testing
