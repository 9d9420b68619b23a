#include "hwprobe/nccl/bus_bandwidth.h"

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

TEST(BusBandwidth, FactorsAreNcclTests) {
  EXPECT_DOUBLE_EQ(bus_factor(Collective::all_reduce, 8), 2.0 * 7 / 8);
  EXPECT_DOUBLE_EQ(bus_factor(Collective::all_gather, 8), 7.0 / 8);
  EXPECT_DOUBLE_EQ(bus_factor(Collective::reduce_scatter, 4), 3.0 / 4);
  EXPECT_DOUBLE_EQ(bus_factor(Collective::sendrecv, 8), 1.0);
  EXPECT_DOUBLE_EQ(bus_factor(Collective::all_reduce, 1), 0.0);
  EXPECT_DOUBLE_EQ(bus_factor(Collective::all_reduce, 0), 0.0);
}

TEST(BusBandwidth, FromBytesAndTime) {
  // 1 GB in 10 ms over 8 ranks: algbw 100 GB/s, all_reduce busbw 175 GB/s.
  EXPECT_DOUBLE_EQ(algorithm_bandwidth(1'000'000'000, 0.01), 1e11);
  EXPECT_DOUBLE_EQ(bus_bandwidth(Collective::all_reduce, 8, 1'000'000'000, 0.01), 1.75e11);
  EXPECT_DOUBLE_EQ(bus_bandwidth(Collective::all_gather, 2, 1'000'000'000, 0.01), 0.5e11);
  EXPECT_DOUBLE_EQ(algorithm_bandwidth(10, 0), 0.0);
}

TEST(BusBandwidth, PerRankElements) {
  EXPECT_EQ(per_rank_elements(Collective::all_reduce, 8, 1 << 20, 4), (1u << 20) / 4);
  EXPECT_EQ(per_rank_elements(Collective::all_gather, 8, 1 << 20, 4), (1u << 20) / 4 / 8);
  EXPECT_EQ(per_rank_elements(Collective::reduce_scatter, 8, 16, 4), 0u);
  EXPECT_EQ(per_rank_elements(Collective::sendrecv, 2, 4096, 4), 1024u);
}

TEST(BusBandwidth, SummaryAtMedian) {
  const nlohmann::json s =
      bandwidth_summary(Collective::all_reduce, 4, 2'000'000'000, {0.03, 0.01, 0.02});
  EXPECT_DOUBLE_EQ(s["busbw_factor"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(s["algbw_GBps"].get<double>(), 100.0);
  EXPECT_DOUBLE_EQ(s["busbw_GBps"].get<double>(), 150.0);
  EXPECT_FALSE(bandwidth_summary(Collective::sendrecv, 2, 1, {}).contains("algbw_GBps"));
  EXPECT_EQ(collective_name(Collective::reduce_scatter), "reduce_scatter");
}

}  // namespace
}  // namespace hwprobe
