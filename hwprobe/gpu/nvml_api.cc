#include "hwprobe/gpu/nvml_api.h"

#include <dlfcn.h>

namespace hwprobe::nvml {
namespace {

template <typename Fn>
void bind(void* library, const char* name, Fn& slot) {
  slot = reinterpret_cast<Fn>(dlsym(library, name));
}

Api load() {
  Api api;
  void* library = dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char* why = dlerror();
    api.unavailable =
        std::string("libnvidia-ml.so.1 not found") + (why ? std::string(": ") + why : "");
    return api;
  }
  bind(library, "nvmlInit_v2", api.nvmlInit_v2);
  bind(library, "nvmlShutdown", api.nvmlShutdown);
  bind(library, "nvmlErrorString", api.nvmlErrorString);
  bind(library, "nvmlSystemGetDriverVersion", api.nvmlSystemGetDriverVersion);
  bind(library, "nvmlDeviceGetCount_v2", api.nvmlDeviceGetCount_v2);
  bind(library, "nvmlDeviceGetHandleByIndex_v2", api.nvmlDeviceGetHandleByIndex_v2);
  bind(library, "nvmlDeviceGetName", api.nvmlDeviceGetName);
  bind(library, "nvmlDeviceGetUUID", api.nvmlDeviceGetUUID);
  bind(library, "nvmlDeviceGetCurrPcieLinkGeneration", api.nvmlDeviceGetCurrPcieLinkGeneration);
  bind(library, "nvmlDeviceGetCurrPcieLinkWidth", api.nvmlDeviceGetCurrPcieLinkWidth);
  bind(library, "nvmlDeviceGetNvLinkState", api.nvmlDeviceGetNvLinkState);
  bind(library, "nvmlDeviceGetP2PStatus", api.nvmlDeviceGetP2PStatus);
  bind(library, "nvmlSystemGetConfComputeState", api.nvmlSystemGetConfComputeState);
  bind(library, "nvmlSystemGetConfComputeSettings", api.nvmlSystemGetConfComputeSettings);
  if (api.nvmlInit_v2 == nullptr || api.nvmlShutdown == nullptr) {
    api.unavailable = "libnvidia-ml.so.1 lacks nvmlInit_v2/nvmlShutdown";
  }
  return api;
}

}  // namespace

const Api& system_api() {
  static const Api api = load();
  return api;
}

}  // namespace hwprobe::nvml
