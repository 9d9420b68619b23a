#include "hwprobe/registry.h"

#include "hwprobe/fabric/fabric_probes.h"
#include "hwprobe/host/host_probes.h"
#include "hwprobe/not_built_probe.h"
#ifdef PLAINSIGHT_HAVE_CUDA
#include "hwprobe/cuda/cuda_probes.h"
#endif
#ifdef PLAINSIGHT_HAVE_NCCL
#include "hwprobe/nccl/nccl_probes.h"
#endif

namespace hwprobe {

std::vector<std::unique_ptr<Probe>> make_all_probes() {
  std::vector<std::unique_ptr<Probe>> list;
  add_host_probes(list);
#ifdef PLAINSIGHT_HAVE_CUDA
  add_cuda_probes(list);
#else
  for (const char* key : {"cuda.h2d", "cuda.d2h", "cuda.peer", "cuda.checkpoint", "cuda.hbm_scrub"})
    list.push_back(std::make_unique<NotBuiltProbe>(key, "cuda", "CUDA toolkit"));
#endif
#ifdef PLAINSIGHT_HAVE_NCCL
  add_nccl_probes(list);
#else
  for (const char* key :
       {"nccl.all_reduce", "nccl.all_gather", "nccl.reduce_scatter", "nccl.sendrecv"})
    list.push_back(std::make_unique<NotBuiltProbe>(key, "nccl", "NCCL"));
#endif
  add_fabric_probes(list);
  return list;
}

}  // namespace hwprobe
