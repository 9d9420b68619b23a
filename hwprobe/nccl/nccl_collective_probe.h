// nccl.all_reduce, nccl.all_gather, nccl.reduce_scatter, nccl.sendrecv: nccl-tests'
// measurement in-process. Float sum, size sweep, in-place and out-of-place (sendrecv
// out-of-place only: in place it would send and receive through one buffer), host clock
// over a run of back-to-back operations as nccl-tests times them, algbw and busbw in each
// result's params.
#pragma once

#include "hwprobe/harness/probe.h"
#include "hwprobe/nccl/bus_bandwidth.h"

namespace hwprobe::nccl {

class NcclCollectiveProbe final : public Probe {
 public:
  explicit NcclCollectiveProbe(Collective collective) : collective_(collective) {}
  std::string key() const override { return "nccl." + collective_name(collective_); }
  std::string suite() const override { return "nccl"; }
  std::string description() const override;
  Filter filter(const Environment& env) const override;
  void run(Context& ctx) override;

 private:
  Collective collective_;
};

}  // namespace hwprobe::nccl
