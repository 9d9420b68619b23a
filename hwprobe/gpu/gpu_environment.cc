#include "hwprobe/gpu/gpu_environment.h"

#include <string>

#ifdef PLAINSIGHT_HAVE_CUDA
#include <cuda_runtime_api.h>
#endif
#ifdef PLAINSIGHT_HAVE_NCCL
#include <nccl.h>
#endif

namespace hwprobe {
namespace {

#ifdef PLAINSIGHT_HAVE_CUDA
// CUDA encodes versions as 1000 * major + 10 * minor.
std::string cuda_version_text(int version) {
  return std::to_string(version / 1000) + "." + std::to_string((version % 1000) / 10);
}
#endif

nlohmann::json detect_cuda(Environment& env) {
#ifdef PLAINSIGHT_HAVE_CUDA
  env.cuda_compiled = true;
  nlohmann::json out = {{"compiled", true}};
  int runtime = 0;
  if (cudaRuntimeGetVersion(&runtime) == cudaSuccess)
    out["runtime_version"] = cuda_version_text(runtime);
  int driver = 0;
  // 0 means no driver is installed.
  if (cudaDriverGetVersion(&driver) == cudaSuccess && driver > 0) {
    out["driver_version"] = cuda_version_text(driver);
  }
  int count = 0;  // cudaGetDeviceCount leaves it untouched on error
  const cudaError_t rc = cudaGetDeviceCount(&count);
  if (rc != cudaSuccess) {
    count = 0;
    env.gpu_unavailable = "cudaGetDeviceCount: error " + std::to_string(static_cast<int>(rc)) +
                          " (" + cudaGetErrorString(rc) + ")";
    out["error"] = env.gpu_unavailable;
    cudaGetLastError();  // reset the runtime's last error so later calls start clean
  } else if (count == 0) {
    env.gpu_unavailable = "cudaGetDeviceCount: no CUDA device";
  }
  env.gpu_count = count;
  out["device_count"] = count;
  auto devices = nlohmann::json::array();
  for (int i = 0; i < count; ++i) {
    cudaDeviceProp prop{};
    if (cudaGetDeviceProperties(&prop, i) != cudaSuccess) continue;
    devices.push_back(
        {{"index", i},
         {"name", prop.name},
         {"compute_capability", std::to_string(prop.major) + "." + std::to_string(prop.minor)},
         {"memory_bytes", prop.totalGlobalMem},
         {"pci_bus_id", std::to_string(prop.pciDomainID) + ":" + std::to_string(prop.pciBusID) +
                            ":" + std::to_string(prop.pciDeviceID)}});
  }
  out["devices"] = std::move(devices);
  return out;
#else
  env.cuda_compiled = false;
  env.gpu_count = 0;
  env.gpu_unavailable = "built without the CUDA toolkit";
  return {{"compiled", false}};
#endif
}

nlohmann::json detect_nccl(Environment& env) {
#ifdef PLAINSIGHT_HAVE_NCCL
  env.nccl_compiled = true;
  nlohmann::json out = {
      {"compiled", true},
      {"header_version", std::to_string(NCCL_MAJOR) + "." + std::to_string(NCCL_MINOR) + "." +
                             std::to_string(NCCL_PATCH)}};
  int version = 0;
  if (ncclGetVersion(&version) == ncclSuccess) {
    // NCCL_VERSION(): 1000*X+100*Y+Z up to 2.8, 10000*X+100*Y+Z after.
    const int major = version >= 10000 ? version / 10000 : version / 1000;
    const int rest = version >= 10000 ? version % 10000 : version % 1000;
    out["library_version"] =
        std::to_string(major) + "." + std::to_string(rest / 100) + "." + std::to_string(rest % 100);
  }
  return out;
#else
  env.nccl_compiled = false;
  return {{"compiled", false}};
#endif
}

}  // namespace

nlohmann::json gpu_measurement_params(const Environment& env, const std::string& gpu_name) {
  return {{"cc", env.gpu_cc}, {"cc_multi_gpu", env.gpu_multi_gpu_mode}, {"gpu", gpu_name}};
}

nlohmann::json detect_gpu_environment(Environment& env, const NvmlReport& nvml) {
  env.gpu_cc = cc_label(nvml.cc);
  env.gpu_multi_gpu_mode = multi_gpu_label(nvml.cc);
  nlohmann::json out = to_json(nvml);
  out["cuda"] = detect_cuda(env);
  out["nccl"] = detect_nccl(env);
  return out;
}

}  // namespace hwprobe
