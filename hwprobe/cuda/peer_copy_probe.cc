#include "hwprobe/cuda/peer_copy_probe.h"

#include "hwprobe/cuda/copy_timer.h"
#include "hwprobe/gpu/copy_result.h"
#include "hwprobe/gpu/gpu_environment.h"
#include "hwprobe/gpu/gpu_selection.h"
#include "hwprobe/gpu/sweep_plan.h"
#include "hwprobe/mpi/world.h"

namespace hwprobe::cuda {
namespace {

std::vector<std::vector<bool>> access_matrix(int count) {
  std::vector<std::vector<bool>> can(count, std::vector<bool>(count, false));
  for (int i = 0; i < count; ++i) {
    for (int j = 0; j < count; ++j) {
      int yes = 0;
      if (i != j) check(cudaDeviceCanAccessPeer(&yes, i, j), "cudaDeviceCanAccessPeer");
      can[i][j] = yes != 0;
    }
  }
  return can;
}

void enable_peer_access(int from, int to) {
  check(cudaSetDevice(from), "cudaSetDevice");
  const cudaError_t rc = cudaDeviceEnablePeerAccess(to, 0);
  if (rc == cudaErrorPeerAccessAlreadyEnabled) {
    cudaGetLastError();
    return;
  }
  check(rc, "cudaDeviceEnablePeerAccess");
}

}  // namespace

std::string PeerCopyProbe::description() const {
  return "GPU to GPU cudaMemcpyPeerAsync for every pair with peer access, one-way and "
         "bidirectional, timed by CUDA events behind a spin kernel and by the host clock";
}

Filter PeerCopyProbe::filter(const Environment& env) const {
  return require_gpus(env, 2, "peer copies");
}

void PeerCopyProbe::run(Context& ctx) {
  const Environment& env = ctx.environment();
  // Under MPI one rank per node measures, so ranks do not compete for the same links.
  if (env.world_size > 1 && env.local_rank != 0) return;
  const int count = env.gpu_count;
  const SweepPlan plan = plan_sweep(ctx.options(), kTransferSweep);
  const std::size_t largest = plan.sizes.back();
  const auto can = access_matrix(count);
  nlohmann::json matrix = can;
  std::vector<std::unique_ptr<DeviceBuffer>> src, dst;
  std::vector<std::unique_ptr<Stream>> streams;
  for (int d = 0; d < count; ++d) {
    src.push_back(std::make_unique<DeviceBuffer>(d, largest));
    dst.push_back(std::make_unique<DeviceBuffer>(d, largest));
    streams.push_back(std::make_unique<Stream>(d));
  }
  std::size_t pairs = 0;
  for (int i = 0; i < count; ++i)
    for (int j = 0; j < count; ++j) pairs += can[i][j] ? 1 : 0;
  const std::size_t steps = pairs * 2 * plan.sizes.size();
  std::size_t step = 0;
  for (int i = 0; i < count; ++i) {
    for (int j = 0; j < count; ++j) {
      if (!can[i][j]) continue;
      enable_peer_access(i, j);
      const bool both_ways = can[j][i];
      if (both_ways) enable_peer_access(j, i);
      const nlohmann::json common = gpu_measurement_params(env, device_name(i));
      for (const char* direction : {"unidirectional", "bidirectional"}) {
        const bool bidirectional = std::string(direction) == "bidirectional";
        if (bidirectional && !both_ways) continue;
        std::vector<Lane> lanes = {{i, streams[i]->get()}};
        if (bidirectional) lanes.push_back({j, streams[j]->get()});
        CopyTimer timer(lanes, env);
        for (std::size_t bytes : plan.sizes) {
          // Lane 0 copies i -> j on GPU i's stream; lane 1 copies j -> i on GPU j's.
          const EnqueueCopy copy = [&](std::size_t lane) {
            const int from = lane == 0 ? i : j;
            const int to = lane == 0 ? j : i;
            check(cudaSetDevice(from), "cudaSetDevice");  // issue from the stream's own device
            check(cudaMemcpyPeerAsync(dst[to]->get(), to, src[from]->get(), from, bytes,
                                      streams[from]->get()),
                  "cudaMemcpyPeerAsync");
          };
          const int copies = copies_per_sample(bytes);
          for (int w = 0; w < plan.warmups; ++w) timer.time_host(copies, copy);
          for (const char* clock : {"event", "host"}) {
            const bool events = std::string(clock) == "event";
            const Trials trials = run_trials(
                plan.trials,
                [&]() -> std::optional<double> {
                  if (ctx.cancelled()) throw ProbeError("cancelled");
                  return events ? timer.time_events(copies, copy, true)
                                : timer.time_host(copies, copy);
                },
                key() + " " + std::to_string(bytes) + " B");
            // bytes: what one sample moves, both directions' for bidirectional
            nlohmann::json params =
                copy_params(common, {bidirectional ? 2 * bytes : bytes, clock, copies,
                                     timer.spin_available(), trials.discarded});
            params["bytes_each_way"] = bytes;
            params["src"] = i;
            params["dst"] = j;
            params["direction"] = direction;
            params["access_matrix"] = matrix;
            std::vector<double> samples = per_copy_seconds(trials.batches, copies);
            ctx.record(std::move(params), std::move(samples));
          }
          ctx.progress(++step, steps);
        }
      }
    }
  }
}

}  // namespace hwprobe::cuda
