// NCCL probes: collective bus bandwidth, single process over local GPUs or one rank per GPU under
// MPI.
#pragma once

#include <memory>
#include <vector>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

void add_nccl_probes(std::vector<std::unique_ptr<hwprobe::Probe>>& list);

}  // namespace hwprobe
