#include "hwprobe/harness/size_sweep.h"

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

using V = std::vector<std::uint64_t>;

TEST(SizeSweep, ParsesUnits) {
  EXPECT_EQ(parse_size("4096"), 4096u);
  EXPECT_EQ(parse_size("16B"), 16u);
  EXPECT_EQ(parse_size("4KiB"), 4096u);
  EXPECT_EQ(parse_size("1GiB"), 1ull << 30);
  EXPECT_EQ(parse_size("1GB"), 1000000000ull);
  EXPECT_EQ(parse_size(" 512MiB "), 512ull << 20);
  EXPECT_EQ(parse_size("1.5KiB"), 1536u);
}

TEST(SizeSweep, RejectsBadSizes) {
  for (const char* bad : {"", "KiB", "4 parsecs", "0", "1.3B", "-4KiB", "99999999999TB"}) {
    EXPECT_THROW(parse_size(bad), SizeError) << bad;
  }
  // One grammar with the analyzer (units/size_text.h): a lone k or a lower-case mib is not
  // a unit to either, and the message says which spellings are.
  for (const char* ambiguous : {"4k", "1g", "512mib", "4kb"}) {
    try {
      parse_size(ambiguous);
      ADD_FAILURE() << ambiguous << " was accepted";
    } catch (const SizeError& e) {
      EXPECT_NE(std::string(e.what()).find("KiB = 1024 B, kB = 1000 B"), std::string::npos)
          << e.what();
    }
  }
}

TEST(SizeSweep, RangeIsPowersOfTwo) {
  EXPECT_EQ(parse_sweep("4KiB..64KiB"), (V{4096, 8192, 16384, 32768, 65536}));
  EXPECT_EQ(parse_sweep("1GiB..1GiB"), (V{1ull << 30}));
  EXPECT_EQ(parse_sweep("4KiB..1GiB").size(), 19u);
}

TEST(SizeSweep, CommaListKeepsOrder) {
  EXPECT_EQ(parse_sweep("1MiB,4KiB, 16"), (V{1u << 20, 4096, 16}));
}

TEST(SizeSweep, RejectsBadSweeps) {
  EXPECT_THROW(parse_sweep("1GiB..4KiB"), SizeError);
  EXPECT_THROW(parse_sweep("4KiB,,8KiB"), SizeError);
  EXPECT_THROW(parse_sweep(".."), SizeError);
  EXPECT_THROW(parse_sweep(""), SizeError);
}

TEST(SizeSweep, StepAndCap) {
  EXPECT_EQ(pow2_sweep(16, 1024, 4), (V{16, 64, 256, 1024}));
  EXPECT_EQ(cap_sizes({16, 1u << 20, 64}, 1024), (V{16, 64}));
}

TEST(SizeSweep, Formats) {
  EXPECT_EQ(format_size(16), "16 B");
  EXPECT_EQ(format_size(4096), "4 KiB");
  EXPECT_EQ(format_size(1536), "1.5 KiB");
  EXPECT_EQ(format_size(1ull << 30), "1 GiB");
}

}  // namespace
}  // namespace hwprobe
