// How a GPU copy measurement becomes a result row: the batch size per sample and the
// params every copy result carries. Plain C++, so the result assembly of the CUDA copy
// probes is tested on machines without a GPU.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hwprobe {

// Copies per timed sample: enough to hide launch latency for small copies (16, as
// nvbandwidth's loop count), few enough that a 1 GiB point is one copy.
int copies_per_sample(std::uint64_t bytes);

// Seconds per copy from the seconds each batch of `copies` took.
std::vector<double> per_copy_seconds(const std::vector<double>& batch_seconds, int copies);

// A sample's trials where one may have to be discarded: `trial` gives a batch's seconds, or
// nothing when the spin kernel timed out before the host released it (the events would
// time the spin as well). Those trials are dropped and counted; throws ProbeError when
// every trial was, naming `what`.
struct Trials {
  std::vector<double> batches;
  int discarded = 0;
};
Trials run_trials(int trials, const std::function<std::optional<double>()>& trial,
                  const std::string& what);

struct CopyRow {
  std::uint64_t bytes = 0;  // one copy's size (both directions' for bidirectional)
  std::string clock;        // "event" or "host"
  int copies_per_sample = 1;
  bool spin_kernel = false;
  int spin_timeouts = 0;  // event trials discarded because the spin kernel timed out
};

// `gpu_params` ({"cc", "cc_multi_gpu", "gpu"}) plus the row's fields; the probe adds its
// own (memory, device, src/dst, ...). spin_kernel is true only for event timing, which
// also says how many trials were discarded (spin_timeouts).
nlohmann::json copy_params(const nlohmann::json& gpu_params, const CopyRow& row);

}  // namespace hwprobe
