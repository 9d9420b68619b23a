// How much memory a probe may take: buffers beyond half of what the kernel says is
// available would push a shared node into swap or the OOM killer.
#pragma once

#include <cstdint>

namespace hwprobe {

// MemAvailable from /proc/meminfo; 0 when it cannot be read.
std::uint64_t available_memory_bytes();

// Half of available_memory_bytes(), or no limit (UINT64_MAX) when it cannot be read.
std::uint64_t memory_budget_bytes();

}  // namespace hwprobe
