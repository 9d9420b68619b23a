#include "hwprobe/host/sweep_choice.h"

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

using V = std::vector<std::uint64_t>;

TEST(SweepChoice, OptionsWinThenQuickThenDefault) {
  RunOptions o;
  EXPECT_EQ(choose_sizes(o, {1, 2}, {3}, 1), (V{1, 2}));
  o.quick = true;
  EXPECT_EQ(choose_sizes(o, {1, 2}, {3}, 1), (V{3}));
  o.sizes = {7, 9};
  EXPECT_EQ(choose_sizes(o, {1, 2}, {3}, 1), (V{7, 9}));
}

TEST(SweepChoice, CapsByMaxBytesAndMemory) {
  RunOptions o;
  o.max_bytes = 100;
  EXPECT_EQ(choose_sizes(o, {10, 100, 1000}, {}, 1), (V{10, 100}));
  o.max_bytes = 5;
  EXPECT_THROW(choose_sizes(o, {10}, {}, 1), ProbeError);
  o.max_bytes = ~0ull;
  EXPECT_THROW(choose_sizes(o, {1ull << 60}, {}, 4), ProbeError);  // no machine has that
}

// Issue 21, audit 8f: --max-bytes bounds what a point holds in all, across its threads, not
// each buffer (600 threads of three 128 MiB buffers passed 5 GB under --max-bytes 128MiB).
TEST(SweepChoice, MaxBytesBoundsAPointsBuffersTogether) {
  EXPECT_EQ(point_bytes(16u << 20, 3 * 600), 1800ull * (16u << 20));
  EXPECT_EQ(point_bytes(1ull << 62, 8), ~0ull);  // saturates, never wraps to a small number
  EXPECT_EQ(point_bytes(~0ull / 2, 2, 2), ~0ull);
  // What a point holds whatever its size counts too: a ring and a chunk per consumer.
  EXPECT_EQ(point_bytes(1u << 20, 2, 304u << 20), 306u << 20);
  RunOptions o;
  o.max_bytes = 128u << 20;
  // Three buffers per thread, 600 threads: a chunk of 64 KiB holds 112.5 MiB, 256 KiB 450 MiB.
  EXPECT_EQ(choose_sizes(o, {16 << 10, 64 << 10, 256 << 10, 16 << 20}, {}, 3 * 600),
            (V{16 << 10, 64 << 10}));
  // A source and a destination: 64 MiB each fits 128 MiB, 128 MiB each does not.
  EXPECT_EQ(choose_sizes(o, {64u << 20, 128u << 20}, {}, 2), (V{64u << 20}));
  // The same beside 304 MiB of ring and landing chunks (600 threads of host.bounce_buffer):
  // nothing fits 128 MiB.
  EXPECT_THROW(choose_sizes(o, {64u << 10}, {}, 2, 304u << 20), ProbeError);
  try {
    choose_sizes(o, {128u << 20}, {}, 2);
    ADD_FAILURE() << "a point of 256 MiB under --max-bytes 128 MiB";
  } catch (const ProbeError& e) {
    EXPECT_NE(std::string(e.what()).find("a point holds 2 buffers of its size"), std::string::npos)
        << e.what();
  }
}

TEST(SweepChoice, ThreadsAndPlan) {
  RunOptions o;
  Environment env;
  env.cpu_cores = 8;
  EXPECT_EQ(choose_threads(o, env), (std::vector<int>{1, 8}));
  env.cpu_cores = 1;
  EXPECT_EQ(choose_threads(o, env), (std::vector<int>{1}));
  o.threads = 3;
  EXPECT_EQ(choose_threads(o, env), (std::vector<int>{3}));

  RunOptions q;
  q.quick = true;
  const TrialPlan p = choose_plan(q, 7, 3, 2e-3);
  EXPECT_EQ(p.trials, 3);
  EXPECT_EQ(p.warmups, 1);
  q.trials = 9;
  EXPECT_EQ(choose_plan(q, 7, 3, 2e-3).trials, 9);
}

}  // namespace
}  // namespace hwprobe
