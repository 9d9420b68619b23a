#include "hwprobe/cuda/hbm_scrub_probe.h"

#include <chrono>

#include "hwprobe/cuda/cuda_resources.h"
#include "hwprobe/gpu/gpu_environment.h"
#include "hwprobe/gpu/gpu_selection.h"
#include "hwprobe/gpu/sweep_plan.h"
#include "hwprobe/mpi/world.h"

namespace hwprobe::cuda {
namespace {

const SweepDefaults kDefaults{.min_bytes = 16 << 20,
                              .max_bytes = 1ull << 30,
                              .quick_max_bytes = 256 << 20,
                              .trials = 10,
                              .quick_trials = 3};

}  // namespace

std::string HbmScrubProbe::description() const {
  return "cudaMemset over a weights-sized HBM region (raise --max-bytes toward the model's "
         "size), timed by CUDA events and the host clock";
}

Filter HbmScrubProbe::filter(const Environment& env) const { return require_gpus(env, 1, key()); }

void HbmScrubProbe::run(Context& ctx) {
  const Environment& env = ctx.environment();
  SweepPlan plan = plan_sweep(ctx.options(), kDefaults);
  const std::vector<int> devices = devices_for_rank(env.gpu_count, env.world_size, env.local_rank);
  std::size_t step = 0;
  for (int device : devices) {
    check(cudaSetDevice(device), "cudaSetDevice");
    std::size_t free_bytes = 0, total_bytes = 0;
    check(cudaMemGetInfo(&free_bytes, &total_bytes), "cudaMemGetInfo");
    // Leave headroom for the context and other tenants of the GPU.
    const std::uint64_t fits = free_bytes / 10 * 9;
    std::vector<std::uint64_t> sizes;
    for (std::uint64_t s : plan.sizes) {
      if (s <= fits) sizes.push_back(s);
    }
    if (sizes.empty()) throw ProbeError("no scrub size fits in the GPU's free memory");
    const nlohmann::json common = gpu_measurement_params(env, device_name(device));
    DeviceBuffer region(device, sizes.back());
    Stream stream(device);
    Event start(device), stop(device);
    for (std::uint64_t bytes : sizes) {
      for (int w = 0; w < plan.warmups; ++w) {
        check(cudaMemsetAsync(region.get(), 0, bytes, stream.get()), "cudaMemsetAsync");
      }
      check(cudaStreamSynchronize(stream.get()), "cudaStreamSynchronize");
      std::vector<double> events, host;
      for (int t = 0; t < plan.trials; ++t) {
        if (ctx.cancelled()) throw ProbeError("cancelled");
        const auto t0 = std::chrono::steady_clock::now();
        check(cudaEventRecord(start.get(), stream.get()), "cudaEventRecord");
        check(cudaMemsetAsync(region.get(), 0, bytes, stream.get()), "cudaMemsetAsync");
        check(cudaEventRecord(stop.get(), stream.get()), "cudaEventRecord");
        check(cudaEventSynchronize(stop.get()), "cudaEventSynchronize");
        host.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        float ms = 0;
        check(cudaEventElapsedTime(&ms, start.get(), stop.get()), "cudaEventElapsedTime");
        events.push_back(ms / 1e3);
      }
      for (auto& [clock, samples] : {std::pair{"event", &events}, std::pair{"host", &host}}) {
        nlohmann::json params = common;
        params["bytes"] = bytes;
        params["clock"] = clock;
        params["device"] = device;
        params["device_memory_bytes"] = total_bytes;
        ctx.record(std::move(params), std::move(*samples));
      }
      ctx.progress(++step, devices.size() * sizes.size());
    }
  }
}

}  // namespace hwprobe::cuda
