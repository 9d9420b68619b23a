#include "hwprobe/host/memcpy_probe.h"

#include <cstring>

#include "hwprobe/harness/size_sweep.h"
#include "hwprobe/harness/thread_team.h"
#include "hwprobe/harness/trial_runner.h"
#include "hwprobe/host/staging_buffer.h"
#include "hwprobe/host/sweep_choice.h"

namespace hwprobe {

std::string MemcpyProbe::description() const {
  return "staging memcpy bandwidth by size and threads (into an mlocked buffer where allowed)";
}

Filter MemcpyProbe::filter(const Environment&) const { return Filter::yes(); }

void MemcpyProbe::run(Context& ctx) {
  const RunOptions& o = ctx.options();
  const auto sizes =
      choose_sizes(o, pow2_sweep(4096, 1ull << 30, 4), {4096, 256u << 10, 16u << 20, 64u << 20},
                   2);  // source and destination
  const auto threads = choose_threads(o, ctx.environment());
  const TrialPlan plan = choose_plan(o, 7, 3, 2e-3);
  const std::size_t total = sizes.size() * threads.size();
  std::size_t done = 0;
  for (std::uint64_t size : sizes) {
    stop_if_cancelled(ctx);
    StagingBuffer src(size, false);
    StagingBuffer dst(size, true);
    fill_pattern(src.data(), size, size);
    for (int t : threads) {
      stop_if_cancelled(ctx);
      ThreadTeam team(t);
      const auto body = [&](std::uint64_t n) {
        team.run([&](int i) {
          // Each thread copies its own contiguous slice.
          const std::size_t begin =
              size * static_cast<std::size_t>(i) / static_cast<std::size_t>(t);
          const std::size_t end =
              size * static_cast<std::size_t>(i + 1) / static_cast<std::size_t>(t);
          for (std::uint64_t k = 0; k < n; ++k) {
            std::memcpy(dst.data() + begin, src.data() + begin, end - begin);
          }
        });
      };
      const TrialResult r = run_trials(plan, body, [&] { return ctx.cancelled(); });
      if (std::memcmp(dst.data(), src.data(), size) != 0) {
        throw ProbeError("host.memcpy: destination differs from source");
      }
      ctx.record(
          {{"bytes", size}, {"threads", t}, {"dst_memory", dst.memory_kind()}, {"batch", r.batch}},
          r.samples_s);
      ctx.progress(++done, total);
    }
  }
}

}  // namespace hwprobe
