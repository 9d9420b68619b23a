#include "load/did_you_mean.h"

#include <gtest/gtest.h>

namespace plainsight {
namespace {

TEST(DidYouMean, SuggestsTheClosestWithinASmallDistance) {
  const std::vector<std::string> keys{"duration", "resident", "medium", "link"};
  EXPECT_EQ(closest("duraton", keys), "duration");
  EXPECT_EQ(closest("medum", keys), "medium");
  EXPECT_EQ(did_you_mean("lnk", keys), " (did you mean 'link'?)");
}

TEST(DidYouMean, SaysNothingWhenNothingIsClose) {
  const std::vector<std::string> keys{"duration", "resident"};
  EXPECT_EQ(closest("bandwidth", keys), "");
  EXPECT_EQ(did_you_mean("bandwidth", keys), "");
  EXPECT_EQ(did_you_mean("x", {}), "");
}

TEST(DidYouMean, PrefersTheNearerOfTwoCandidates) {
  EXPECT_EQ(closest("h1000", {"h200", "h100", "b200"}), "h100");
}

}  // namespace
}  // namespace plainsight
