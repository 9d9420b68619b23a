#include "hwprobe/harness/stats.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace hwprobe {
namespace {

TEST(Stats, OddCountMedianMinMax) {
  const Summary s = summarize({3.0, 1.0, 2.0});
  EXPECT_DOUBLE_EQ(s.median, 2.0);
  EXPECT_DOUBLE_EQ(s.min, 1.0);
  EXPECT_DOUBLE_EQ(s.max, 3.0);
  EXPECT_DOUBLE_EQ(s.mean, 2.0);
  EXPECT_DOUBLE_EQ(s.cv, 0.5);  // sample sd 1 over mean 2
}

TEST(Stats, EvenCountMedianIsMeanOfMiddlePair) {
  EXPECT_DOUBLE_EQ(summarize({4.0, 1.0, 3.0, 2.0}).median, 2.5);
}

TEST(Stats, KnownCoefficientOfVariation) {
  // mean 5, sample variance 32/7
  const Summary s = summarize({2, 4, 4, 4, 5, 5, 7, 9});
  EXPECT_NEAR(s.cv, std::sqrt(32.0 / 7.0) / 5.0, 1e-12);
}

TEST(Stats, SingleSampleHasZeroCv) {
  const Summary s = summarize({0.25});
  EXPECT_DOUBLE_EQ(s.median, 0.25);
  EXPECT_DOUBLE_EQ(s.cv, 0.0);
}

TEST(Stats, RejectsEmptyAndNonFinite) {
  EXPECT_THROW(summarize({}), std::invalid_argument);
  EXPECT_THROW(summarize({1.0, std::numeric_limits<double>::quiet_NaN()}), std::invalid_argument);
}

}  // namespace
}  // namespace hwprobe
