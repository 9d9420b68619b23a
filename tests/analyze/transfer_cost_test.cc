// What the transfer guide's figures come out as: $35 per 140 GB transfer at $0.25/GB, $36,400 a
// year for 20 endpoints weekly, 360 checkpoint transfers in 30 days, scp and P2P at $0.
#include "analyze/transfer_cost.h"

#include <gtest/gtest.h>

#include "analyze_support.h"

namespace plainsight {
namespace {

using testing::bundled_catalog;
using testing::bundled_scenario;

const PublishedComparison& compared(const TransferCost& t, const std::string& quantity) {
  for (const PublishedComparison& x : t.compared)
    if (x.quantity == quantity) return x;
  throw std::runtime_error("no comparison " + quantity);
}

TEST(TransferCost, CloudRelayMatchesTheGuide) {
  auto t = transfer_cost(bundled_catalog(), bundled_scenario("transfer-cloud-relay"));
  ASSERT_TRUE(t);
  EXPECT_DOUBLE_EQ(t->bytes, 140e9);
  EXPECT_DOUBLE_EQ(t->per_transfer_usd, 35);  // 140 GB x $0.25/GB
  EXPECT_DOUBLE_EQ(t->transfers, 360);        // every 2 h for 30 d
  EXPECT_DOUBLE_EQ(t->horizon_usd, 360 * 35);
  EXPECT_EQ(t->endpoints, 20);
  EXPECT_DOUBLE_EQ(t->per_period_usd, 700);   // "$700/week"
  EXPECT_DOUBLE_EQ(t->periods_per_year, 52);  // whole weeks in 365 days
  EXPECT_DOUBLE_EQ(t->per_year_usd, 36400);   // "$36,400/year"
  for (const char* q : {"per_transfer", "per_year", "transfers"}) {
    EXPECT_TRUE(compared(*t, q).agrees) << q;
    EXPECT_EQ(compared(*t, q).published->source.id, "seed-handrive") << q;
  }
}

TEST(TransferCost, DirectTransfersCostNothing) {
  for (const char* name : {"transfer-scp", "transfer-p2p-e2e"}) {
    auto t = transfer_cost(bundled_catalog(), bundled_scenario(name));
    ASSERT_TRUE(t) << name;
    EXPECT_DOUBLE_EQ(t->per_transfer_usd, 0) << name;
    EXPECT_TRUE(compared(*t, "per_transfer").agrees) << name;
    EXPECT_TRUE(compared(*t, "transfers").agrees) << name;
  }
}

// A computed figure that drifts from the published one says so.
TEST(TransferCost, ADifferentPriceDisagreesWithTheSource) {
  auto t = transfer_cost(bundled_catalog(),
                         bundled_scenario("transfer-cloud-relay", {"asset.parameters=35e9"}));
  ASSERT_TRUE(t);
  EXPECT_DOUBLE_EQ(t->per_transfer_usd, 17.5);
  EXPECT_FALSE(compared(*t, "per_transfer").agrees);
  EXPECT_TRUE(compared(*t, "transfers").agrees);
}

TEST(TransferCost, NoSectionNoCost) {
  EXPECT_FALSE(transfer_cost(bundled_catalog(), bundled_scenario("aws-frontier")));
}

TEST(TransferCost, BadSectionsAreInputErrors) {
  auto error = [](const std::string& set) {
    try {
      bundled_scenario("transfer-cloud-relay", {set});
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  EXPECT_NE(error("transfer_cost.stage=relya").find("unknown stage 'relya'"), std::string::npos);
  EXPECT_NE(error("transfer_cost.price=silo_run").find("figure 'silo_run' is in seconds"),
            std::string::npos);
}

}  // namespace
}  // namespace plainsight
