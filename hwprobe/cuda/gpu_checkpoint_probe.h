// cuda.checkpoint: a GPU-resident tensor set saved the way training jobs save it: copied
// to pinned host memory (phase d2h), serialized in the safetensors layout (serialize),
// optionally encrypted on the client with AES-256-GCM (encrypt), written into the page
// cache (page_cache_write) and flushed to media (fsync); the phases of host.checkpoint
// with the GPU leg in front. Each phase is a window where the weights sit in plaintext in
// one more place. Its files in --dir are removed.
#pragma once

#include "hwprobe/harness/probe.h"

namespace hwprobe::cuda {

class GpuCheckpointProbe final : public Probe {
 public:
  std::string key() const override { return "cuda.checkpoint"; }
  std::string suite() const override { return "cuda"; }
  std::string description() const override;
  Filter filter(const Environment& env) const override;
  void run(Context& ctx) override;
};

}  // namespace hwprobe::cuda
