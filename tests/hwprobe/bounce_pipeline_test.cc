#include "hwprobe/host/bounce_pipeline.h"

#include <gtest/gtest.h>

#include <vector>

#include "hwprobe/host/staging_buffer.h"

namespace hwprobe {
namespace {

BounceConfig config(bool encrypt, int producers, int consumers) {
  BounceConfig c;
  c.chunk_bytes = 4096;
  c.ring_slots = 3;
  c.producers = producers;
  c.consumers = consumers;
  c.encrypt = encrypt;
  return c;
}

class BouncePipelineTest : public ::testing::TestWithParam<std::tuple<bool, int, int>> {};

TEST_P(BouncePipelineTest, RoundTripsUnevenSizes) {
  const auto [encrypt, producers, consumers] = GetParam();
  BouncePipeline pipe(config(encrypt, producers, consumers));
  for (std::size_t bytes :
       {std::size_t{1}, std::size_t{4096}, std::size_t{4097}, std::size_t{100000}}) {
    std::vector<unsigned char> src(bytes), dst(bytes, 0);
    fill_pattern(src.data(), bytes, bytes);
    for (int repeat = 0; repeat < 3; ++repeat) {  // IVs advance across transfers
      const BounceResult r = pipe.transfer(src.data(), dst.data(), bytes);
      EXPECT_TRUE(r.ok());
      EXPECT_EQ(r.chunks, (bytes + 4095) / 4096);
      EXPECT_EQ(src, dst) << bytes;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Modes, BouncePipelineTest,
                         ::testing::Values(std::make_tuple(false, 1, 1),
                                           std::make_tuple(true, 1, 1),
                                           std::make_tuple(true, 2, 3)));

TEST(BouncePipeline, RejectsATamperedChunkAndKeepsTheRest) {
  BouncePipeline pipe(config(true, 1, 2));
  const std::size_t bytes = 10 * 4096;
  std::vector<unsigned char> src(bytes), dst(bytes, 0xee);
  fill_pattern(src.data(), bytes, 9);
  const BusHook flip = [](std::size_t chunk, unsigned char* data, std::size_t, unsigned char*) {
    if (chunk == 6) data[17] ^= 0x40;  // an interposer on the bus
  };
  const BounceResult r = pipe.transfer(src.data(), dst.data(), bytes, flip);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.rejected, 1u);
  EXPECT_EQ(r.first_rejected, 6u);
  for (std::size_t i = 0; i < 10; ++i) {
    const bool same =
        std::equal(src.begin() + i * 4096, src.begin() + (i + 1) * 4096, dst.begin() + i * 4096);
    EXPECT_EQ(same, i != 6) << "chunk " << i;
  }
  for (std::size_t i = 6 * 4096; i < 7 * 4096; ++i) ASSERT_EQ(dst[i], 0) << i;
  // The pipeline keeps working after a rejected transfer.
  EXPECT_TRUE(pipe.transfer(src.data(), dst.data(), bytes).ok());
  EXPECT_EQ(src, dst);
}

TEST(BouncePipeline, RejectsAForgedTag) {
  BouncePipeline pipe(config(true, 1, 1));
  std::vector<unsigned char> src(8192, 1), dst(8192);
  const BusHook forge = [](std::size_t chunk, unsigned char*, std::size_t, unsigned char* tag) {
    if (chunk == 0) tag[0] ^= 1;
  };
  EXPECT_EQ(pipe.transfer(src.data(), dst.data(), src.size(), forge).rejected, 1u);
}

TEST(BouncePipeline, PlainModeCannotDetectTampering) {
  // CC off: what crosses the bus is plaintext, and a change goes through unnoticed.
  BouncePipeline pipe(config(false, 1, 1));
  std::vector<unsigned char> src(4096, 1), dst(4096);
  const BusHook flip = [](std::size_t, unsigned char* d, std::size_t, unsigned char*) { d[0] = 9; };
  EXPECT_TRUE(pipe.transfer(src.data(), dst.data(), src.size(), flip).ok());
  EXPECT_EQ(dst[0], 9);
}

}  // namespace
}  // namespace hwprobe

namespace hwprobe {
namespace {

TEST(BouncePipeline, AFailingThreadAbortsInsteadOfHanging) {
  BounceConfig c = config(true, 2, 2);
  BouncePipeline pipe(c);
  std::vector<unsigned char> src(64 * 4096, 3), dst(src.size());
  const BusHook fail = [](std::size_t chunk, unsigned char*, std::size_t, unsigned char*) {
    if (chunk == 5) throw std::runtime_error("copy engine fault");
  };
  EXPECT_ANY_THROW(pipe.transfer(src.data(), dst.data(), src.size(), fail));
  EXPECT_TRUE(pipe.transfer(src.data(), dst.data(), src.size()).ok());  // usable again
  EXPECT_EQ(src, dst);
}

}  // namespace
}  // namespace hwprobe
