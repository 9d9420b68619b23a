#include "hwprobe/nccl/bus_bandwidth.h"

#include <algorithm>

namespace hwprobe {

std::string collective_name(Collective collective) {
  switch (collective) {
    case Collective::all_reduce:
      return "all_reduce";
    case Collective::all_gather:
      return "all_gather";
    case Collective::reduce_scatter:
      return "reduce_scatter";
    case Collective::sendrecv:
      return "sendrecv";
  }
  return "unknown";
}

double bus_factor(Collective collective, int ranks) {
  if (ranks <= 0) return 0;
  const double n = ranks;
  switch (collective) {
    case Collective::all_reduce:
      return 2 * (n - 1) / n;
    case Collective::all_gather:
    case Collective::reduce_scatter:
      return (n - 1) / n;
    case Collective::sendrecv:
      return 1;
  }
  return 0;
}

double algorithm_bandwidth(std::uint64_t bytes, double seconds) {
  return seconds > 0 ? static_cast<double>(bytes) / seconds : 0;
}

double bus_bandwidth(Collective collective, int ranks, std::uint64_t bytes, double seconds) {
  return algorithm_bandwidth(bytes, seconds) * bus_factor(collective, ranks);
}

std::uint64_t per_rank_elements(Collective collective, int ranks, std::uint64_t bytes,
                                std::uint64_t element_bytes) {
  if (element_bytes == 0 || ranks <= 0) return 0;
  const bool split =
      collective == Collective::all_gather || collective == Collective::reduce_scatter;
  return bytes / element_bytes / (split ? static_cast<std::uint64_t>(ranks) : 1);
}

nlohmann::json bandwidth_summary(Collective collective, int ranks, std::uint64_t bytes,
                                 std::vector<double> samples_s) {
  nlohmann::json out = {{"busbw_factor", bus_factor(collective, ranks)}};
  if (samples_s.empty()) return out;
  std::sort(samples_s.begin(), samples_s.end());
  const std::size_t n = samples_s.size();
  const double median = n % 2 ? samples_s[n / 2] : (samples_s[n / 2 - 1] + samples_s[n / 2]) / 2;
  out["algbw_GBps"] = algorithm_bandwidth(bytes, median) / 1e9;
  out["busbw_GBps"] = bus_bandwidth(collective, ranks, bytes, median) / 1e9;
  return out;
}

}  // namespace hwprobe
