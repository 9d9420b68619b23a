// cuda.hbm_scrub: cudaMemset over a weights-sized region of HBM. After a serving replica
// ends, its weights stay readable in HBM until overwritten; this is how long the
// overwrite takes, per region size, by CUDA events and by the host clock.
#pragma once

#include "hwprobe/harness/probe.h"

namespace hwprobe::cuda {

class HbmScrubProbe final : public Probe {
 public:
  std::string key() const override { return "cuda.hbm_scrub"; }
  std::string suite() const override { return "cuda"; }
  std::string description() const override;
  Filter filter(const Environment& env) const override;
  void run(Context& ctx) override;
};

}  // namespace hwprobe::cuda
