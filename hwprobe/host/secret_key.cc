#include "hwprobe/host/secret_key.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

void random_bytes(unsigned char* out, std::size_t size) {
  if (RAND_bytes(out, static_cast<int>(size)) != 1) throw ProbeError("RAND_bytes failed");
}

SecretKey::SecretKey() { random_bytes(bytes_.data(), bytes_.size()); }

SecretKey::~SecretKey() { wipe(); }

void SecretKey::wipe() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }

}  // namespace hwprobe
