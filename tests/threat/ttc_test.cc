#include "core/ttc.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

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

namespace plainsight {
namespace {

// The earliest of n draws, drawn at once, against n draws and their minimum: mean and
// median agree, for every kind, with a Bernoulli factor too.
TEST(Ttc, TheEarliestOfNDrawsMatchesNDraws) {
  for (const char* text :
       {"Exponential(0.1)", "Gamma(3, 10)", "Gamma(0.5, 2)", "LogNormal(1, 0.5)",
        "Uniform(30, 120)", "VeryHardAndUncertain", "Bernoulli(0.1) * Gamma(2, 5)"}) {
    const Ttc t = parse(text);
    for (int n : {1, 3, 8}) {
      Rng a(5), b(6);
      const int trials = 60000;
      std::vector<double> direct, at_once;
      for (int i = 0; i < trials; ++i) {
        double m = std::numeric_limits<double>::infinity();
        for (int k = 0; k < n; ++k) m = std::min(m, t.sample_s(a));
        direct.push_back(m);
        at_once.push_back(t.sample_min_s(b, n));
      }
      auto finite_share = [](const std::vector<double>& v) {
        return std::count_if(v.begin(), v.end(), [](double x) { return std::isfinite(x); }) /
               static_cast<double>(v.size());
      };
      EXPECT_NEAR(finite_share(at_once), finite_share(direct), 0.01) << text << " n=" << n;
      // The finite draws' quartiles, within about six standard errors of a quantile.
      auto finite = [](std::vector<double> v) {
        v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }),
                v.end());
        std::sort(v.begin(), v.end());
        return v;
      };
      const std::vector<double> x = finite(direct), y = finite(at_once);
      const double tolerance = 6 / std::sqrt(static_cast<double>(std::min(x.size(), y.size())));
      for (double q : {0.25, 0.5, 0.75})
        EXPECT_NEAR(
            y[static_cast<std::size_t>(q * y.size())] / x[static_cast<std::size_t>(q * x.size())],
            1.0, tolerance)
            << text << " n=" << n << " q=" << q;
    }
  }
}

TEST(Ttc, TheEarliestOfMillionsStaysFinite) {
  Rng rng(1);
  const Ttc t = parse("Exponential(0.1)");
  for (int i = 0; i < 1000; ++i) {
    const double s = t.sample_min_s(rng, 1e12);
    EXPECT_TRUE(std::isfinite(s) && s >= 0) << s;
  }
  EXPECT_EQ(parse("Zero").sample_min_s(rng, 8), 0);
  EXPECT_TRUE(std::isinf(parse("Infinity").sample_min_s(rng, 8)));
  EXPECT_TRUE(std::isinf(parse("Bernoulli(0) * Exponential(1)").sample_min_s(rng, 1e6)));
}

TEST(Ttc, TheSmallestOfNNormals) {
  Rng a(3), b(4);
  for (int n : {1, 4, 100}) {
    double direct = 0, at_once = 0;
    const int trials = 40000;
    for (int i = 0; i < trials; ++i) {
      double m = std::numeric_limits<double>::infinity();
      for (int k = 0; k < n; ++k) m = std::min(m, a.normal());
      direct += m;
      at_once += sample_min_normal(b, n);
    }
    // E[min of 1, 4, 100 normals] = 0, -1.03, -2.51.
    EXPECT_NEAR(at_once / trials, direct / trials, 0.03) << n;
  }
}

}  // namespace
}  // namespace plainsight
