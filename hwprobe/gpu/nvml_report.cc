#include "hwprobe/gpu/nvml_report.h"

#include <array>

namespace hwprobe {
namespace {

std::string error_text(const nvml::Api& api, nvml::Return code) {
  std::string text = "NVML error " + std::to_string(code);
  if (api.nvmlErrorString != nullptr) {
    if (const char* why = api.nvmlErrorString(code)) text += std::string(" (") + why + ")";
  }
  return text;
}

std::string p2p_status_label(int status) {
  // nvmlGpuP2PStatus_t
  static const std::array<const char*, 7> labels = {"ok",
                                                    "chipset_not_supported",
                                                    "gpu_not_supported",
                                                    "ioh_topology_not_supported",
                                                    "disabled_by_regkey",
                                                    "not_supported",
                                                    "unknown"};
  if (status >= 0 && status < static_cast<int>(labels.size())) return labels[status];
  return "unknown";
}

CcState read_cc(const nvml::Api& api) {
  CcState cc;
  // The settings call carries the multi-GPU mode; older drivers only have the state call.
  if (api.nvmlSystemGetConfComputeSettings != nullptr) {
    nvml::SystemConfComputeSettingsV1 settings{};
    settings.version = nvml::kSystemConfComputeSettingsV1;
    const nvml::Return rc = api.nvmlSystemGetConfComputeSettings(&settings);
    if (rc == nvml::kSuccess) {
      cc.known = true;
      cc.environment = settings.environment;
      cc.feature_enabled = settings.ccFeature == nvml::kCcFeatureEnabled;
      cc.devtools = settings.devToolsMode == nvml::kDevToolsModeOn;
      cc.multi_gpu_mode = settings.multiGpuMode;
      return cc;
    }
    cc.unknown_why = "nvmlSystemGetConfComputeSettings: " + error_text(api, rc);
  }
  if (api.nvmlSystemGetConfComputeState != nullptr) {
    nvml::ConfComputeSystemState state{};
    const nvml::Return rc = api.nvmlSystemGetConfComputeState(&state);
    if (rc == nvml::kSuccess) {
      cc.known = true;
      cc.unknown_why.clear();
      cc.environment = state.environment;
      cc.feature_enabled = state.ccFeature == nvml::kCcFeatureEnabled;
      cc.devtools = state.devToolsMode == nvml::kDevToolsModeOn;
      return cc;
    }
    if (!cc.unknown_why.empty()) cc.unknown_why += "; ";
    cc.unknown_why += "nvmlSystemGetConfComputeState: " + error_text(api, rc);
    return cc;
  }
  if (cc.unknown_why.empty()) cc.unknown_why = "driver has no confidential-computing query";
  return cc;
}

NvmlGpu read_gpu(const nvml::Api& api, nvml::Device device) {
  NvmlGpu gpu;
  char text[nvml::kStringBuffer] = {};
  if (api.nvmlDeviceGetName && api.nvmlDeviceGetName(device, text, sizeof text) == nvml::kSuccess) {
    gpu.name = text;
  }
  text[0] = '\0';
  if (api.nvmlDeviceGetUUID && api.nvmlDeviceGetUUID(device, text, sizeof text) == nvml::kSuccess) {
    gpu.uuid = text;
  }
  unsigned value = 0;
  if (api.nvmlDeviceGetCurrPcieLinkGeneration &&
      api.nvmlDeviceGetCurrPcieLinkGeneration(device, &value) == nvml::kSuccess) {
    gpu.pcie_generation = value;
  }
  if (api.nvmlDeviceGetCurrPcieLinkWidth &&
      api.nvmlDeviceGetCurrPcieLinkWidth(device, &value) == nvml::kSuccess) {
    gpu.pcie_width = value;
  }
  if (api.nvmlDeviceGetNvLinkState) {
    // NVML answers an error for links past the GPU's last one.
    for (unsigned link = 0; link < nvml::kNvlinkMaxLinks; ++link) {
      int active = 0;
      if (api.nvmlDeviceGetNvLinkState(device, link, &active) != nvml::kSuccess) break;
      gpu.nvlink_active.push_back(active != 0);
    }
  }
  return gpu;
}

}  // namespace

NvmlReport read_nvml(const nvml::Api& api) {
  NvmlReport report;
  if (!api.unavailable.empty()) {
    report.unavailable = api.unavailable;
    report.cc.unknown_why = api.unavailable;
    return report;
  }
  const nvml::Return init = api.nvmlInit_v2();
  if (init != nvml::kSuccess) {
    report.unavailable = "nvmlInit_v2: " + error_text(api, init);
    report.cc.unknown_why = report.unavailable;
    return report;
  }
  char text[nvml::kStringBuffer] = {};
  if (api.nvmlSystemGetDriverVersion &&
      api.nvmlSystemGetDriverVersion(text, sizeof text) == nvml::kSuccess) {
    report.driver_version = text;
  }
  report.cc = read_cc(api);
  unsigned count = 0;
  std::vector<nvml::Device> devices;
  if (api.nvmlDeviceGetCount_v2 && api.nvmlDeviceGetCount_v2(&count) == nvml::kSuccess) {
    for (unsigned i = 0; i < count; ++i) {
      nvml::Device device = nullptr;
      if (!api.nvmlDeviceGetHandleByIndex_v2 ||
          api.nvmlDeviceGetHandleByIndex_v2(i, &device) != nvml::kSuccess) {
        break;
      }
      devices.push_back(device);
      report.gpus.push_back(read_gpu(api, device));
    }
  }
  if (api.nvmlDeviceGetP2PStatus && devices.size() > 1) {
    report.p2p.assign(devices.size(), std::vector<nlohmann::json>(devices.size()));
    for (std::size_t i = 0; i < devices.size(); ++i) {
      for (std::size_t j = 0; j < devices.size(); ++j) {
        if (i == j) continue;
        nlohmann::json caps;
        for (auto [index, label] : {std::pair{nvml::kP2pCapsIndexRead, "read"},
                                    std::pair{nvml::kP2pCapsIndexWrite, "write"},
                                    std::pair{nvml::kP2pCapsIndexNvlink, "nvlink"}}) {
          int status = 0;
          const nvml::Return rc =
              api.nvmlDeviceGetP2PStatus(devices[i], devices[j], index, &status);
          caps[label] = rc == nvml::kSuccess ? p2p_status_label(status) : error_text(api, rc);
        }
        report.p2p[i][j] = std::move(caps);
      }
    }
  }
  api.nvmlShutdown();
  return report;
}

nlohmann::json to_json(const NvmlReport& report) {
  if (!report.unavailable.empty()) {
    return {{"nvml", report.unavailable}, {"confidential_computing", to_json(report.cc)}};
  }
  nlohmann::json out = {{"nvml", "ok"},
                        {"driver_version", report.driver_version},
                        {"confidential_computing", to_json(report.cc)}};
  auto gpus = nlohmann::json::array();
  for (std::size_t i = 0; i < report.gpus.size(); ++i) {
    const NvmlGpu& gpu = report.gpus[i];
    nlohmann::json entry = {{"index", i}, {"name", gpu.name}, {"uuid", gpu.uuid}};
    entry["pcie_generation"] = gpu.pcie_generation ? nlohmann::json(*gpu.pcie_generation) : nullptr;
    entry["pcie_width"] = gpu.pcie_width ? nlohmann::json(*gpu.pcie_width) : nullptr;
    auto links = nlohmann::json::array();
    for (bool active : gpu.nvlink_active) links.push_back(active ? "active" : "inactive");
    entry["nvlink"] = std::move(links);
    gpus.push_back(std::move(entry));
  }
  out["gpus"] = std::move(gpus);
  if (!report.p2p.empty()) {
    auto matrix = nlohmann::json::array();
    for (const auto& row : report.p2p) matrix.push_back(row);
    out["p2p"] = std::move(matrix);
  }
  return out;
}

}  // namespace hwprobe
