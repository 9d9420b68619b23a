// Helpers shared by the hwprobe tests: a temporary directory and a one-probe run.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "hwprobe/harness/probe.h"
#include "hwprobe/harness/runner.h"
#include "support/temp_dir.h"

namespace hwprobe::test {

using plainsight::testing::TempDir;

inline Environment test_environment() {
  Environment env;
  env.cpu_cores = 2;
  return env;
}

// Small, fast options: one thread, two trials, no warm-up.
inline RunOptions tiny_options(std::vector<std::uint64_t> sizes,
                               const std::filesystem::path& dir = ".") {
  RunOptions o;
  o.sizes = std::move(sizes);
  o.trials = 2;
  o.warmups = 0;
  o.threads = 1;
  o.dir = dir;
  return o;
}

inline RunOutcome run_one(Probe& probe, const RunOptions& options) {
  const Environment env = test_environment();
  return run_probes({&probe}, options, env);
}

// The distinct values one param takes over a run's results, as text.
inline std::set<std::string> param_values(const RunOutcome& out, const char* param) {
  std::set<std::string> s;
  for (const auto& r : out.results) {
    const auto& v = r["params"][param];
    s.insert(v.is_string() ? v.get<std::string>() : v.dump());
  }
  return s;
}

}  // namespace hwprobe::test
