#include "hwprobe/harness/memory_budget.h"

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

TEST(MemoryBudget, HalfOfWhatIsAvailable) {
  const std::uint64_t avail = available_memory_bytes();
  ASSERT_GT(avail, 0u);  // Linux has MemAvailable since 3.14
  const std::uint64_t budget = memory_budget_bytes();
  EXPECT_LE(budget, avail);
  EXPECT_GE(budget, avail / 4);  // memory moves between the two reads; half, roughly
}

}  // namespace
}  // namespace hwprobe
