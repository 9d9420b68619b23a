// cuda.h2d and cuda.d2h: copy-engine copies between host memory (pinned and pageable,
// reported apart) and one GPU's memory, per GPU this rank owns, timed by CUDA events
// behind the spin kernel and by the host clock.
#pragma once

#include "hwprobe/harness/probe.h"

namespace hwprobe::cuda {

enum class CopyDirection { host_to_device, device_to_host };

class HostDeviceCopyProbe final : public Probe {
 public:
  explicit HostDeviceCopyProbe(CopyDirection direction) : direction_(direction) {}
  std::string key() const override;
  std::string suite() const override { return "cuda"; }
  std::string description() const override;
  Filter filter(const Environment& env) const override;
  void run(Context& ctx) override;

 private:
  CopyDirection direction_;
};

}  // namespace hwprobe::cuda
