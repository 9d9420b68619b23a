#include "hwprobe/fabric/fabric_probes.h"

#include "hwprobe/fabric/fabric_tcp_probe.h"

namespace hwprobe {

void add_fabric_probes(std::vector<std::unique_ptr<hwprobe::Probe>>& list) {
  list.push_back(std::make_unique<fabric::FabricTcpProbe>());
}

}  // namespace hwprobe
