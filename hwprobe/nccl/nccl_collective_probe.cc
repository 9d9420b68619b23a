#include "hwprobe/nccl/nccl_collective_probe.h"

#include <algorithm>
#include <chrono>

#include "hwprobe/cuda/cuda_resources.h"
#include "hwprobe/fabric/fabric_class.h"
#include "hwprobe/gpu/gpu_environment.h"
#include "hwprobe/gpu/gpu_selection.h"
#include "hwprobe/gpu/sweep_plan.h"
#include "hwprobe/mpi/world.h"
#include "hwprobe/nccl/nccl_clique.h"

namespace hwprobe::nccl {
namespace {

constexpr std::uint64_t kElement = sizeof(float);

// Operations per timed sample (nccl-tests runs 20): fewer for large sizes to bound time.
int operations_per_sample(std::uint64_t bytes) {
  return static_cast<int>(std::clamp<std::uint64_t>(
      (std::uint64_t{1} << 30) / std::max<std::uint64_t>(bytes, 1), 1, 20));
}

struct Buffers {
  std::unique_ptr<cuda::DeviceBuffer> send;
  std::unique_ptr<cuda::DeviceBuffer> recv;
};

// Enqueues one collective on one member; `count` is the per-rank element count.
void launch(Collective collective, Member& m, int ranks, const Buffers& b, std::uint64_t count,
            bool in_place) {
  float* send = static_cast<float*>(b.send->get());
  float* recv = static_cast<float*>(b.recv->get());
  switch (collective) {
    case Collective::all_reduce:
      check(
          ncclAllReduce(send, in_place ? send : recv, count, ncclFloat, ncclSum, m.comm, m.stream),
          "ncclAllReduce", m.comm);
      return;
    case Collective::all_gather:
      // In place, each rank's part already sits at its slot of the output.
      check(ncclAllGather(in_place ? recv + m.rank * count : send, recv, count, ncclFloat, m.comm,
                          m.stream),
            "ncclAllGather", m.comm);
      return;
    case Collective::reduce_scatter:
      check(ncclReduceScatter(send, in_place ? send + m.rank * count : recv, count, ncclFloat,
                              ncclSum, m.comm, m.stream),
            "ncclReduceScatter", m.comm);
      return;
    case Collective::sendrecv: {
      const int next = (m.rank + 1) % ranks;
      const int prev = (m.rank - 1 + ranks) % ranks;
      check(ncclSend(send, count, ncclFloat, next, m.comm, m.stream), "ncclSend", m.comm);
      check(ncclRecv(recv, count, ncclFloat, prev, m.comm, m.stream), "ncclRecv", m.comm);
      return;
    }
  }
}

// One round: the collective on every member inside one group, as one process driving
// several GPUs must (and harmless with one member).
void round(Collective collective, Clique& clique, const std::vector<Buffers>& buffers,
           std::uint64_t count, bool in_place) {
  check(ncclGroupStart(), "ncclGroupStart");
  for (std::size_t i = 0; i < clique.members().size(); ++i) {
    launch(collective, clique.members()[i], clique.ranks(), buffers[i], count, in_place);
  }
  check(ncclGroupEnd(), "ncclGroupEnd");
}

}  // namespace

std::string NcclCollectiveProbe::description() const {
  const bool in_place_too = collective_ != Collective::sendrecv;
  return "NCCL " + collective_name(collective_) +
         " algorithm and bus bandwidth (nccl-tests formulas), " +
         (in_place_too ? "in-place and out-of-place, " : "out-of-place, ") +
         "over all local GPUs or one GPU per MPI rank";
}

Filter NcclCollectiveProbe::filter(const Environment& env) const { return require_nccl(env); }

void NcclCollectiveProbe::run(Context& ctx) {
  const Environment& env = ctx.environment();
  const bool multi = env.world_size > 1;
  const std::vector<int> devices = devices_for_rank(env.gpu_count, env.world_size, env.local_rank);
  // Every rank must take part in the communicator, so all agree before any starts.
  if (!mpi::all_true(!devices.empty())) {
    throw ProbeError("a node runs more ranks than it has GPUs: NCCL needs one GPU per rank");
  }
  const std::unique_ptr<Clique> clique =
      multi ? Clique::across_ranks(devices.front(), env.rank, env.world_size)
            : Clique::local(devices);
  const int ranks = clique->ranks();
  const SweepPlan plan = plan_sweep(ctx.options(), kTransferSweep);
  const std::uint64_t largest = plan.sizes.back();
  std::vector<Buffers> buffers;
  for (Member& m : clique->members()) {
    Buffers b;
    b.send = std::make_unique<cuda::DeviceBuffer>(m.device, largest);
    b.recv = std::make_unique<cuda::DeviceBuffer>(m.device, largest);
    cuda::check(cudaMemset(b.send->get(), 0, largest), "cudaMemset");
    cuda::check(cudaMemset(b.recv->get(), 0, largest), "cudaMemset");
    buffers.push_back(std::move(b));
  }
  const nlohmann::json common = gpu_measurement_params(env, cuda::device_name(devices.front()));
  const std::string fabric = multi ? nccl_run_fabric(env.world_size, env.local_size) : "intra_node";
  std::vector<bool> placements = {false};
  if (collective_ != Collective::sendrecv) placements.push_back(true);
  std::size_t step = 0;
  for (std::uint64_t size : plan.sizes) {
    const std::uint64_t count = per_rank_elements(collective_, ranks, size, kElement);
    if (count == 0) continue;  // too small to split across the ranks
    // The bytes nccl-tests reports for this count (see bus_bandwidth.h).
    const bool split =
        collective_ == Collective::all_gather || collective_ == Collective::reduce_scatter;
    const std::uint64_t bytes = count * kElement * (split ? static_cast<std::uint64_t>(ranks) : 1);
    const int operations = operations_per_sample(bytes);
    for (bool in_place : placements) {
      for (int w = 0; w < plan.warmups; ++w) round(collective_, *clique, buffers, count, in_place);
      clique->synchronize();
      std::vector<double> samples;
      for (int t = 0; t < plan.trials; ++t) {
        if (ctx.cancelled()) throw ProbeError("cancelled");
        // As nccl-tests: every rank starts its clock together, or the first collective of
        // each trial would time the other ranks' lag instead of the transfer.
        if (multi) mpi::barrier();
        const auto t0 = std::chrono::steady_clock::now();
        for (int op = 0; op < operations; ++op)
          round(collective_, *clique, buffers, count, in_place);
        clique->synchronize();
        samples.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() /
            operations);
      }
      nlohmann::json params = common;
      params["bytes"] = bytes;
      params["collective"] = collective_name(collective_);
      params["placement"] = in_place ? "in_place" : "out_of_place";
      params["ranks"] = ranks;
      params["process_model"] = multi ? "mpi_rank_per_gpu" : "single_process";
      params["devices"] = devices;
      params["dtype"] = "float32";
      params["count"] = count;
      params["operations_per_sample"] = operations;
      params["clock"] = "host";
      params["fabric"] = fabric;
      params.update(bandwidth_summary(collective_, ranks, bytes, samples));
      ctx.record(std::move(params), std::move(samples));
    }
    ctx.progress(++step, plan.sizes.size());
  }
}

}  // namespace hwprobe::nccl
