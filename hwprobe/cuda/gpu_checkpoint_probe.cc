#include "hwprobe/cuda/gpu_checkpoint_probe.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "hwprobe/cuda/cuda_resources.h"
#include "hwprobe/gpu/gpu_environment.h"
#include "hwprobe/gpu/gpu_selection.h"
#include "hwprobe/gpu/sweep_plan.h"
#include "hwprobe/harness/free_space.h"
#include "hwprobe/harness/tracked_file.h"
#include "hwprobe/host/gcm_cipher.h"
#include "hwprobe/host/safetensors.h"
#include "hwprobe/host/secret_key.h"

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
  const std::vector<int> devices = devices_for_rank(env.gpu_count, env.world_size, env.local_rank);
  if (devices.empty()) return;  // more ranks than GPUs on this node: nothing of ours to save
  const int device = devices.front();
  const nlohmann::json common = gpu_measurement_params(env, device_name(device));
  // --max-bytes caps the tensors (the sweep's sizes, 1 GiB by default); the file adds the
  // safetensors header and a 16-byte tag per 4 MiB record (under 0.01%), which a cap on the
  // file would have used to drop the documented 1 GiB point under the default cap.
  const SweepPlan plan = plan_sweep(options, kDefaults);

  SecretKey key;
  GcmCipher cipher(key.data());
  key.wipe();
  std::uint32_t iv_fixed = 0;
  random_bytes(reinterpret_cast<unsigned char*>(&iv_fixed), sizeof iv_fixed);
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
          TrackedFile file(
              ctx, options.dir / ("plainsight-probe-gpu-ckpt-" + std::to_string(env.rank) + "-" +
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
