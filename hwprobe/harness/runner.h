// Runs a selection of probes one after another: filter, run, collect; a failing probe is
// recorded and the run goes on with the next.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "hwprobe/harness/probe.h"
#include "hwprobe/harness/result_document.h"

namespace hwprobe {

// Called as probes advance: index of the probe in the selection, its key, and its own
// done/total steps.
using RunProgressFn =
    std::function<void(std::size_t probe_index, std::size_t probe_count, const std::string& key,
                       std::size_t done, std::size_t total)>;

// Stops early (outcome.cancelled) once a SIGINT/SIGTERM arrived; files of the running
// probe are removed in every case. Errors go to `log` as they happen when it is set.
RunOutcome run_probes(const std::vector<Probe*>& probes, const RunOptions& options,
                      const Environment& env, const RunProgressFn& progress = {},
                      const std::function<void(const std::string&)>& log = {});

}  // namespace hwprobe
