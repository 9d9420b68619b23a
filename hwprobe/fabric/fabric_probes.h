// Fabric probes: TCP between MPI ranks (or over loopback), plain and TLS 1.3.
#pragma once

#include <memory>
#include <vector>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

void add_fabric_probes(std::vector<std::unique_ptr<hwprobe::Probe>>& list);

}  // namespace hwprobe
