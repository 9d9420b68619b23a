#include "analyze/sensitivity.h"

#include <cmath>
#include <sstream>

#include <gtest/gtest.h>

#include "core/input_error.h"
#include "report/sensitivity_report.h"
#include "threat_support.h"

namespace plainsight {
namespace {

using testing::bundled_catalog;
using testing::scenario_path;

constexpr double kDay = 86400;

SensitivityOptions options(std::uint64_t trials, unsigned threads = 1) {
  SensitivityOptions o;
  o.simulation.trials = trials;
  o.simulation.seed = 5;
  o.threads = threads;
  return o;
}

const AssumptionEffect* find(const SensitivityResult& r, Assumption::Kind kind,
                             const std::string& subject, const std::string& parameter) {
  for (const AssumptionEffect& e : r.effects)
    if (e.assumption.kind == kind && e.assumption.subject == subject &&
        e.assumption.parameter == parameter)
      return &e;
  return nullptr;
}

TEST(ScaledTtc, ScalesTheMeanTimeAndKeepsTheChanceOfSuccess) {
  for (const char* text : {"Exponential(0.1)", "Gamma(2, 3)", "LogNormal(1, 0.5)", "Uniform(2, 6)",
                           "Bernoulli(0.5) * Exponential(0.01)"}) {
    Ttc t;
    std::string error;
    ASSERT_TRUE(parse_ttc(text, &t, &error)) << error;
    const Ttc s = scaled_ttc(t, 2.5);
    EXPECT_NEAR(s.mean_s(), 2.5 * t.mean_s(), 1e-6 * t.mean_s()) << text;
    EXPECT_EQ(s.p_success, t.p_success) << text;
  }
}

TEST(Sensitivity, FindsWhereTheCeilingFlipsOnAnActorsDwell) {
  // transfer-cloud-relay: OC2's relay breach reads the retention in full but its cheapest
  // path takes longer than OC2's 7-day dwell; at a dwell as long as the path OC2 breaks
  // the ceiling, which drops from OC2 to OC1.
  const Analysis a = testing::analyze_file(scenario_path("transfer-cloud-relay"), {}, false);
  const double path_s = testing::actor(a, 2).path.expected_s;
  const SensitivityResult r =
      run_sensitivity(bundled_catalog(), scenario_path("transfer-cloud-relay"), options(2000));
  EXPECT_EQ(r.baseline.ceiling, 2);
  const AssumptionEffect* dwell = find(r, Assumption::Kind::actor_parameter, "oc2", "dwell");
  ASSERT_NE(dwell, nullptr);
  EXPECT_EQ(dwell->at_high.ceiling, 1);
  EXPECT_EQ(dwell->at_low.ceiling, 2);
  ASSERT_EQ(dwell->flips.size(), 1u);
  const VerdictFlip& f = dwell->flips[0];
  EXPECT_EQ(f.verdict, VerdictFlip::Verdict::ceiling);
  EXPECT_TRUE(f.high_side);
  EXPECT_EQ(f.at.ceiling, 1);
  // The flip is the path's expected time, to the bisection's precision.
  EXPECT_NEAR(f.value / path_s, 1.0, 2e-3) << f.value / kDay << " d vs " << path_s / kDay;
  // OC2 is not the chosen actor (OC3 breaches): its dwell moves no P.
  EXPECT_FALSE(dwell->simulated);
  ASSERT_TRUE(r.decisive.has_value());
  EXPECT_FALSE(r.effects[*r.decisive].flips.empty());
  for (std::size_t i = 0; i < *r.decisive; ++i) EXPECT_TRUE(r.effects[i].flips.empty());
}

TEST(Sensitivity, UsesAParametersOwnRangeAndCutsLifetimesAtTheHorizon) {
  const SensitivityResult r =
      run_sensitivity(bundled_catalog(), scenario_path("aws-frontier"), options(1000));
  EXPECT_EQ(r.actor, "oc3");
  const AssumptionEffect* dwell = find(r, Assumption::Kind::actor_parameter, "oc3", "dwell");
  ASSERT_NE(dwell, nullptr);
  EXPECT_TRUE(dwell->assumption.own_range);
  EXPECT_EQ(dwell->assumption.range_source.id, "mandiant-m-trends-2026");
  EXPECT_DOUBLE_EQ(dwell->assumption.low, 16 * kDay);
  EXPECT_DOUBLE_EQ(dwell->assumption.high, 60 * kDay);
  EXPECT_TRUE(dwell->simulated);
  // A longer dwell never lowers the chance of a copy.
  EXPECT_GE(dwell->at_high.probability, dwell->at_low.probability);
  const AssumptionEffect* s3 = find(r, Assumption::Kind::stage_duration, "s3", "lifetime");
  ASSERT_NE(s3, nullptr);
  EXPECT_TRUE(s3->assumption.cut_at_horizon);
  EXPECT_DOUBLE_EQ(s3->assumption.high, 30 * kDay);
  EXPECT_DOUBLE_EQ(s3->assumption.low, 15 * kDay);
  // A time to compromise is varied by the factor, on the mean time.
  const AssumptionEffect* root =
      find(r, Assumption::Kind::capability_ttc, "cloud_credentials", "ttc");
  ASSERT_NE(root, nullptr);
  EXPECT_FALSE(root->assumption.own_range);
  EXPECT_NEAR(root->assumption.high / root->assumption.point, 2, 1e-12);
  EXPECT_GE(root->at_low.probability, root->at_high.probability);
  // Ranked by the swing in P.
  for (std::size_t i = 1; i < r.effects.size(); ++i)
    EXPECT_GE(r.effects[i - 1].swing, r.effects[i].swing);
}

TEST(SensitivityReport, SaysWhichEndOfARangeIsCitedAndWhichAssumed) {
  const SensitivityResult r =
      run_sensitivity(bundled_catalog(), scenario_path("aws-frontier"), options(300));
  auto range = [&](const std::string& actor, const std::string& parameter) {
    const AssumptionEffect* e = find(r, Assumption::Kind::actor_parameter, actor, parameter);
    return e ? assumption_range(e->assumption, r.factor) : std::string("(missing)");
  };
  // M-Trends bounds one end of each dwell range; the other is a factor of the value, assumed.
  EXPECT_EQ(range("oc3", "dwell"),
            "16 d .. 60 d (low end: mandiant-m-trends-2026, claimed; high end: x2, assumed)");
  EXPECT_EQ(range("oc4", "dwell"),
            "45 d .. 176 d (low end: x1/2, assumed; high end: mandiant-m-trends-2026, claimed)");
  // Whole days read as days: 730 d, not 1.999 y.
  EXPECT_EQ(range("oc5", "dwell"),
            "176 d .. 730 d (low end: mandiant-m-trends-2026, claimed; high end: x2, assumed)");
  EXPECT_EQ(range("oc3", "foothold_rate"),
            "0.9/y .. 8/y (low end: sophos-state-of-ransomware-2024, claimed; high end: x2, "
            "assumed)");
  EXPECT_EQ(range("oc3", "read_bandwidth"),
            "5 GB/s .. 20 GB/s (its 90% range: plainsight-assumption, assumed)");
  // The CSV says which end its range_status is for.
  std::ostringstream csv;
  sensitivity_csv(csv, r);
  EXPECT_NE(csv.str().find(",range_status,range_cited,status,"), std::string::npos);
  EXPECT_NE(csv.str().find(
                "actor_parameter,\"oc3\",\"dwell\",s,2592000,1382400,5184000,yes,claimed,low,"),
            std::string::npos)
      << csv.str();
}

TEST(SensitivityReport, SaysSoWhenNothingMovesTheActor) {
  SensitivityOptions o = options(300);
  o.actor = "OC1";  // no route in aws-frontier: P is 0 over every range
  const SensitivityResult r = run_sensitivity(bundled_catalog(), scenario_path("aws-frontier"), o);
  const std::string sentence = decisive_sentence(r);
  EXPECT_NE(sentence.find("no assumption changes OC1's P or the ceiling within its range"),
            std::string::npos)
      << sentence;
  EXPECT_EQ(sentence.find("largest effect"), std::string::npos) << sentence;
  // Where something moves P, the largest effect is still named.
  const SensitivityResult oc3 =
      run_sensitivity(bundled_catalog(), scenario_path("aws-frontier"), options(300));
  ASSERT_FALSE(oc3.decisive.has_value());
  EXPECT_NE(decisive_sentence(oc3).find("the largest effect is OC3 foothold rate"),
            std::string::npos);
}

TEST(Sensitivity, FindsWhereTheProbabilityCrossesTheThreshold) {
  SensitivityOptions o = options(3000);
  o.actor = "OC3";
  o.threshold = 0.3;  // the baseline is near 0.21: more footholds cross it
  const SensitivityResult r = run_sensitivity(bundled_catalog(), scenario_path("aws-frontier"), o);
  const AssumptionEffect* rate = find(r, Assumption::Kind::actor_parameter, "oc3", "foothold_rate");
  ASSERT_NE(rate, nullptr);
  ASSERT_LT(r.baseline.probability, 0.3);
  ASSERT_GE(rate->at_high.probability, 0.3);
  const VerdictFlip* flip = nullptr;
  for (const VerdictFlip& f : rate->flips)
    if (f.verdict == VerdictFlip::Verdict::probability) flip = &f;
  ASSERT_NE(flip, nullptr);
  EXPECT_TRUE(flip->high_side);
  EXPECT_GT(flip->value, rate->assumption.point);
  EXPECT_LE(flip->value, rate->assumption.high);
  EXPECT_GE(flip->at.probability, 0.3);
}

TEST(Sensitivity, TheSameResultWhateverTheThreads) {
  const SensitivityResult one =
      run_sensitivity(bundled_catalog(), scenario_path("silo-hopper"), options(800, 1));
  const SensitivityResult many =
      run_sensitivity(bundled_catalog(), scenario_path("silo-hopper"), options(800, 3));
  ASSERT_EQ(one.effects.size(), many.effects.size());
  for (std::size_t i = 0; i < one.effects.size(); ++i) {
    EXPECT_EQ(one.effects[i].assumption.subject, many.effects[i].assumption.subject);
    EXPECT_EQ(one.effects[i].at_low.successes, many.effects[i].at_low.successes);
    EXPECT_EQ(one.effects[i].at_high.successes, many.effects[i].at_high.successes);
    EXPECT_EQ(one.effects[i].flips.size(), many.effects[i].flips.size());
  }
}

TEST(Sensitivity, RefusesAFactorOrThresholdOutOfRange) {
  SensitivityOptions o = options(10);
  o.factor = 1;
  EXPECT_THROW(run_sensitivity(bundled_catalog(), scenario_path("aws-frontier"), o), InputError);
  o = options(10);
  o.threshold = 0;
  EXPECT_THROW(run_sensitivity(bundled_catalog(), scenario_path("aws-frontier"), o), InputError);
  o = options(10);
  o.actor = "OC8";
  EXPECT_THROW(run_sensitivity(bundled_catalog(), scenario_path("aws-frontier"), o), InputError);
}

}  // namespace
}  // namespace plainsight
