#include "analyze/simulation.h"

#include <cmath>

#include <gtest/gtest.h>

#include "threat_support.h"

namespace plainsight {
namespace {

constexpr double kDay = 86400;

// One capability that succeeds at once, an actor who is never detected, and a window open
// for the whole horizon: a copy happens exactly when the first foothold arrives, so
// P(copy within T) = 1 - exp(-rate x T).
struct ClosedForm {
  Catalog catalog;
  ActorProfile actor;
  std::vector<SimulationRoute> routes;
  ClosedForm(double rate_per_day) {
    Capability cap;
    cap.id = "instant";
    std::string err;
    parse_ttc("Zero", &cap.ttc, &err);
    catalog.capabilities.push_back(cap);
    actor.id = "test";
    actor.level = 1;
    actor.capabilities = {"instant"};
    actor.foothold_rate.value = rate_per_day / kDay;
    actor.dwell.value = 1e12;
    actor.read_bandwidth.value = 1e18;
    actor.egress_bandwidth.value = 1e18;
    SimulationRoute r;
    r.stage = "hbm";
    r.capability = "instant";
    r.open_s = 30 * kDay;
    r.read_s = 1e-6;
    r.egress_s = 1e-6;
    routes.push_back(r);
  }
};

TEST(Simulation, MatchesTheClosedFormWithinItsInterval) {
  for (double rate : {0.01, 0.05, 0.2}) {
    ClosedForm f(rate);
    SimulationOptions o;
    o.trials = 40000;
    o.seed = 11;
    SimulationResult r = simulate(f.catalog, f.actor, 30 * kDay, f.routes, o);
    const double expect = 1 - std::exp(-rate * 30);
    EXPECT_LE(r.ci_low, expect) << rate;
    EXPECT_GE(r.ci_high, expect) << rate;
    EXPECT_NEAR(r.probability, expect, 0.02) << rate;
    // Every success came through the one window.
    ASSERT_EQ(r.windows.size(), 1u);
    EXPECT_EQ(r.windows[0].trials, r.successes);
  }
}

TEST(Simulation, SameSeedSameResultWhateverTheThreads) {
  Analysis a = testing::analyze_file(testing::scenario_path("aws-frontier"), {}, false);
  const ActorThreat& oc3 = testing::actor(a, 3);
  std::vector<SimulationRoute> routes =
      simulation_routes(testing::bundled_catalog(), oc3.reach, oc3.actor);
  SimulationResult base;
  for (unsigned threads : {1u, 2u, 3u, 7u}) {
    SimulationOptions o;
    o.trials = 5001;
    o.seed = 99;
    o.threads = threads;
    SimulationResult r =
        simulate(testing::bundled_catalog(), oc3.actor, a.scenario.horizon_s, routes, o);
    if (threads == 1) {
      base = r;
      EXPECT_GT(r.successes, 0u);
      continue;
    }
    EXPECT_EQ(r.successes, base.successes);
    EXPECT_EQ(r.footholds, base.footholds);
    EXPECT_EQ(r.percentiles, base.percentiles);
    ASSERT_EQ(r.windows.size(), base.windows.size());
    for (std::size_t i = 0; i < r.windows.size(); ++i) {
      EXPECT_EQ(r.windows[i].stage, base.windows[i].stage);
      EXPECT_EQ(r.windows[i].trials, base.windows[i].trials);
    }
  }
  SimulationOptions other;
  other.trials = 5001;
  other.seed = 100;
  EXPECT_NE(simulate(testing::bundled_catalog(), oc3.actor, a.scenario.horizon_s, routes, other)
                .footholds,
            base.footholds);
}

TEST(Simulation, PeriodicWindowNeedsItsEvents) {
  // A window open 1 s every day, 30 times; a copy needs 3 events: with instant steps and an
  // actor never detected, success needs a foothold before day 28.
  ClosedForm f(0.1);
  f.routes[0].open_s = 1;
  f.routes[0].period_s = kDay;
  f.routes[0].events = 30;
  f.routes[0].events_needed = 3;
  f.routes[0].read_s = 2.5;
  SimulationOptions o;
  o.trials = 40000;
  SimulationResult r = simulate(f.catalog, f.actor, 30 * kDay, f.routes, o);
  // The foothold must arrive by the start of event 27 (so events 27..29 remain): T = 27 d.
  const double expect = 1 - std::exp(-0.1 * 27);
  EXPECT_LE(r.ci_low, expect);
  EXPECT_GE(r.ci_high, expect);
}

TEST(Simulation, JitterMovesEventsAndIsNoted) {
  // A window open 1 s once a day; footholds last an hour on average. On the nominal
  // schedule a foothold succeeds only when the next event falls within its dwell (about
  // 1 h / 24 h of them); a start jitter of days puts half the events at once (a start is
  // never before the step), so it must raise the probability far beyond its interval.
  ClosedForm f(0.5);
  f.actor.dwell.value = 3600;
  f.routes[0].open_s = 1;
  f.routes[0].period_s = kDay;
  f.routes[0].events = 30;
  f.routes[0].read_s = 0.5;
  SimulationOptions o;
  o.trials = 20000;
  o.seed = 3;
  const SimulationResult nominal = simulate(f.catalog, f.actor, 30 * kDay, f.routes, o);
  EXPECT_EQ(nominal.periodic_routes, 1u);
  EXPECT_EQ(nominal.jittered_routes, 0u);
  f.routes[0].jitter_s = 10 * kDay;
  f.routes[0].jitter_source = "probe.json: host.checkpoint";
  const SimulationResult jittered = simulate(f.catalog, f.actor, 30 * kDay, f.routes, o);
  EXPECT_GT(jittered.ci_low, nominal.ci_high + 0.2);
  EXPECT_EQ(jittered.jittered_routes, 1u);
  ASSERT_EQ(jittered.routes.size(), 1u);
  EXPECT_EQ(jittered.routes[0].jitter_source, "probe.json: host.checkpoint");
  // Still one stream per trial: the same for any number of threads.
  o.threads = 3;
  const SimulationResult three = simulate(f.catalog, f.actor, 30 * kDay, f.routes, o);
  EXPECT_EQ(three.successes, jittered.successes);
  EXPECT_EQ(three.percentiles, jittered.percentiles);
}

TEST(Simulation, RoutesCarryTheWindowsMeasuredSpread) {
  Analysis a = testing::analyze_file(testing::scenario_path("aws-frontier"), {}, false);
  const ActorThreat& oc4 = testing::actor(a, 4);
  // Without measurements: no spread, no jitter, no source.
  for (const SimulationRoute& r :
       simulation_routes(testing::bundled_catalog(), oc4.reach, oc4.actor, &a.windows)) {
    EXPECT_EQ(r.jitter_s, 0) << r.stage;
    EXPECT_TRUE(r.jitter_source.empty()) << r.stage;
  }
  // A measured spread on a periodic window's figure becomes its routes' jitter, named by
  // the figure's source.
  std::vector<Reach> reach = oc4.reach;
  std::vector<Window> windows = a.windows;
  std::size_t periodic = reach.size();
  for (std::size_t i = 0; i < reach.size(); ++i)
    if (reach[i].period_s > 0 && reach[i].open_s > 0 &&
        reach[i].bytes_held >= reach[i].bytes_needed && periodic == reach.size())
      periodic = i;
  ASSERT_LT(periodic, reach.size());
  reach[periodic].jitter_s = 0.25;
  Figure& fig = windows[reach[periodic].window].plaintext_per_event.value > 0
                    ? windows[reach[periodic].window].plaintext_per_event
                    : windows[reach[periodic].window].per_event;
  fig.source = "spread.json: host.bounce_buffer";
  bool seen = false;
  for (const SimulationRoute& r :
       simulation_routes(testing::bundled_catalog(), reach, oc4.actor, &windows))
    if (r.stage == reach[periodic].stage && r.capability == reach[periodic].capability) {
      seen = true;
      EXPECT_EQ(r.jitter_s, 0.25);
      EXPECT_EQ(r.jitter_source, "spread.json: host.bounce_buffer");
    }
  EXPECT_TRUE(seen);
}

TEST(Simulation, WilsonInterval) {
  auto [lo, hi] = wilson_interval(50, 100);
  EXPECT_NEAR(lo, 0.4038, 1e-3);
  EXPECT_NEAR(hi, 0.5962, 1e-3);
  auto [z0, z1] = wilson_interval(0, 100);
  EXPECT_NEAR(z0, 0, 1e-12);
  EXPECT_NEAR(z1, 0.037, 1e-3);
}

}  // namespace
}  // namespace plainsight

