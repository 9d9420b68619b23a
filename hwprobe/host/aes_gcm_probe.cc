#include "hwprobe/host/aes_gcm_probe.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "hwprobe/harness/size_sweep.h"
#include "hwprobe/harness/thread_team.h"
#include "hwprobe/harness/trial_runner.h"
#include "hwprobe/host/gcm_cipher.h"
#include "hwprobe/host/secret_key.h"
#include "hwprobe/host/staging_buffer.h"
#include "hwprobe/host/sweep_choice.h"

namespace hwprobe {
namespace {

// Per thread: its own cipher contexts and buffers, so threads share nothing.
struct Lane {
  Lane(const SecretKey& key, std::size_t bytes, int index)
      : cipher(key.data()), plain(bytes, false), cipher_text(bytes, false), check(bytes, false) {
    fill_pattern(plain.data(), bytes, static_cast<std::uint64_t>(index) + 1);
    make_iv(static_cast<std::uint32_t>(index), 0, iv);
    cipher.encrypt(plain.data(), bytes, cipher_text.data(), iv, tag);
  }
  GcmCipher cipher;
  StagingBuffer plain, cipher_text, check;
  unsigned char iv[GcmCipher::kIvBytes];
  unsigned char tag[GcmCipher::kTagBytes];
  std::uint64_t counter = 1;
};

}  // namespace

std::string AesGcmProbe::description() const {
  return "AES-256-GCM encrypt/decrypt throughput (OpenSSL EVP) by chunk size and threads";
}

Filter AesGcmProbe::filter(const Environment&) const { return Filter::yes(); }

void AesGcmProbe::run(Context& ctx) {
  const RunOptions& o = ctx.options();
  const auto threads = choose_threads(o, ctx.environment());
  // Each thread holds plaintext, ciphertext and a check buffer of the chunk size: a point of
  // t threads holds 3 t chunks, and its sizes are chosen for that.
  std::vector<std::vector<std::uint64_t>> sizes_of;
  std::size_t total = 0;
  for (int t : threads) {
    sizes_of.push_back(choose_sizes(o, pow2_sweep(16, 16u << 20, 4), {16, 1024, 16384, 1u << 20},
                                    3 * static_cast<std::uint64_t>(t)));
    total += sizes_of.back().size() * 2;
  }
  const TrialPlan plan = choose_plan(o, 5, 3, 2e-3);
  std::size_t done = 0;
  SecretKey key;
  for (std::size_t k = 0; k < threads.size(); ++k) {
    const int t = threads[k];
    stop_if_cancelled(ctx);
    ThreadTeam team(t);
    for (std::uint64_t size : sizes_of[k]) {
      std::vector<std::unique_ptr<Lane>> lanes;
      for (int i = 0; i < t; ++i) {
        stop_if_cancelled(ctx);  // 600 lanes of 16 MiB take seconds to fill and encrypt
        lanes.push_back(std::make_unique<Lane>(key, size, i));
      }
      for (const char* mode : {"encrypt", "decrypt"}) {
        const bool enc = mode[0] == 'e';
        const auto body = [&](std::uint64_t n) {
          team.run([&](int i) {
            Lane& l = *lanes[static_cast<std::size_t>(i)];
            for (std::uint64_t k = 0; k < n; ++k) {
              if (enc) {
                // A fresh IV per message: GCM must never reuse one under a key.
                make_iv(static_cast<std::uint32_t>(i), l.counter++, l.iv);
                l.cipher.encrypt(l.plain.data(), size, l.cipher_text.data(), l.iv, l.tag);
              } else if (!l.cipher.decrypt(l.cipher_text.data(), size, l.check.data(), l.iv,
                                           l.tag)) {
                throw ProbeError("host.aes_gcm: tag did not verify on decrypt");
              }
            }
          });
        };
        const TrialResult r = run_trials(plan, body, [&] { return ctx.cancelled(); });
        ctx.record({{"bytes", size * static_cast<std::uint64_t>(t)},
                    {"chunk_bytes", size},
                    {"threads", t},
                    {"mode", mode},
                    {"batch", r.batch}},
                   r.samples_s);
        ctx.progress(++done, total);
      }
    }
  }
}

}  // namespace hwprobe
