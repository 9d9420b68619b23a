#include "hwprobe/cuda/gpu_checkpoint_probe.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "hwprobe/cuda/cuda_resources.h"
#include "hwprobe/gpu/gpu_environment.h"
#include "hwprobe/gpu/gpu_selection.h"
#include "hwprobe/gpu/sweep_plan.h"
#include "hwprobe/harness/free_space.h"
#include "hwprobe/host/gcm_cipher.h"
#include "hwprobe/host/safetensors.h"
#include "hwprobe/mpi/world.h"

namespace hwprobe::cuda {
namespace {

using Clock = std::chrono::steady_clock;

const SweepDefaults kDefaults{.min_bytes = 16 << 20,
                              .max_bytes = 1ull << 30,
                              .quick_max_bytes = 16 << 20,
                              .trials = 5,
                              .quick_trials = 2};
constexpr int kTensors = 8;
constexpr std::size_t kRecord = 4u << 20;  // plaintext bytes per AES-GCM record
constexpr std::size_t kWritePiece = 8u << 20;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::uint64_t sealed_size(std::uint64_t plain) {
  const std::uint64_t records = (plain + kRecord - 1) / kRecord;
  return plain + records * GcmCipher::kTagBytes;
}

// Records of kRecord bytes, each followed by its tag; IVs from a per-run counter.
void seal(GcmCipher& cipher, const unsigned char* in, std::uint64_t size, unsigned char* out,
          std::uint32_t fixed, std::uint64_t& counter) {
  unsigned char iv[GcmCipher::kIvBytes];
  for (std::uint64_t done = 0; done < size;) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kRecord, size - done));
    make_iv(fixed, counter++, iv);
    cipher.encrypt(in + done, n, out, iv, out + n);
    out += n + GcmCipher::kTagBytes;
    done += n;
  }
}

// The checkpoint file; tracked while it exists so a signal removes it too.
class CheckpointFile {
 public:
  CheckpointFile(Context& ctx, std::filesystem::path path) : ctx_(ctx), path_(std::move(path)) {
    ctx_.track_file(path_);
    fd_ = ::open(path_.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd_ < 0) {
      const std::string why = std::strerror(errno);
      ctx_.untrack_file(path_);
      throw ProbeError("cannot create " + path_.string() + ": " + why);
    }
  }
  ~CheckpointFile() {
    ::close(fd_);
    ::unlink(path_.c_str());
    ctx_.untrack_file(path_);
  }
  CheckpointFile(const CheckpointFile&) = delete;
  CheckpointFile& operator=(const CheckpointFile&) = delete;

  void write_all(const unsigned char* data, std::uint64_t size) {
    while (size > 0) {
      const ssize_t n =
          ::write(fd_, data, static_cast<std::size_t>(std::min<std::uint64_t>(size, kWritePiece)));
      if (n < 0) {
        if (errno == EINTR) continue;
        throw ProbeError("write " + path_.string() + ": " + std::strerror(errno));
      }
      data += n;
      size -= static_cast<std::uint64_t>(n);
    }
  }
  void sync() {
    if (::fsync(fd_) != 0)
      throw ProbeError("fsync " + path_.string() + ": " + std::strerror(errno));
  }

