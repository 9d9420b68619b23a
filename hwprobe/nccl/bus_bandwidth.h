// Algorithm and bus bandwidth of NCCL collectives by the nccl-tests formulas
// (nccl-tests doc/PERFORMANCE.md), so our figures compare one to one with theirs:
//   algbw = bytes / time, with bytes as nccl-tests counts them (below);
//   busbw = algbw * factor(n): all_reduce 2(n-1)/n, all_gather and reduce_scatter
//   (n-1)/n, sendrecv 1.
// bytes: all_reduce and sendrecv the buffer each rank sends; all_gather the gathered
// output (n times each rank's part); reduce_scatter the input (n times each rank's part).
// No CUDA here: a pure file, tested everywhere.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hwprobe {

enum class Collective { all_reduce, all_gather, reduce_scatter, sendrecv };

std::string collective_name(Collective collective);  // "all_reduce", ...
// The nccl-tests bus-bandwidth factor for `ranks` ranks (0 for one rank where it has n-1).
double bus_factor(Collective collective, int ranks);
// Bytes per second; 0 when seconds is not positive.
double algorithm_bandwidth(std::uint64_t bytes, double seconds);
double bus_bandwidth(Collective collective, int ranks, std::uint64_t bytes, double seconds);

// Elements each rank contributes for a sweep size of `bytes` (nccl-tests' count), for an
// element of `element_bytes`: all_gather and reduce_scatter split the size across ranks.
std::uint64_t per_rank_elements(Collective collective, int ranks, std::uint64_t bytes,
                                std::uint64_t element_bytes);

// {"busbw_factor", "algbw_GBps", "busbw_GBps"} at the median sample (GB = 1e9 bytes), for
// result params; the samples themselves stay in the result.
nlohmann::json bandwidth_summary(Collective collective, int ranks, std::uint64_t bytes,
                                 std::vector<double> samples_s);

}  // namespace hwprobe
