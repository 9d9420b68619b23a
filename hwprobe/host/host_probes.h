// The host suite: probes that run on any Linux machine, GPU or not.
#pragma once

#include <memory>
#include <vector>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

void add_host_probes(std::vector<std::unique_ptr<Probe>>& list);

}  // namespace hwprobe
