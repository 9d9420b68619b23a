// fabric.tcp: what moving weights over an inter-node network costs in plain TCP and in
// TLS 1.3 (AES-GCM, software encryption). Under MPI, rank 0 pairs with every other rank in
// turn and each side times its own sends; alone, it runs over loopback against a server
// thread in the same process.
#pragma once

#include "hwprobe/harness/probe.h"

namespace hwprobe::fabric {

class FabricTcpProbe final : public Probe {
 public:
  std::string key() const override { return "fabric.tcp"; }
  std::string suite() const override { return "fabric"; }
  std::string description() const override;
  Filter filter(const Environment& env) const override;
  void run(Context& ctx) override;
};

}  // namespace hwprobe::fabric
