// GPU side of the probe environment: detected at run time, never assumed.
#pragma once

#include <nlohmann/json.hpp>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

// Fills env.gpu_count, env.gpu_unavailable, env.cuda_compiled and env.nccl_compiled, and
// returns the GPU part of the machine identity (GPUs, driver, CUDA and NCCL versions,
// confidential-computing state, topology), or null where there is no GPU.
nlohmann::json detect_gpu_environment(Environment& env);

}  // namespace hwprobe
