#include "hwprobe/gpu/gpu_selection.h"

namespace hwprobe {

Filter require_gpus(const Environment& env, int needed, const std::string& what) {
  if (!env.cuda_compiled) return Filter::no("no CUDA device: built without the CUDA toolkit");
  if (env.gpu_count <= 0) {
    return Filter::no("no CUDA device: " + (env.gpu_unavailable.empty()
                                                ? std::string("none visible")
                                                : env.gpu_unavailable));
  }
  if (env.gpu_count < needed) {
    return Filter::no(what + " need " + std::to_string(needed) + " GPUs, " +
                      std::to_string(env.gpu_count) + " visible");
  }
  return Filter::yes();
}

Filter require_nccl(const Environment& env) {
  if (Filter gpus = require_gpus(env, 1, "NCCL collectives"); !gpus.runnable) return gpus;
  if (!env.nccl_compiled) return Filter::no("built without NCCL");
  if (env.world_size <= 1 && env.gpu_count < 2) {
    return Filter::no("NCCL collectives need 2 GPUs in one process or 2 MPI ranks; 1 GPU visible");
  }
  return Filter::yes();
}

std::vector<int> devices_for_rank(int gpu_count, int world_size, int local_rank) {
  std::vector<int> out;
  if (gpu_count <= 0) return out;
  if (world_size <= 1) {
    for (int i = 0; i < gpu_count; ++i) out.push_back(i);
  } else if (local_rank >= 0 && local_rank < gpu_count) {
    out.push_back(local_rank);
  }
  return out;
}

}  // namespace hwprobe
