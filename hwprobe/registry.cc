#include "hwprobe/registry.h"

#include "hwprobe/fabric/fabric_probes.h"
#include "hwprobe/host/host_probes.h"
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
#endif
#ifdef PLAINSIGHT_HAVE_NCCL
  add_nccl_probes(list);
#endif
  add_fabric_probes(list);
  return list;
}

}  // namespace hwprobe
