#include "analyze/durations.h"

#include <gtest/gtest.h>

#include "analyze_support.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

constexpr double kTiB = 1099511627776.0;

Scenario one_stage(Stage st, double parameters = 70e9) {
  Scenario s;
  s.horizon_s = 30 * 86400.0;
  s.asset.parameters = parameters;
  s.asset.bytes_per_parameter = 2;
  s.stages.push_back(std::move(st));
  return s;
}

TEST(Durations, StatedIsAssumedAndCitesTheScenarioLine) {
  Stage st = stage("s", "pcie");
  st.duration->seconds = 2.5;
  st.duration->where = {"x.yaml", 12, 15};
  Scenario s = one_stage(st);
  Figure f = catalog_duration(bundled_catalog(), s, s.stages[0], *st.duration);
  EXPECT_DOUBLE_EQ(f.value, 2.5);
  EXPECT_EQ(f.provenance, Provenance::assumed);
  EXPECT_EQ(f.source, "x.yaml:12:15");
}

TEST(Durations, FromLinkIsBytesOverDatasheetBandwidth) {
  Stage st = stage("s", "pcie");
  st.link = "pcie_gen5_x16";
  st.shards = 8;
  st.duration->kind = DurationSpec::Kind::link_transfer;
  st.duration->link = "pcie_gen5_x16";
  Scenario s = one_stage(st);
  Figure f = catalog_duration(bundled_catalog(), s, s.stages[0], *st.duration);
  EXPECT_DOUBLE_EQ(f.value, 140e9 / 8 / 63e9);
  EXPECT_EQ(f.provenance, Provenance::datasheet);
  EXPECT_EQ(f.source, "pcie5-spec");
  EXPECT_EQ(f.how.kind, Derivation::Kind::link);
  EXPECT_EQ(f.how.ref, "pcie_gen5_x16");
  EXPECT_DOUBLE_EQ(f.how.bytes, 17.5e9);
  EXPECT_DOUBLE_EQ(f.how.bandwidth_Bps, 63e9);
}

TEST(Durations, FromLinkOnCapacityScaledStorageUsesPerTiBThroughput) {
  Stage st = stage("s", "fs_cache");
  st.link = "fsx_lustre_p2_1000";
  st.payload = Payload::checkpoint;
  st.duration->kind = DurationSpec::Kind::link_transfer;
  st.duration->link = "fsx_lustre_p2_1000";
  st.duration->capacity_bytes = 2400 * kTiB;
  Scenario s = one_stage(st, 405e9);
  s.asset.optimizer_bytes_per_parameter = 12;
  Figure f = catalog_duration(bundled_catalog(), s, s.stages[0], *st.duration);
  // 5.67 TB / (1000 MB/s per TiB x 2400 TiB = 2.4 TB/s) = 2.3625 s
  EXPECT_DOUBLE_EQ(f.value, 5.67e12 / 2.4e12);
  EXPECT_EQ(f.provenance, Provenance::datasheet);
  EXPECT_EQ(f.source, "aws-fsx-lustre-throughput");
  EXPECT_DOUBLE_EQ(f.how.capacity_bytes, 2400 * kTiB);
  EXPECT_DOUBLE_EQ(f.how.bandwidth_Bps, 2.4e12);
}

TEST(Durations, FromBandwidthIsAssumed) {
  Stage st = stage("s", "wan");
  st.duration->kind = DurationSpec::Kind::stated_bandwidth;
  st.duration->bandwidth_Bps = 1.25e9;  // 10 Gb/s
  st.duration->where = {"t.yaml", 3, 4};
  Scenario s = one_stage(st);
  Figure f = catalog_duration(bundled_catalog(), s, s.stages[0], *st.duration);
  EXPECT_DOUBLE_EQ(f.value, 112);  // 140 GB / 1.25 GB/s
  EXPECT_EQ(f.provenance, Provenance::assumed);
  EXPECT_EQ(f.source, "t.yaml:3:4");
}

