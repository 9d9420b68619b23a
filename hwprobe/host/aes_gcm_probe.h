// host.aes_gcm: AES-256-GCM encrypt and decrypt throughput by chunk size and threads. Each
// chunk is one GCM message (own IV and tag), as a bounce buffer or a checkpoint record is;
// decrypt verifies the tag of every chunk.
#pragma once

#include "hwprobe/harness/probe.h"

namespace hwprobe {

class AesGcmProbe final : public Probe {
 public:
  std::string key() const override { return "host.aes_gcm"; }
  std::string suite() const override { return "host"; }
  std::string description() const override;
  Filter filter(const Environment& env) const override;
  void run(Context& ctx) override;
};

}  // namespace hwprobe
