#include "hwprobe/host/envelope_probe.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>
#include <chrono>
#include <cstring>

#include "hwprobe/harness/size_sweep.h"
#include "hwprobe/host/gcm_cipher.h"
#include "hwprobe/host/secret_key.h"
#include "hwprobe/host/staging_buffer.h"
#include "hwprobe/host/sweep_choice.h"

namespace hwprobe {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kWrappedBytes = SecretKey::kBytes + 8;  // RFC 3394 adds one 64-bit block

double between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// The key-encryption key's wrap context; in a real deployment it lives in the KMS/HSM.
class KeyWrapper {
 public:
  explicit KeyWrapper(const unsigned char* kek) : ctx_(EVP_CIPHER_CTX_new()) {
    if (ctx_ == nullptr) throw_openssl_error("EVP_CIPHER_CTX_new");
    std::memcpy(kek_.data(), kek, kek_.size());
  }
  ~KeyWrapper() {
    EVP_CIPHER_CTX_free(ctx_);
    OPENSSL_cleanse(kek_.data(), kek_.size());
  }
  KeyWrapper(const KeyWrapper&) = delete;
  KeyWrapper& operator=(const KeyWrapper&) = delete;

  void wrap(const unsigned char* key, unsigned char* wrapped) {
    int len = 0, fin = 0;
    if (EVP_EncryptInit_ex(ctx_, aes256_wrap(), nullptr, kek_.data(), nullptr) != 1 ||
        EVP_EncryptUpdate(ctx_, wrapped, &len, key, SecretKey::kBytes) != 1 ||
        EVP_EncryptFinal_ex(ctx_, wrapped + len, &fin) != 1 ||
        static_cast<std::size_t>(len + fin) != kWrappedBytes) {
      throw_openssl_error("AES key wrap");
    }
  }
  void unwrap(const unsigned char* wrapped, unsigned char* key) {
    int len = 0, fin = 0;
    if (EVP_DecryptInit_ex(ctx_, aes256_wrap(), nullptr, kek_.data(), nullptr) != 1 ||
        EVP_DecryptUpdate(ctx_, key, &len, wrapped, kWrappedBytes) != 1 ||
        EVP_DecryptFinal_ex(ctx_, key + len, &fin) != 1 ||
        static_cast<std::size_t>(len + fin) != SecretKey::kBytes) {
      OPENSSL_cleanse(key, SecretKey::kBytes);
      throw_openssl_error("AES key unwrap (integrity check)");
    }
  }

 private:
  EVP_CIPHER_CTX* ctx_;
  std::array<unsigned char, SecretKey::kBytes> kek_{};
};

}  // namespace

std::string EnvelopeProbe::description() const {
  return "envelope encryption: data key generate/wrap/encrypt/unwrap/decrypt/wipe; per-object "
         "cost and plaintext data-key lifetime";
}

Filter EnvelopeProbe::filter(const Environment&) const { return Filter::yes(); }

void EnvelopeProbe::run(Context& ctx) {
  const RunOptions& o = ctx.options();
  const auto sizes = choose_sizes(o, pow2_sweep(4096, 64u << 20, 4), {4096, 1u << 20, 16u << 20},
                                  3);  // object, sealed, opened
  const int trials = o.trials > 0 ? o.trials : (o.quick ? 5 : 11);
  const int warmups = o.quick ? 1 : o.warmups;
  std::size_t done = 0;

  SecretKey kek;
  KeyWrapper wrapper(kek.data());
  kek.wipe();
  std::array<unsigned char, SecretKey::kBytes> data_key{};
  std::array<unsigned char, kWrappedBytes> wrapped{};
  std::array<unsigned char, GcmCipher::kIvBytes> iv{};
  std::array<unsigned char, GcmCipher::kTagBytes> tag{};
  GcmCipher gcm(data_key.data());  // re-keyed per object; the all-zero key is never used

  for (std::uint64_t size : sizes) {
    stop_if_cancelled(ctx);
    StagingBuffer object(size, false), sealed(size, false), opened(size, false);
    fill_pattern(object.data(), size, size);
    std::vector<double> seal, open, life_seal, life_open;
    for (int trial = 0; trial < warmups + trials; ++trial) {
      stop_if_cancelled(ctx);
      // Seal.
      const auto s0 = Clock::now();
      if (RAND_bytes(data_key.data(), static_cast<int>(data_key.size())) != 1 ||
          RAND_bytes(iv.data(), static_cast<int>(iv.size())) != 1) {
        OPENSSL_cleanse(data_key.data(), data_key.size());
        throw ProbeError("RAND_bytes failed");
      }
      const auto key_born = Clock::now();
      wrapper.wrap(data_key.data(), wrapped.data());
      gcm.rekey(data_key.data());
      gcm.encrypt(object.data(), size, sealed.data(), iv.data(), tag.data());
      OPENSSL_cleanse(data_key.data(), data_key.size());
      const auto key_wiped = Clock::now();
      // Open.
      const auto o0 = Clock::now();
      wrapper.unwrap(wrapped.data(), data_key.data());
      const auto key_back = Clock::now();
      gcm.rekey(data_key.data());
      const bool ok = gcm.decrypt(sealed.data(), size, opened.data(), iv.data(), tag.data());
      OPENSSL_cleanse(data_key.data(), data_key.size());
      const auto key_gone = Clock::now();
      gcm.rekey(data_key.data());  // leave no data-key schedule in the context
      if (!ok || std::memcmp(opened.data(), object.data(), size) != 0) {
        throw ProbeError("host.envelope: opened object differs from the sealed one");
      }
      if (trial < warmups) continue;
      seal.push_back(between(s0, key_wiped));
      open.push_back(between(o0, key_gone));
      life_seal.push_back(between(key_born, key_wiped));
      life_open.push_back(between(key_back, key_gone));
    }
    const nlohmann::json common = {{"bytes", size},
                                   {"threads", 1},
                                   {"wrap", "AES-256 key wrap (RFC 3394)"},
                                   {"cipher", "AES-256-GCM"}};
    auto with = [&](nlohmann::json extra) {
      nlohmann::json p = common;
      p.update(extra);
      return p;
    };
    ctx.record(with({{"phase", "seal"}}), seal);
    ctx.record(with({{"phase", "open"}}), open);
    ctx.record(with({{"phase", "data_key_lifetime"}, {"side", "seal"}}), life_seal);
    ctx.record(with({{"phase", "data_key_lifetime"}, {"side", "open"}}), life_open);
    ctx.progress(++done, sizes.size());
  }
}

}  // namespace hwprobe
