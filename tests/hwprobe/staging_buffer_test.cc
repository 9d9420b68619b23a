#include "hwprobe/host/staging_buffer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

namespace hwprobe {
namespace {

TEST(StagingBuffer, PageAlignedTouchedAndSaysWhetherLocked) {
  StagingBuffer locked(1 << 20, true);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(locked.data()) % 4096, 0u);
  EXPECT_EQ(locked.size(), 1u << 20);
  EXPECT_EQ(locked.data()[12345], 0x5a);
  if (locked.locked()) {
    EXPECT_EQ(locked.memory_kind(), "mlocked");
  } else {
    EXPECT_EQ(locked.memory_kind().rfind("pageable (mlock: ", 0), 0u);
  }
  StagingBuffer plain(100, false);
  EXPECT_FALSE(plain.locked());
  EXPECT_EQ(plain.memory_kind(), "pageable");
}

TEST(StagingBuffer, PatternIsDeterministicAndNotConstant) {
  StagingBuffer a(4099, false), b(4099, false);
  fill_pattern(a.data(), a.size(), 5);
  fill_pattern(b.data(), b.size(), 5);
  EXPECT_EQ(0, std::memcmp(a.data(), b.data(), a.size()));
  EXPECT_NE(a.data()[0], a.data()[8]);
}

}  // namespace
}  // namespace hwprobe
