#include "hwprobe/harness/runner.h"

#include <exception>

#include "hwprobe/harness/run_context.h"
#include "output/failure_message.h"
#include "output/signal_guard.h"

namespace hwprobe {
using plainsight::output::cancel_requested;

RunOutcome run_probes(const std::vector<Probe*>& probes, const RunOptions& options,
                      const Environment& env, const RunProgressFn& progress,
                      const std::function<void(const std::string&)>& log) {
  RunOutcome out;
  for (std::size_t i = 0; i < probes.size(); ++i) {
    if (cancel_requested()) break;
    Probe& probe = *probes[i];
    const std::string key = probe.key();
    const Filter f = probe.filter(env);
    if (!f.runnable) {
      out.skipped.push_back({{"probe", key}, {"reason", f.reason}});
      continue;
    }
    RunContext ctx(key, options, env, [&](std::size_t done, std::size_t total) {
      if (progress) progress(i, probes.size(), key, done, total);
    });
    if (progress) progress(i, probes.size(), key, 0, 1);
    std::string error;
    try {
      probe.run(ctx);
    } catch (const std::exception& e) {
      error = plainsight::output::failure_message(e);
    } catch (...) {
      error = "unknown exception";
    }
    ctx.remove_tracked_files();
    if (cancel_requested()) break;
    // Results a probe recorded before it failed are kept: they were measured.
    for (const auto& r : ctx.results()) out.results.push_back(r);
    if (!error.empty()) {
      out.failed.push_back({{"probe", key}, {"error", error}});
      if (log) log(key + " failed: " + error);
    }
    if (progress) progress(i, probes.size(), key, 1, 1);
  }
  out.cancelled = cancel_requested();
  return out;
}

}  // namespace hwprobe
