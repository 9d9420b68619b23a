// Everything NVML tells about this node's GPUs, read through an nvml::Api (the real
// library or a test's fake) into plain data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hwprobe/gpu/cc_state.h"
#include "hwprobe/gpu/nvml_api.h"

namespace hwprobe {

struct NvmlGpu {
  std::string name;
  std::string uuid;
  std::optional<unsigned> pcie_generation;
  std::optional<unsigned> pcie_width;
  std::vector<bool> nvlink_active;  // per link, up to the first link NVML rejects
};

struct NvmlReport {
  std::string unavailable;  // non-empty: NVML could not be used, and why
  std::string driver_version;
  CcState cc;
  std::vector<NvmlGpu> gpus;
  // p2p[i][j] for i != j: "ok" or NVML's reason, per capability (read, write, nvlink).
  std::vector<std::vector<nlohmann::json>> p2p;
};

NvmlReport read_nvml(const nvml::Api& api);
nlohmann::json to_json(const NvmlReport& report);

}  // namespace hwprobe
