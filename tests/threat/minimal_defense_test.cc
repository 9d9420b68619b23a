#include <gtest/gtest.h>

#include "threat_support.h"

namespace plainsight {
namespace {

using testing::actor;
using testing::analyze_file;
using testing::scenario_path;

TEST(MinimalDefense, HopperNvlinkNeedsBlackwellAgainstOc4) {
  Analysis a = analyze_file(scenario_path("silo-hopper"));
  const MinimalDefense& d = actor(a, 4).defense;
  EXPECT_TRUE(d.needed);
  EXPECT_TRUE(d.cuttable);
  ASSERT_EQ(d.controls, std::vector<std::string>{"blackwell_upgrade"});
  EXPECT_DOUBLE_EQ(d.cost, 10);
  // Re-analysed with the control applied: no path left.
  EXPECT_FALSE(d.after.found);
  EXPECT_FALSE(actor(a, 3).defense.needed);
}

TEST(MinimalDefense, UncuttableRoutesAreNamed) {
  // Nothing in the catalog stops an invasive attack on HBM.
  Analysis a = analyze_file(scenario_path("silo-blackwell"));
  const MinimalDefense& d = actor(a, 5).defense;
  EXPECT_TRUE(d.needed);
  EXPECT_FALSE(d.cuttable);
  EXPECT_EQ(d.uncut, std::vector<std::string>{"invasive_chip at hbm"});
  EXPECT_TRUE(d.after.found);
}

TEST(MinimalDefense, CheapestControlForTheWan) {
  // Root reads HBM: GPU confidential mode (cost 3) fences it from host software, and is
  // cheaper than moving to Blackwell (10), which also would.
  Analysis a =
      analyze_file(testing::data_path("two_windows.yaml"), {"stages.wan.attributes.transport=tls"});
  const MinimalDefense& d = actor(a, 3).defense;
  EXPECT_TRUE(d.cuttable);
  ASSERT_EQ(d.controls, std::vector<std::string>{"gpu_confidential_mode"});
  EXPECT_FALSE(d.after.found);
}

}  // namespace
}  // namespace plainsight
