// How a GPU copy measurement becomes a result row: the batch size per sample and the
// params every copy result carries. Plain C++, so the result assembly of the CUDA copy
// probes is tested on machines without a GPU.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hwprobe {

// Copies per timed sample: enough to hide launch latency for small copies (16, as
// nvbandwidth's loop count), few enough that a 1 GiB point is one copy.
int copies_per_sample(std::uint64_t bytes);

// Seconds per copy from the seconds each batch of `copies` took.
std::vector<double> per_copy_seconds(const std::vector<double>& batch_seconds, int copies);

struct CopyRow {
  std::uint64_t bytes = 0;  // one copy's size (both directions' for bidirectional)
  std::string clock;        // "event" or "host"
  int copies_per_sample = 1;
  bool spin_kernel = false;
};

// `gpu_params` ({"cc", "cc_multi_gpu", "gpu"}) plus the row's fields; the probe adds its
// own (memory, device, src/dst, ...). spin_kernel is true only for event timing.
nlohmann::json copy_params(const nlohmann::json& gpu_params, const CopyRow& row);

}  // namespace hwprobe
