// CUDA probes: copy-engine transfers (h2d, d2h, peer), the GPU checkpoint path and HBM scrub.
#pragma once

#include <memory>
#include <vector>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

void add_cuda_probes(std::vector<std::unique_ptr<hwprobe::Probe>>& list);

}  // namespace hwprobe
