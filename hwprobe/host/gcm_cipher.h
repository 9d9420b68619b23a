// AES-256-GCM through OpenSSL EVP with contexts made once and reused, so a timed sample
// costs what the cipher costs and not context allocation (the same loop `openssl speed`
// runs). Each thread owns its own GcmCipher.
#pragma once

#include <cstddef>
#include <cstdint>

#include <openssl/evp.h>

namespace hwprobe {

class GcmCipher {
 public:
  static constexpr std::size_t kKeyBytes = 32;
  static constexpr std::size_t kIvBytes = 12;
  static constexpr std::size_t kTagBytes = 16;

  explicit GcmCipher(const unsigned char* key);  // copies the key schedule into the contexts
  ~GcmCipher();                                  // EVP_CIPHER_CTX_free wipes the schedules
  GcmCipher(const GcmCipher&) = delete;
  GcmCipher& operator=(const GcmCipher&) = delete;

  void rekey(const unsigned char* key);
  void encrypt(const unsigned char* in, std::size_t n, unsigned char* out, const unsigned char* iv,
               unsigned char* tag);
  // False when the tag does not verify; `out` then holds unverified bytes the caller must
  // discard.
  [[nodiscard]] bool decrypt(const unsigned char* in, std::size_t n, unsigned char* out,
                             const unsigned char* iv, const unsigned char* tag);

 private:
  EVP_CIPHER_CTX* enc_ = nullptr;
  EVP_CIPHER_CTX* dec_ = nullptr;
};

// 96-bit IV: 32-bit fixed field and 64-bit counter (NIST SP 800-38D deterministic
// construction), so a counter that never repeats under one key never repeats an IV.
void make_iv(std::uint32_t fixed, std::uint64_t counter, unsigned char* iv);

// The AES-256-GCM and AES-256 key-wrap ciphers, fetched once per process.
const EVP_CIPHER* aes256_gcm();
const EVP_CIPHER* aes256_wrap();

// Throws ProbeError with OpenSSL's error queue text.
[[noreturn]] void throw_openssl_error(const char* what);

}  // namespace hwprobe
