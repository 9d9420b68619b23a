// The Context a probe runs in: collects its results, tracks its files and removes them
// when the probe ends, however it ends.
#pragma once

#include <filesystem>
#include <functional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

class RunContext final : public Context {
 public:
  using ProgressFn = std::function<void(std::size_t done, std::size_t total)>;

  RunContext(std::string probe_key, const RunOptions& options, const Environment& env,
             ProgressFn progress = {});
  ~RunContext() override;  // removes files still tracked

  const RunOptions& options() const override { return options_; }
  const Environment& environment() const override { return env_; }
  void record(nlohmann::json params, std::vector<double> samples_s) override;
  void track_file(const std::filesystem::path& path) override;
  void untrack_file(const std::filesystem::path& path) override;
  bool cancelled() const override;
  void progress(std::size_t done, std::size_t total) override;

  // Results recorded so far, each a make_result() object.
  const nlohmann::json& results() const { return results_; }
  // Removes every tracked file that still exists; returns how many it removed.
  std::size_t remove_tracked_files();

 private:
  std::string key_;
  const RunOptions& options_;
  const Environment& env_;
  ProgressFn progress_;
  nlohmann::json results_ = nlohmann::json::array();
  std::set<std::filesystem::path> tracked_;
};

}  // namespace hwprobe
