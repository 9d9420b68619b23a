// simulate --draw-parameters: each trial draws the actor's parameters from their ranges.
#include <cmath>

#include <gtest/gtest.h>

#include "analyze/simulation.h"
#include "threat_support.h"

namespace plainsight {
namespace {

constexpr double kDay = 86400;

struct Oc3 {
  Analysis analysis = testing::analyze_file(testing::scenario_path("aws-frontier"), {}, false);
  const ActorThreat& threat = testing::actor(analysis, 3);
  std::vector<SimulationRoute> routes =
      simulation_routes(testing::bundled_catalog(), threat.reach, threat.actor, &analysis.windows);
  SimulationResult run(const ActorProfile& actor, bool draw, unsigned threads = 1) const {
    SimulationOptions o;
    o.trials = 20000;
    o.seed = 17;
    o.threads = threads;
    o.draw_parameters = draw;
    return simulate(testing::bundled_catalog(), actor, analysis.scenario.horizon_s, routes, o);
  }
};

TEST(ParameterDraws, ARangeOfNoWidthDrawsThePointValues) {
  const Oc3 f;
  ActorProfile narrow = f.threat.actor;
  for (const char* name : kActorParameters) {
    FigureRange& r = narrow.ranges[name];
    r.low = r.high = narrow.parameter(name)->value;
  }
  const SimulationResult point = f.run(f.threat.actor, false);
  const SimulationResult drawn = f.run(narrow, true);
  EXPECT_GT(point.successes, 0u);
  EXPECT_EQ(drawn.successes, point.successes);
  EXPECT_EQ(drawn.footholds, point.footholds);
  EXPECT_EQ(drawn.drawn.size(), 4u);
  EXPECT_TRUE(point.drawn.empty());
}

TEST(ParameterDraws, TheCatalogsRangesMoveTheResultTheSameWayOnAnyThreads) {
  const Oc3 f;
  ASSERT_FALSE(f.threat.actor.ranges.empty());
  const SimulationResult point = f.run(f.threat.actor, false);
  const SimulationResult one = f.run(f.threat.actor, true, 1);
  const SimulationResult three = f.run(f.threat.actor, true, 3);
  EXPECT_NE(one.successes, point.successes);
  EXPECT_EQ(one.successes, three.successes);
  EXPECT_EQ(one.footholds, three.footholds);
  EXPECT_EQ(one.percentiles, three.percentiles);
}

// An instant step, no detection, a window open all horizon: a copy happens at the first
// foothold, so with the rate drawn per trial P = E[1 - exp(-rate x T)] over the range.
TEST(ParameterDraws, ADrawnRateMatchesItsExpectation) {
  Catalog catalog;
  Capability cap;
  cap.id = "instant";
  std::string err;
  parse_ttc("Zero", &cap.ttc, &err);
  catalog.capabilities.push_back(cap);
  ActorProfile actor;
  actor.id = "test";
  actor.level = 1;
  actor.capabilities = {"instant"};
  actor.foothold_rate.value = 0.03 / kDay;
  actor.dwell.value = 1e12;
  actor.read_bandwidth.value = 1e18;
  actor.egress_bandwidth.value = 1e18;
  FigureRange& r = actor.ranges["foothold_rate"];
  r.low = 0.005 / kDay;
  r.high = 0.06 / kDay;
  SimulationRoute route;
  route.stage = "hbm";
  route.capability = "instant";
  route.open_s = 30 * kDay;
  route.read_s = 1e-6;
  route.egress_s = 1e-6;
  SimulationOptions o;
  o.trials = 40000;
  o.seed = 3;
  o.draw_parameters = true;
  const SimulationResult res = simulate(catalog, actor, 30 * kDay, {route}, o);
  // The expectation over z ~ N(0, 1), by the midpoint rule.
  double expect = 0;
  const double dz = 1e-3;
  for (double z = -8; z < 8; z += dz) {
    const double zm = z + dz / 2;
    const double rate = r.at(actor.foothold_rate.value, zm);
    expect += (1 - std::exp(-rate * 30 * kDay)) * std::exp(-zm * zm / 2) / std::sqrt(2 * M_PI) * dz;
  }
  EXPECT_LE(res.ci_low, expect);
  EXPECT_GE(res.ci_high, expect);
  // And not what the point value gives.
  EXPECT_GT(std::fabs(expect - (1 - std::exp(-0.03 * 30))), 0.02);
}

}  // namespace
}  // namespace plainsight
