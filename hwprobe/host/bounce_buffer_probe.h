// host.bounce_buffer: the Hopper CC copy path emulated (bounce_pipeline.h), mode cc_on
// against mode cc_off over the same sizes, so the pair reads as the cost of confidential
// mode on this CPU.
#pragma once

#include "hwprobe/harness/probe.h"

namespace hwprobe {

class BounceBufferProbe final : public Probe {
 public:
  std::string key() const override { return "host.bounce_buffer"; }
  std::string suite() const override { return "host"; }
  std::string description() const override;
  Filter filter(const Environment& env) const override;
  void run(Context& ctx) override;
};

}  // namespace hwprobe
