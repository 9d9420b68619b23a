#include "core/ttc.h"

#include <cmath>

#include <gtest/gtest.h>

namespace plainsight {
namespace {

Ttc parse(const std::string& s) {
  Ttc t;
  std::string err;
  EXPECT_TRUE(parse_ttc(s, &t, &err)) << s << ": " << err;
  return t;
}

TEST(Ttc, NamedLevelsFollowMal) {
  EXPECT_DOUBLE_EQ(parse("EasyAndCertain").mean_s(), 1 * kSecondsPerDay);
  EXPECT_DOUBLE_EQ(parse("HardAndCertain").mean_s(), 10 * kSecondsPerDay);
  EXPECT_DOUBLE_EQ(parse("VeryHardAndCertain").mean_s(), 100 * kSecondsPerDay);
  Ttc u = parse("HardAndUncertain");
  EXPECT_DOUBLE_EQ(u.p_success, 0.5);
  EXPECT_DOUBLE_EQ(u.mean_s(), 10 * kSecondsPerDay);
}

TEST(Ttc, DistributionsAndMeans) {
  EXPECT_DOUBLE_EQ(parse("Exponential(0.5)").mean_s(), 2 * kSecondsPerDay);
  EXPECT_DOUBLE_EQ(parse("Gamma(3, 10)").mean_s(), 30 * kSecondsPerDay);
  EXPECT_NEAR(parse("LogNormal(1, 0.5)").mean_s(), std::exp(1.125) * kSecondsPerDay, 1e-6);
  EXPECT_DOUBLE_EQ(parse("Uniform(30, 120)").mean_s(), 75 * kSecondsPerDay);
  EXPECT_DOUBLE_EQ(parse("Zero").mean_s(), 0);
  EXPECT_TRUE(std::isinf(parse("Infinity").mean_s()));
  Ttc b = parse("Bernoulli(0.25) * Exponential(1)");
  EXPECT_DOUBLE_EQ(b.p_success, 0.25);
  EXPECT_DOUBLE_EQ(b.mean_s(), kSecondsPerDay);
}

TEST(Ttc, RejectsBadText) {
  Ttc t;
  std::string err;
  EXPECT_FALSE(parse_ttc("Exponential(-1)", &t, &err));
  EXPECT_NE(err.find("positive"), std::string::npos);
  EXPECT_FALSE(parse_ttc("Gamma(1)", &t, &err));
  EXPECT_FALSE(parse_ttc("Weibull(1, 2)", &t, &err));
  EXPECT_NE(err.find("unknown distribution"), std::string::npos);
  EXPECT_FALSE(parse_ttc("Bernoulli(2)", &t, &err));
  EXPECT_FALSE(parse_ttc("Exponential(x)", &t, &err));
  EXPECT_FALSE(parse_ttc("", &t, &err));
  EXPECT_FALSE(parse_ttc("Exponential(1) * Gamma(1, 1)", &t, &err));
}

TEST(Ttc, SamplesMatchTheMean) {
  for (const char* text : {"Exponential(0.1)", "Gamma(3, 10)", "Gamma(0.5, 2)", "LogNormal(1, 0.5)",
                           "Uniform(30, 120)"}) {
    Ttc t = parse(text);
    Rng rng(42);
    const int n = 200000;
    double sum = 0;
    for (int i = 0; i < n; ++i) sum += t.sample_s(rng);
    EXPECT_NEAR(sum / n / t.mean_s(), 1.0, 0.02) << text;
  }
}

TEST(Ttc, BernoulliFailsAtItsRate) {
  Ttc t = parse("Bernoulli(0.3) * Exponential(1)");
  Rng rng(7);
  int ok = 0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) ok += std::isfinite(t.sample_s(rng));
  EXPECT_NEAR(ok / double(n), 0.3, 0.01);
}

TEST(Rng, StreamsAreReproducible) {
  Rng a = Rng::stream(5, 17), b = Rng::stream(5, 17), c = Rng::stream(5, 18);
  EXPECT_EQ(a.next(), b.next());
  EXPECT_NE(a.next(), c.next());
}

}  // namespace
}  // namespace plainsight
