// The readable table printed after a run: probe, the params that tell rows apart (mode,
// phase, side, threads, op), bytes, median, bandwidth, cv.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace hwprobe {

// One row per result of a plainsight-probe/1 document, then skipped and failed probes.
// Bandwidth is bytes / median in GB/s (GB = 1e9 bytes), shown where bytes > 0.
std::string format_summary(const nlohmann::json& doc);

// "812 ns", "12.4 us", "3.10 ms", "2.50 s".
std::string format_seconds(double s);

}  // namespace hwprobe
