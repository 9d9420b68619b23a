// cuda.peer: copies between every pair of GPUs that CUDA says can reach each other
// (NVLink or PCIe P2P), one-way and both ways at once, with the access matrix.
#pragma once

#include "hwprobe/harness/probe.h"

namespace hwprobe::cuda {

class PeerCopyProbe final : public Probe {
 public:
  std::string key() const override { return "cuda.peer"; }
  std::string suite() const override { return "cuda"; }
  std::string description() const override;
  Filter filter(const Environment& env) const override;
  void run(Context& ctx) override;
};

}  // namespace hwprobe::cuda
