#include "core/provenance.h"

#include <gtest/gtest.h>

namespace plainsight {
namespace {

TEST(Provenance, NamesRoundTrip) {
  for (Provenance p : {Provenance::measured, Provenance::fitted, Provenance::published,
                       Provenance::datasheet, Provenance::emulated, Provenance::assumed}) {
    Provenance back = Provenance::assumed;
    ASSERT_TRUE(parse_provenance(to_string(p), &back)) << to_string(p);
    EXPECT_EQ(back, p);
  }
  Provenance out = Provenance::measured;
  EXPECT_FALSE(parse_provenance("guessed", &out));
  EXPECT_FALSE(parse_provenance("", &out));
  EXPECT_FALSE(parse_provenance("Measured", &out));
  EXPECT_EQ(out, Provenance::measured) << "untouched on failure";
}

TEST(Provenance, OrderIsPrecedence) {
  // measured > fitted > published > datasheet > emulated > assumed: a lower value wins.
  EXPECT_LT(Provenance::measured, Provenance::fitted);
  EXPECT_LT(Provenance::fitted, Provenance::published);
  EXPECT_LT(Provenance::published, Provenance::datasheet);
  EXPECT_LT(Provenance::datasheet, Provenance::emulated);
  EXPECT_LT(Provenance::emulated, Provenance::assumed);
}

TEST(Figure, DefaultsToAssumed) {
  Figure f;
  EXPECT_EQ(f.provenance, Provenance::assumed);
  EXPECT_EQ(f.value, 0);
}

}  // namespace
}  // namespace plainsight
