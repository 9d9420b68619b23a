#include "hwprobe/harness/run_context.h"

#include <system_error>

#include "hwprobe/harness/result_document.h"
#include "output/signal_guard.h"

namespace hwprobe {
using plainsight::output::cancel_requested;
using plainsight::output::track_path;
using plainsight::output::untrack_path;

RunContext::RunContext(std::string probe_key, const RunOptions& options, const Environment& env,
                       ProgressFn progress)
    : key_(std::move(probe_key)), options_(options), env_(env), progress_(std::move(progress)) {}

RunContext::~RunContext() { remove_tracked_files(); }

void RunContext::record(nlohmann::json params, std::vector<double> samples_s) {
  results_.push_back(make_result(key_, std::move(params), samples_s));
}

void RunContext::track_file(const std::filesystem::path& path) {
  tracked_.insert(path);
  track_path(path);
}

void RunContext::untrack_file(const std::filesystem::path& path) {
  tracked_.erase(path);
  untrack_path(path);
}

bool RunContext::cancelled() const { return cancel_requested(); }

void RunContext::progress(std::size_t done, std::size_t total) {
  if (progress_) progress_(done, total);
}

std::size_t RunContext::remove_tracked_files() {
  std::size_t removed = 0;
  for (const auto& p : tracked_) {
    std::error_code ec;
    if (std::filesystem::remove(p, ec)) ++removed;
    untrack_path(p);
  }
  tracked_.clear();
  return removed;
}

}  // namespace hwprobe
