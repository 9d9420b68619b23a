// GPU side of the probe environment: detected at run time, never assumed.
#pragma once

#include <nlohmann/json.hpp>

#include "hwprobe/gpu/nvml_report.h"
#include "hwprobe/harness/probe.h"

namespace hwprobe {

// Fills env.gpu_count, env.gpu_unavailable, env.cuda_compiled and env.nccl_compiled, and
// returns the GPU part of the machine identity (GPUs, driver, CUDA and NCCL versions,
// confidential-computing state, topology). Without a GPU it is still an object that says
// why: {"nvml": "libnvidia-ml.so.1 not found: ...", "cuda": {"error": ...}, ...}.
nlohmann::json detect_gpu_environment(Environment& env);

// This node's NVML view, read once per process: probes stamp their results with its CC state.
const NvmlReport& node_nvml();

// The facts every GPU result carries in its params: {"cc", "cc_multi_gpu", "gpu"}.
nlohmann::json gpu_measurement_params(const std::string& gpu_name);

}  // namespace hwprobe