 private:
  Context& ctx_;
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace

std::string GpuCheckpointProbe::description() const {
  return "GPU tensor set to pinned host memory, safetensors serialization and write to --dir, "
         "by phase (d2h, serialize, encrypt, page_cache_write, fsync), plain and with "
         "client-side AES-256-GCM";
}

Filter GpuCheckpointProbe::filter(const Environment& env) const {
  return require_gpus(env, 1, key());
}

void GpuCheckpointProbe::run(Context& ctx) {
  const Environment& env = ctx.environment();
  const RunOptions& options = ctx.options();
  if (!std::filesystem::is_directory(options.dir)) {
    throw ProbeError("--dir " + options.dir.string() + " is not a directory");
  }
  const std::vector<int> devices =
      devices_for_rank(env.gpu_count, env.world_size, mpi::local_rank());
  if (devices.empty()) return;  // more ranks than GPUs on this node: nothing of ours to save
  const int device = devices.front();
  const nlohmann::json common = gpu_measurement_params(device_name(device));
  SweepPlan plan = plan_sweep(options, kDefaults);
  // --max-bytes caps the file, which encryption makes slightly larger than the tensors.
  std::erase_if(plan.sizes,
                [&](std::uint64_t s) { return sealed_size(s + 4096) > options.max_bytes; });
  if (plan.sizes.empty()) throw ProbeError("no checkpoint size fits under --max-bytes");

  unsigned char key[GcmCipher::kKeyBytes];
  if (RAND_bytes(key, sizeof key) != 1) throw ProbeError("RAND_bytes failed");
  GcmCipher cipher(key);
  OPENSSL_cleanse(key, sizeof key);
  std::uint32_t iv_fixed = 0;
  RAND_bytes(reinterpret_cast<unsigned char*>(&iv_fixed), sizeof iv_fixed);
  std::uint64_t iv_counter = 0;

  std::size_t step = 0;
  for (std::uint64_t size : plan.sizes) {
    const std::uint64_t per_tensor = (size / kTensors) & ~std::uint64_t{1};  // whole BF16s
    DeviceBuffer gpu(device, per_tensor * kTensors);
    check(cudaMemset(gpu.get(), 0x5a, per_tensor * kTensors), "cudaMemset");
    PinnedBuffer staging(per_tensor * kTensors);
    std::vector<TensorSpec> tensors;
    for (int t = 0; t < kTensors; ++t) {
      tensors.push_back({"layers." + std::to_string(t) + ".weight",
                         "BF16",
                         {per_tensor / 2},
                         reinterpret_cast<const unsigned char*>(staging.get() + t * per_tensor),
                         per_tensor});
    }
    const std::string header = safetensors_header(tensors);
    const std::uint64_t file_bytes = safetensors_size(header, tensors);
    const std::uint64_t sealed_bytes = sealed_size(file_bytes);
    require_free_space(options.dir, sealed_bytes);
    std::vector<unsigned char> image(file_bytes);
    std::vector<unsigned char> sealed(sealed_bytes);

    for (const char* mode : {"plain", "encrypted"}) {
      const bool encrypt = std::string(mode) == "encrypted";
      std::map<std::string, std::vector<double>> phases;
      for (int trial = 0; trial < plan.warmups + plan.trials; ++trial) {
        if (ctx.cancelled()) throw ProbeError("cancelled");
        std::map<std::string, double> t;
        const auto start = Clock::now();
        auto t0 = start;
        check(cudaSetDevice(device), "cudaSetDevice");
        for (int i = 0; i < kTensors; ++i) {
          check(cudaMemcpy(staging.get() + i * per_tensor,
                           static_cast<std::byte*>(gpu.get()) + i * per_tensor, per_tensor,
                           cudaMemcpyDeviceToHost),
                "cudaMemcpy");
        }
        t["d2h"] = seconds_since(t0);
        t0 = Clock::now();
        write_safetensors(tensors, header, image.data());
        t["serialize"] = seconds_since(t0);
        const unsigned char* out = image.data();
        std::uint64_t out_bytes = file_bytes;
        if (encrypt) {
          t0 = Clock::now();
          seal(cipher, image.data(), file_bytes, sealed.data(), iv_fixed, iv_counter);
          t["encrypt"] = seconds_since(t0);
          out = sealed.data();
          out_bytes = sealed_bytes;
        }
        {
          CheckpointFile file(
              ctx, options.dir / ("plainsight-probe-gpu-ckpt-" + std::to_string(mpi::rank()) + "-" +
                                  std::to_string(::getpid()) + "-" + mode + ".safetensors"));
          t0 = Clock::now();
          file.write_all(out, out_bytes);
          t["page_cache_write"] = seconds_since(t0);
          t0 = Clock::now();
          file.sync();
          t["fsync"] = seconds_since(t0);
          t["write_fsync"] = t["page_cache_write"] + t["fsync"];
          t["total"] = seconds_since(start);
        }
        if (trial >= plan.warmups) {
          for (const auto& [phase, s] : t) phases[phase].push_back(s);
        }
      }
      for (auto& [phase, samples] : phases) {
        const bool file_phase =
            phase == "page_cache_write" || phase == "fsync" || phase == "write_fsync";
        nlohmann::json params = common;
        params["bytes"] = phase == "d2h" ? per_tensor * kTensors
                                         : (file_phase && encrypt ? sealed_bytes : file_bytes);
        params["phase"] = phase;
        params["mode"] = mode;
        params["device"] = device;
        params["memory"] = "pinned";
        params["tensors"] = kTensors;
        params["checkpoint_bytes"] = file_bytes;
        ctx.record(std::move(params), std::move(samples));
      }
      ctx.progress(++step, plan.sizes.size() * 2);
    }
  }
}

}  // namespace hwprobe::cuda
