#include "hwprobe/host/bounce_buffer_probe.h"

#include <algorithm>
#include <cstring>

#include "hwprobe/harness/size_sweep.h"
#include "hwprobe/harness/trial_runner.h"
#include "hwprobe/host/bounce_pipeline.h"
#include "hwprobe/host/staging_buffer.h"
#include "hwprobe/host/sweep_choice.h"

namespace hwprobe {
namespace {

constexpr std::size_t kChunk = 1u << 20;  // bounce chunk; the ring holds kSlots of them
constexpr std::size_t kSlots = 4;

// Thread counts: a driver and a copy engine at least; more split between the two sides.
std::vector<int> pipeline_threads(const RunOptions& o, const Environment& env) {
  if (o.threads > 0) return {std::max(o.threads, 2)};
  std::vector<int> out = {2};
  if (env.cpu_cores >= 4) out.push_back(env.cpu_cores);
  return out;
}

}  // namespace

std::string BounceBufferProbe::description() const {
  return "Hopper CC bounce-buffer path emulated: encrypt into a staging ring, copy, decrypt "
         "and verify, pipelined (cc_on) vs plain staged copy (cc_off)";
}

Filter BounceBufferProbe::filter(const Environment&) const { return Filter::yes(); }

void BounceBufferProbe::run(Context& ctx) {
  const RunOptions& o = ctx.options();
  const auto thread_counts = pipeline_threads(o, ctx.environment());
  // A source and a destination of the size; whatever the size, the ring and a landing chunk
  // per consumer (300 of them with 600 threads: 300 MiB).
  const int most = *std::max_element(thread_counts.begin(), thread_counts.end());
  const std::uint64_t ring_and_landing = (kSlots + static_cast<std::uint64_t>(most / 2)) * kChunk;
  const auto sizes = choose_sizes(o, pow2_sweep(64u << 10, 256u << 20, 4),
                                  {64u << 10, 1u << 20, 16u << 20}, 2, ring_and_landing);
  const TrialPlan plan = choose_plan(o, 5, 3, 2e-3);
  const std::size_t total = sizes.size() * thread_counts.size() * 2;
  std::size_t done = 0;
  const std::uint64_t largest = *std::max_element(sizes.begin(), sizes.end());
  stop_if_cancelled(ctx);
  StagingBuffer src(largest, false);
  StagingBuffer dst(largest, false);
  fill_pattern(src.data(), largest, 7);
  for (int threads : thread_counts) {
    for (const char* mode : {"cc_off", "cc_on"}) {
      BounceConfig cfg;
      cfg.chunk_bytes = kChunk;
      cfg.ring_slots = kSlots;
      cfg.producers = (threads + 1) / 2;
      cfg.consumers = threads - cfg.producers;
      cfg.encrypt = std::strcmp(mode, "cc_on") == 0;
      stop_if_cancelled(ctx);
      BouncePipeline pipe(cfg);
      for (std::uint64_t size : sizes) {
        stop_if_cancelled(ctx);
        const auto body = [&](std::uint64_t n) {
          for (std::uint64_t k = 0; k < n; ++k) {
            if (!pipe.transfer(src.data(), dst.data(), size).ok()) {
              throw ProbeError("host.bounce_buffer: a chunk failed verification");
            }
          }
        };
        const TrialResult r = run_trials(plan, body, [&] { return ctx.cancelled(); });
        if (std::memcmp(src.data(), dst.data(), size) != 0) {
          throw ProbeError("host.bounce_buffer: data differs after the transfer");
        }
        ctx.record({{"bytes", size},
                    {"mode", mode},
                    {"threads", threads},
                    {"producers", cfg.producers},
                    {"consumers", cfg.consumers},
                    {"chunk_bytes", kChunk},
                    {"ring_slots", kSlots},
                    {"staging_memory", pipe.staging_memory()},
                    {"batch", r.batch}},
                   r.samples_s);
        ctx.progress(++done, total);
      }
    }
  }
}

}  // namespace hwprobe
