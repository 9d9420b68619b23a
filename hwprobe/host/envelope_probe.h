// host.envelope: envelope encryption as a key service and its client do it. Seal: generate
// a data key (RAND_bytes), wrap it with the key-encryption key (AES-256 key wrap, RFC
// 3394), encrypt the object with AES-256-GCM, wipe the plaintext data key
// (OPENSSL_cleanse). Open: unwrap, decrypt and verify, wipe. Reports the per-object cost of
// each side and how long the plaintext data key lived in memory (phase data_key_lifetime).
#pragma once

#include "hwprobe/harness/probe.h"

namespace hwprobe {

class EnvelopeProbe final : public Probe {
 public:
  std::string key() const override { return "host.envelope"; }
  std::string suite() const override { return "host"; }
  std::string description() const override;
  Filter filter(const Environment& env) const override;
  void run(Context& ctx) override;
};

}  // namespace hwprobe
