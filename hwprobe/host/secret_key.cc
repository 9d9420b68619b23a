#include "hwprobe/host/secret_key.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

SecretKey::SecretKey() {
  if (RAND_bytes(bytes_.data(), static_cast<int>(bytes_.size())) != 1) {
    throw ProbeError("RAND_bytes failed");
  }
}

SecretKey::~SecretKey() { wipe(); }

void SecretKey::wipe() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }

}  // namespace hwprobe
