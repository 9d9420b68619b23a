#include "hwprobe/cuda/cuda_probes.h"

#include "hwprobe/cuda/gpu_checkpoint_probe.h"
#include "hwprobe/cuda/hbm_scrub_probe.h"
#include "hwprobe/cuda/host_device_copy_probe.h"
#include "hwprobe/cuda/peer_copy_probe.h"

namespace hwprobe {

void add_cuda_probes(std::vector<std::unique_ptr<hwprobe::Probe>>& list) {
  list.push_back(std::make_unique<cuda::HostDeviceCopyProbe>(cuda::CopyDirection::host_to_device));
  list.push_back(std::make_unique<cuda::HostDeviceCopyProbe>(cuda::CopyDirection::device_to_host));
  list.push_back(std::make_unique<cuda::PeerCopyProbe>());
  list.push_back(std::make_unique<cuda::GpuCheckpointProbe>());
  list.push_back(std::make_unique<cuda::HbmScrubProbe>());
}

}  // namespace hwprobe
