// A 256-bit key that is wiped (OPENSSL_cleanse) when it goes out of scope, so key material
// never outlives the probe that made it.
#pragma once

#include <array>
#include <cstddef>

namespace hwprobe {

// Fills `out` from OpenSSL's DRBG; throws ProbeError when it fails (never unchecked bytes).
void random_bytes(unsigned char* out, std::size_t size);

class SecretKey {
 public:
  static constexpr std::size_t kBytes = 32;
  SecretKey();  // random, from RAND_bytes; throws ProbeError when the DRBG fails
  ~SecretKey();
  SecretKey(const SecretKey&) = delete;
  SecretKey& operator=(const SecretKey&) = delete;

  const unsigned char* data() const { return bytes_.data(); }
  unsigned char* data() { return bytes_.data(); }
  void wipe();

 private:
  std::array<unsigned char, kBytes> bytes_{};
};

}  // namespace hwprobe
