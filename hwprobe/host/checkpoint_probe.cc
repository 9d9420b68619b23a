#include "hwprobe/host/checkpoint_probe.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "hwprobe/harness/free_space.h"
#include "hwprobe/harness/size_sweep.h"
#include "hwprobe/harness/tracked_file.h"
#include "hwprobe/host/gcm_cipher.h"
#include "hwprobe/host/safetensors.h"
#include "hwprobe/host/secret_key.h"
#include "hwprobe/host/staging_buffer.h"
#include "hwprobe/host/sweep_choice.h"
#include "units/visible_text.h"

namespace hwprobe {
namespace {

using Clock = std::chrono::steady_clock;
using Digest = std::array<unsigned char, 32>;

constexpr std::size_t kReadPiece = TrackedFile::kWritePiece;  // bytes per read(2) call
constexpr std::size_t kRecord = 4u << 20;  // plaintext bytes per encrypted record
constexpr std::size_t kRecordOverhead = GcmCipher::kTagBytes;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

Digest sha256(const unsigned char* p, std::size_t n) {
  Digest d{};
  unsigned int len = 0;
  if (EVP_Digest(p, n, d.data(), &len, EVP_sha256(), nullptr) != 1) {
    throw_openssl_error("SHA-256");
  }
  return d;
}

std::string errno_text(const std::string& what, const std::filesystem::path& p) {
  return what + " " + p.string() + ": " + std::strerror(errno);
}

void read_all(const Context& ctx, const std::filesystem::path& path, unsigned char* p,
              std::size_t n) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw ProbeError(errno_text("cannot reopen", path));
  std::size_t done = 0;
  while (done < n) {
    const ssize_t r = ::read(fd, p + done, std::min(kReadPiece, n - done));
    if (r < 0 && errno == EINTR && !ctx.cancelled()) continue;
    if (r <= 0) {
      const std::string msg =
          r == 0 ? "short read of " + path.string() : errno_text("cannot read", path);
      ::close(fd);
      throw ProbeError(msg);
    }
    done += static_cast<std::size_t>(r);
  }
  ::close(fd);
}

// Encrypted file: records of [ciphertext of up to kRecord bytes][16-byte tag], IV = record
// index under a key used for this one file.
std::uint64_t encrypted_size(std::uint64_t plain) {
  return plain + (plain + kRecord - 1) / kRecord * kRecordOverhead;
}

void encrypt_records(GcmCipher& c, const unsigned char* in, std::size_t n, unsigned char* out) {
  unsigned char iv[GcmCipher::kIvBytes];
  for (std::size_t off = 0, rec = 0; off < n; off += kRecord, ++rec) {
    const std::size_t len = std::min(kRecord, n - off);
    unsigned char* dst = out + off + rec * kRecordOverhead;
    make_iv(0, rec, iv);
    c.encrypt(in + off, len, dst, iv, dst + len);
  }
}

bool decrypt_records(GcmCipher& c, const unsigned char* in, std::size_t n, unsigned char* out) {
  unsigned char iv[GcmCipher::kIvBytes];
  for (std::size_t off = 0, rec = 0; off < n; off += kRecord, ++rec) {
    const std::size_t len = std::min(kRecord, n - off);
    const unsigned char* src = in + off + rec * kRecordOverhead;
    make_iv(0, rec, iv);
    if (!c.decrypt(src, len, out + off, iv, src + len)) return false;
  }
  return true;
}

// A model-like tensor set of about `bytes`: F32 matrices of 1024 columns where they fit.
std::vector<TensorSpec> make_tensors(const unsigned char* weights, std::uint64_t bytes) {
  const std::uint64_t count = std::clamp<std::uint64_t>(bytes / (4u << 20), 1, 256);
  const std::uint64_t per = bytes / count / 4 * 4;
  std::vector<TensorSpec> out;
  std::uint64_t off = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t b = i + 1 == count ? (bytes - off) / 4 * 4 : per;
    const std::uint64_t elems = b / 4;
    TensorSpec t;
    t.name = "layers." + std::to_string(i) + ".weight";
    t.dtype = "F32";
    t.shape = elems % 1024 == 0 ? std::vector<std::uint64_t>{elems / 1024, 1024}
                                : std::vector<std::uint64_t>{elems};
    t.data = weights + off;
    t.bytes = b;
    off += b;
    out.push_back(std::move(t));
  }
  return out;
}

std::filesystem::path file_name(const std::filesystem::path& dir, const char* mode) {
  static std::atomic<unsigned> seq{0};
  return dir / ("plainsight-probe-ckpt-" + std::to_string(::getpid()) + "-" +
                std::to_string(seq++) + "-" + mode + ".safetensors");
}

}  // namespace

