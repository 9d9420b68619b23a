// An NVML stand-in: a table of functions answering from one global FakeNvml, so tests
// drive every confidential-computing state without a GPU or driver.
#pragma once

#include <string>
#include <vector>

#include "hwprobe/gpu/nvml_api.h"

namespace hwprobe::testing {

struct FakeNvml {
  nvml::Return init = nvml::kSuccess;
  bool has_settings_call = true;  // drivers before CC settings lack it
  nvml::Return settings_rc = nvml::kSuccess;
  nvml::Return state_rc = nvml::kSuccess;
  unsigned environment = nvml::kEnvironmentProd;
  unsigned cc_feature = 0;
  unsigned devtools = 0;
  unsigned multi_gpu = nvml::kMultiGpuNone;
  std::vector<std::string> names = {"NVIDIA H100 80GB HBM3", "NVIDIA H100 80GB HBM3"};
  unsigned nvlinks = 18;
  int p2p_status = nvml::kP2pStatusOk;
  // What the library saw, for assertions.
  unsigned settings_version_seen = 0;
  bool shut_down = false;
};

// Resets the global fake to `state` and returns a table wired to it.
nvml::Api fake_nvml_api(const FakeNvml& state);
FakeNvml& fake_nvml();

}  // namespace hwprobe::testing
