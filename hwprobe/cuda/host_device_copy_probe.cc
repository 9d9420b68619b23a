#include "hwprobe/cuda/host_device_copy_probe.h"

#include <memory>

#include "hwprobe/cuda/copy_timer.h"
#include "hwprobe/gpu/copy_result.h"
#include "hwprobe/gpu/gpu_environment.h"
#include "hwprobe/gpu/gpu_selection.h"
#include "hwprobe/gpu/sweep_plan.h"
#include "hwprobe/mpi/world.h"

namespace hwprobe::cuda {
namespace {

enum class Clock { event, host };

}  // namespace

std::string HostDeviceCopyProbe::key() const {
  return direction_ == CopyDirection::host_to_device ? "cuda.h2d" : "cuda.d2h";
}

std::string HostDeviceCopyProbe::description() const {
  return std::string(direction_ == CopyDirection::host_to_device ? "host to GPU" : "GPU to host") +
         " copy-engine cudaMemcpyAsync, pinned and pageable host memory, timed by CUDA events "
         "behind a spin kernel and by the host clock";
}

Filter HostDeviceCopyProbe::filter(const Environment& env) const {
  return require_gpus(env, 1, key());
}

void HostDeviceCopyProbe::run(Context& ctx) {
  const Environment& env = ctx.environment();
  const SweepPlan plan = plan_sweep(ctx.options(), kTransferSweep);
  const std::size_t largest = plan.sizes.back();
  const bool to_device = direction_ == CopyDirection::host_to_device;
  const std::vector<int> devices = devices_for_rank(env.gpu_count, env.world_size, env.local_rank);
  const std::size_t steps = devices.size() * 2 * plan.sizes.size();
  std::size_t step = 0;
  for (int device : devices) {
    const nlohmann::json common = gpu_measurement_params(env, device_name(device));
    DeviceBuffer gpu(device, largest);
    Stream stream(device);
    CopyTimer timer({{device, stream.get()}}, env);
    for (const char* memory : {"pinned", "pageable"}) {
      const bool pinned = std::string(memory) == "pinned";
      std::unique_ptr<PinnedBuffer> pinned_host;
      std::unique_ptr<PageableBuffer> pageable_host;
      std::byte* host = nullptr;
      if (pinned) {
        pinned_host = std::make_unique<PinnedBuffer>(largest);
        host = pinned_host->get();
      } else {
        pageable_host = std::make_unique<PageableBuffer>(largest);
        host = pageable_host->get();
      }
      for (std::size_t bytes : plan.sizes) {
        const EnqueueCopy copy = [&](std::size_t) {
          check(to_device
                    ? cudaMemcpyAsync(gpu.get(), host, bytes, cudaMemcpyHostToDevice, stream.get())
                    : cudaMemcpyAsync(host, gpu.get(), bytes, cudaMemcpyDeviceToHost, stream.get()),
                "cudaMemcpyAsync");
        };
        const int copies = copies_per_sample(bytes);
        // Pageable copies wait for the host, so a spin kernel ahead of them would only time out.
        const bool spin = pinned && timer.spin_available();
        for (int i = 0; i < plan.warmups; ++i) timer.time_host(copies, copy);
        for (Clock clock : {Clock::event, Clock::host}) {
          const Trials trials = run_trials(
              plan.trials,
              [&]() -> std::optional<double> {
                if (ctx.cancelled()) throw ProbeError("cancelled");
                return clock == Clock::event ? timer.time_events(copies, copy, spin)
                                             : timer.time_host(copies, copy);
              },
              key() + " " + std::to_string(bytes) + " B");
          nlohmann::json params = copy_params(
              common,
              {bytes, clock == Clock::event ? "event" : "host", copies, spin, trials.discarded});
          params["memory"] = memory;
          params["device"] = device;
          params["engine"] = "copy_engine";
          std::vector<double> samples = per_copy_seconds(trials.batches, copies);
          ctx.record(std::move(params), std::move(samples));
        }
        ctx.progress(++step, steps);
      }
    }
  }
}

}  // namespace hwprobe::cuda