std::string CheckpointProbe::description() const {
  return "checkpoint write to --dir in safetensors layout by phase (serialize, page-cache "
         "write, fsync, read-back SHA-256), plain and with client-side AES-256-GCM";
}

Filter CheckpointProbe::filter(const Environment&) const { return Filter::yes(); }

void CheckpointProbe::run(Context& ctx) {
  const RunOptions& o = ctx.options();
  if (!std::filesystem::is_directory(o.dir)) {
    throw ProbeError("--dir " + plainsight::units::visible_text(o.dir.string()) +
                     " is not a directory");
  }
  auto sizes = choose_sizes(o, {64u << 20, 256u << 20}, {16u << 20},
                            5);  // weights, image, sealed, read-back, opened
  const int trials = o.trials > 0 ? o.trials : (o.quick ? 3 : 5);
  const int warmups = o.quick ? 1 : std::max(o.warmups, 1);
  const std::size_t total = sizes.size() * 2;
  std::size_t done = 0;
  SecretKey key;
  GcmCipher cipher(key.data());
  key.wipe();

  for (std::uint64_t size : sizes) {
    stop_if_cancelled(ctx);
    StagingBuffer weights(size, false);
    fill_pattern(weights.data(), size, size + 3);
    const auto tensors = make_tensors(weights.data(), size);
    const std::uint64_t file_bytes = safetensors_size(safetensors_header(tensors), tensors);
    const std::uint64_t enc_bytes = encrypted_size(file_bytes);
    if (enc_bytes > o.max_bytes) continue;  // --max-bytes caps the file, not only buffers
    require_free_space(o.dir, enc_bytes);
    StagingBuffer image(file_bytes, false);
    StagingBuffer sealed(enc_bytes, false);
    StagingBuffer readback(enc_bytes, false);
    StagingBuffer opened(file_bytes, false);

    for (const char* mode : {"plain", "encrypted"}) {
      const bool enc = mode[0] == 'e';
      std::map<std::string, std::vector<double>> phases;
      for (int trial = 0; trial < warmups + trials; ++trial) {
        stop_if_cancelled(ctx);
        std::map<std::string, double> t;
        auto t0 = Clock::now();
        const std::string header = safetensors_header(tensors);
        write_safetensors(tensors, header, image.data());
        t["serialize"] = seconds_since(t0);
        const unsigned char* out = image.data();
        std::uint64_t out_bytes = file_bytes;
        if (enc) {
          t0 = Clock::now();
          encrypt_records(cipher, image.data(), file_bytes, sealed.data());
          t["encrypt"] = seconds_since(t0);
          out = sealed.data();
          out_bytes = enc_bytes;
        }
        const Digest want = sha256(image.data(), file_bytes);  // untimed reference
        {
          TrackedFile f(ctx, file_name(o.dir, mode));
          t0 = Clock::now();
          f.write_all(out, out_bytes, [&](std::uint64_t offset) {
            if (hooks_.before_write) hooks_.before_write(f.path(), offset);
          });
          t["page_cache_write"] = seconds_since(t0);
          t0 = Clock::now();
          f.sync();
          t["fsync"] = seconds_since(t0);
          t["write_fsync"] = t["page_cache_write"] + t["fsync"];
          if (hooks_.after_fsync) hooks_.after_fsync(f.path(), enc);
          // Drop the now clean pages so the read-back comes from media, not the cache.
          ::posix_fadvise(f.fd(), 0, 0, POSIX_FADV_DONTNEED);
          stop_if_cancelled(ctx);
          t0 = Clock::now();
          read_all(ctx, f.path(), readback.data(), out_bytes);
          const unsigned char* plain = readback.data();
          if (enc) {
            if (!decrypt_records(cipher, readback.data(), file_bytes, opened.data())) {
              throw ProbeError("host.checkpoint: encrypted record failed verification");
            }
            plain = opened.data();
          }
          const bool same = sha256(plain, file_bytes) == want;
          t["read_verify"] = seconds_since(t0);
          if (!same) throw ProbeError("host.checkpoint: SHA-256 of the read-back file differs");
        }
        if (trial >= warmups) {
          for (const auto& [phase, s] : t) phases[phase].push_back(s);
        }
      }
      for (const auto& [phase, samples] : phases) {
        const bool file_phase = phase != "serialize" && phase != "encrypt";
        ctx.record({{"bytes", file_phase ? (enc ? enc_bytes : file_bytes) : file_bytes},
                    {"phase", phase},
                    {"mode", mode},
                    {"threads", 1},
                    {"tensors", tensors.size()},
                    {"checkpoint_bytes", file_bytes}},
                   samples);
      }
      ctx.progress(++done, total);
    }
  }
  if (done == 0) {
    throw ProbeError("no checkpoint size fits under --max-bytes " + format_size(o.max_bytes));
  }
}

}  // namespace hwprobe
