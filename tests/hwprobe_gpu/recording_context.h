// A Context that keeps what a probe records, for running probes in tests.
#pragma once

#include <set>
#include <vector>

#include "hwprobe/harness/probe.h"

namespace hwprobe::testing {

class RecordingContext final : public Context {
 public:
  struct Row {
    nlohmann::json params;
    std::vector<double> samples;
  };

  RunOptions run_options;
  Environment env;
  std::vector<Row> rows;
  std::set<std::filesystem::path> tracked;

  const RunOptions& options() const override { return run_options; }
  const Environment& environment() const override { return env; }
  void record(nlohmann::json params, std::vector<double> samples_s) override {
    rows.push_back({std::move(params), std::move(samples_s)});
  }
  void track_file(const std::filesystem::path& path) override { tracked.insert(path); }
  void untrack_file(const std::filesystem::path& path) override { tracked.erase(path); }
  bool cancelled() const override { return false; }
  void progress(std::size_t, std::size_t) override {}
};

}  // namespace hwprobe::testing
