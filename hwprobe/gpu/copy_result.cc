#include "hwprobe/gpu/copy_result.h"

#include <algorithm>

#include "hwprobe/harness/probe.h"

namespace hwprobe {

int copies_per_sample(std::uint64_t bytes) {
  const std::uint64_t target = std::uint64_t{1} << 30;
  return static_cast<int>(
      std::clamp<std::uint64_t>(target / std::max<std::uint64_t>(bytes, 1), 1, 16));
}

std::vector<double> per_copy_seconds(const std::vector<double>& batch_seconds, int copies) {
  std::vector<double> out;
  out.reserve(batch_seconds.size());
  for (double s : batch_seconds) out.push_back(s / std::max(copies, 1));
  return out;
}

Trials run_trials(int trials, const std::function<std::optional<double>()>& trial,
                  const std::string& what) {
  Trials out;
  for (int t = 0; t < trials; ++t) {
    if (const std::optional<double> s = trial())
      out.batches.push_back(*s);
    else
      ++out.discarded;
  }
  if (trials > 0 && out.batches.empty())
    throw ProbeError(what + ": the spin kernel timed out in all " + std::to_string(trials) +
                     " trials (enqueueing the copies outlasted its limit); no sample kept");
  return out;
}

nlohmann::json copy_params(const nlohmann::json& gpu_params, const CopyRow& row) {
  nlohmann::json params = gpu_params;
  params["bytes"] = row.bytes;
  params["clock"] = row.clock;
  params["copies_per_sample"] = row.copies_per_sample;
  params["spin_kernel"] = row.clock == "event" && row.spin_kernel;
  if (row.clock == "event") params["spin_timeouts"] = row.spin_timeouts;
  return params;
}

}  // namespace hwprobe
