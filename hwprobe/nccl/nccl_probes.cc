#include "hwprobe/nccl/nccl_probes.h"

#include "hwprobe/nccl/nccl_collective_probe.h"

namespace hwprobe {

void add_nccl_probes(std::vector<std::unique_ptr<hwprobe::Probe>>& list) {
  for (Collective c : {Collective::all_reduce, Collective::all_gather, Collective::reduce_scatter,
                       Collective::sendrecv}) {
    list.push_back(std::make_unique<nccl::NcclCollectiveProbe>(c));
  }
}

}  // namespace hwprobe