namespace plainsight {
namespace {

// A window standing for N replicas answers like N windows side by side: with a reduced
// step (drawn per window) and with measured jitter (drawn per window), the probability of
// a copy agrees within the intervals.
TEST(Simulation, ReplicasAnswerLikeTheWindowsTheyStandFor) {
  Ttc extra;
  std::string err;
  ASSERT_TRUE(parse_ttc("Exponential(0.5)", &extra, &err));
  for (const bool jitter : {false, true}) {
    ClosedForm f(0.2);
    f.actor.dwell.value = jitter ? 3600 : 0.5 * kDay;
    SimulationRoute& r = f.routes[0];
    if (jitter) {
      r.open_s = 1;
      r.period_s = kDay;
      r.events = 30;
      r.read_s = 0.5;
      r.jitter_s = 10 * kDay;
    } else {
      r.extra = &extra;
    }
    SimulationOptions o;
    o.trials = 20000;
    o.seed = 9;
    const SimulationResult one = simulate(f.catalog, f.actor, 30 * kDay, f.routes, o);
    std::vector<SimulationRoute> eight(8, r);
    const SimulationResult side_by_side = simulate(f.catalog, f.actor, 30 * kDay, eight, o);
    r.replicas = 8;
    const SimulationResult replicated = simulate(f.catalog, f.actor, 30 * kDay, f.routes, o);
    SCOPED_TRACE(jitter ? "jitter" : "reduced step");
    // More windows give more chances: the replicas count.
    EXPECT_GT(side_by_side.ci_low, one.ci_high);
    EXPECT_LE(replicated.ci_low, side_by_side.ci_high);
    EXPECT_GE(replicated.ci_high, side_by_side.ci_low);
    EXPECT_NEAR(replicated.probability, side_by_side.probability, 0.02);
  }
}

}  // namespace
}  // namespace plainsight