TEST(Durations, FigureIsPublished) {
  const Catalog& c = bundled_catalog();
  Stage st = stage("s", "nvlink");
  st.duration->kind = DurationSpec::Kind::figure;
  st.duration->figure = "blackwell_cc_nvlink_p2p";
  Scenario s = one_stage(st);
  const PublishedFigure* fig = c.figure("blackwell_cc_nvlink_p2p");
  ASSERT_NE(fig, nullptr);
  ASSERT_EQ(fig->unit, "bytes_per_second");
  Figure f = catalog_duration(c, s, s.stages[0], *st.duration);
  EXPECT_DOUBLE_EQ(f.value, 140e9 / fig->value);
  EXPECT_EQ(f.provenance, Provenance::published);
  EXPECT_EQ(f.source, fig->source.id);

  // A figure in seconds is the duration itself.
  Catalog c2 = c;
  PublishedFigure ten;
  ten.id = "ten_seconds";
  ten.description = "ten seconds";
  ten.unit = "seconds";
  ten.value = 10;
  ten.source.id = "pcie5-spec";
  c2.figures.push_back(ten);
  st.duration->figure = "ten_seconds";
  Figure g = catalog_duration(c2, s, s.stages[0], *st.duration);
  EXPECT_DOUBLE_EQ(g.value, 10);
  EXPECT_EQ(g.provenance, Provenance::published);
}

TEST(Durations, LifetimeIsAssumed) {
  Stage st = stage("s", "hbm");
  st.resident = true;
  st.lifetime_s = 30 * 86400.0;
  st.where = {"t.yaml", 9, 5};
  Scenario s = one_stage(st);
  Figure f = lifetime_figure(s, s.stages[0]);
  EXPECT_DOUBLE_EQ(f.value, 30 * 86400.0);
  EXPECT_EQ(f.provenance, Provenance::assumed);
  EXPECT_EQ(f.how.kind, Derivation::Kind::resident_horizon);
  EXPECT_EQ(f.source, "t.yaml:9:5");
  s.stages[0].lifetime_s = 7 * 86400.0;
  EXPECT_EQ(lifetime_figure(s, s.stages[0]).how.kind, Derivation::Kind::resident_stated);
}

// Coverage: wall-clock time within the horizon with at least one window open.
TEST(Coverage, CountedEventsAddUp) {
  EXPECT_DOUBLE_EQ(coverage(2, 30, 0, 1000), 60);
  EXPECT_DOUBLE_EQ(coverage(2, 30, 0, 50), 50);  // capped at the horizon
}

TEST(Coverage, PeriodicEventsShorterThanThePeriod) {
  // 3 windows of 2 s every 10 s: 2 + 2 + 2.
  EXPECT_DOUBLE_EQ(coverage(2, 3, 10, 100), 6);
  // Checkpoints: 2.3625 s every 2 h, 360 times in 30 d.
  EXPECT_DOUBLE_EQ(coverage(2.3625, 360, 7200, 30 * 86400.0), 360 * 2.3625);
}

TEST(Coverage, PeriodicEventsLongerThanThePeriodOverlap) {
  // 3 windows of 15 s every 10 s: [0,15) [10,25) [20,35) cover 35 s.
  EXPECT_DOUBLE_EQ(coverage(15, 3, 10, 100), 35);
  // 7-day retention every 2 h over 30 days covers the whole horizon.
  EXPECT_DOUBLE_EQ(coverage(7 * 86400.0, 360, 7200, 30 * 86400.0), 30 * 86400.0);
  // 359 periods of 2 h plus one 1-day window: 29.92 d + 1 d, capped.
  EXPECT_DOUBLE_EQ(coverage(86400, 360, 7200, 30 * 86400.0), 30 * 86400.0);
  EXPECT_DOUBLE_EQ(coverage(86400, 100, 7200, 30 * 86400.0), 99 * 7200 + 86400.0);
}

TEST(Coverage, NothingWhenNoWindow) {
  EXPECT_DOUBLE_EQ(coverage(0, 30, 0, 100), 0);
  EXPECT_DOUBLE_EQ(coverage(5, 0, 0, 100), 0);
}

}  // namespace
}  // namespace plainsight
