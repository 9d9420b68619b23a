// The slice of NVML that plainsight calls, as a table of function pointers. NVML has no
// header on build machines, so we declare the few types ourselves (values from nvml.h) and
// load libnvidia-ml.so.1 at run time; tests fill the table with fakes.
#pragma once

#include <string>

namespace hwprobe::nvml {

using Return = int;  // nvmlReturn_t
constexpr Return kSuccess = 0;
constexpr Return kErrorNotSupported = 3;
using Device = struct DeviceOpaque*;  // nvmlDevice_t

// nvmlConfComputeSystemState_t
struct ConfComputeSystemState {
  unsigned int environment;
  unsigned int ccFeature;
  unsigned int devToolsMode;
};

// nvmlSystemConfComputeSettings_v1_t; version = sizeof | 1 << 24 (NVML_STRUCT_VERSION).
struct SystemConfComputeSettingsV1 {
  unsigned int version;
  unsigned int environment;
  unsigned int ccFeature;
  unsigned int devToolsMode;
  unsigned int multiGpuMode;
};
constexpr unsigned int kSystemConfComputeSettingsV1 =
    static_cast<unsigned int>(sizeof(SystemConfComputeSettingsV1)) | (1u << 24);

// Enum values from nvml.h.
constexpr unsigned int kCcFeatureEnabled = 1;  // NVML_CC_SYSTEM_FEATURE_ENABLED
constexpr unsigned int kDevToolsModeOn = 1;    // NVML_CC_SYSTEM_DEVTOOLS_MODE_ON
constexpr unsigned int kMultiGpuNone = 0;      // NVML_CC_SYSTEM_MULTIGPU_NONE
constexpr unsigned int kMultiGpuProtectedPcie = 1;
constexpr unsigned int kMultiGpuNvle = 2;  // NVLink encryption (Blackwell)
constexpr unsigned int kEnvironmentUnavailable = 0;
constexpr unsigned int kEnvironmentSim = 1;
constexpr unsigned int kEnvironmentProd = 2;
constexpr int kP2pCapsIndexRead = 0;  // nvmlGpuP2PCapsIndex_t
constexpr int kP2pCapsIndexWrite = 1;
constexpr int kP2pCapsIndexNvlink = 2;
constexpr int kP2pStatusOk = 0;               // nvmlGpuP2PStatus_t
constexpr unsigned int kNvlinkMaxLinks = 18;  // NVML_NVLINK_MAX_LINKS
constexpr unsigned int kStringBuffer = 96;    // >= every NVML_*_BUFFER_SIZE we use

// Functions are null where the library lacks them (older drivers lack the CC calls).
struct Api {
  std::string unavailable;  // non-empty: why there is no NVML; the pointers are null
  Return (*nvmlInit_v2)() = nullptr;
  Return (*nvmlShutdown)() = nullptr;
  const char* (*nvmlErrorString)(Return) = nullptr;
  Return (*nvmlSystemGetDriverVersion)(char*, unsigned int) = nullptr;
  Return (*nvmlDeviceGetCount_v2)(unsigned int*) = nullptr;
  Return (*nvmlDeviceGetHandleByIndex_v2)(unsigned int, Device*) = nullptr;
  Return (*nvmlDeviceGetName)(Device, char*, unsigned int) = nullptr;
  Return (*nvmlDeviceGetUUID)(Device, char*, unsigned int) = nullptr;
  Return (*nvmlDeviceGetCurrPcieLinkGeneration)(Device, unsigned int*) = nullptr;
  Return (*nvmlDeviceGetCurrPcieLinkWidth)(Device, unsigned int*) = nullptr;
  Return (*nvmlDeviceGetNvLinkState)(Device, unsigned int, int*) = nullptr;
  Return (*nvmlDeviceGetP2PStatus)(Device, Device, int, int*) = nullptr;
  Return (*nvmlSystemGetConfComputeState)(ConfComputeSystemState*) = nullptr;
  Return (*nvmlSystemGetConfComputeSettings)(SystemConfComputeSettingsV1*) = nullptr;
};

// dlopen("libnvidia-ml.so.1") once per process; the handle stays open for its life.
const Api& system_api();

}  // namespace hwprobe::nvml
