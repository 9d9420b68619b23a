// GPU side of the probe environment: detected at run time, never assumed.
#pragma once

#include <nlohmann/json.hpp>

#include "hwprobe/gpu/nvml_report.h"
#include "hwprobe/harness/probe.h"

namespace hwprobe {

// Fills env.gpu_count, env.gpu_unavailable, env.cuda_compiled, env.nccl_compiled and the
// node's CC state (env.gpu_cc, env.gpu_multi_gpu_mode, from `nvml`: the real library's
// report or a test's fake), and returns the GPU part of the machine identity (GPUs, driver,
// CUDA and NCCL versions, confidential-computing state, topology). Without a GPU it is
// still an object that says why: {"nvml": "libnvidia-ml.so.1 not found: ...", ...}.
nlohmann::json detect_gpu_environment(Environment& env, const NvmlReport& nvml);

// The facts every GPU result carries in its params, from the probe's environment:
// {"cc", "cc_multi_gpu", "gpu"}.
nlohmann::json gpu_measurement_params(const Environment& env, const std::string& gpu_name);

}  // namespace hwprobe
