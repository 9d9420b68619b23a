#include "hwprobe/harness/memory_budget.h"

#include <fstream>
#include <limits>
#include <string>

namespace hwprobe {

std::uint64_t available_memory_bytes() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  std::uint64_t kib = 0;
  std::string unit;
  while (in >> key >> kib >> unit) {
    if (key == "MemAvailable:") return kib * 1024;  // /proc says kB, meaning KiB
  }
  return 0;
}

std::uint64_t memory_budget_bytes() {
  const std::uint64_t avail = available_memory_bytes();
  return avail == 0 ? std::numeric_limits<std::uint64_t>::max() : avail / 2;
}

}  // namespace hwprobe
