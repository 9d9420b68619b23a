// The one list of probes. A new probe is added here (through its area's add_* function)
// and nowhere else.
#pragma once

#include <memory>
#include <vector>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

std::vector<std::unique_ptr<Probe>> make_all_probes();

}  // namespace hwprobe
