#include "analyze/sweep.h"

#include <gtest/gtest.h>

#include "core/input_error.h"
#include "threat_support.h"

namespace plainsight {
namespace {

using testing::bundled_catalog;
using testing::scenario_path;

// What `plainsight simulate` computes for one actor: the scenario with --set, its windows and
// threats, the actor's routes simulated.
SimulationResult simulate_like_the_command(const std::string& scenario,
                                           const std::vector<std::string>& sets, int level,
                                           std::uint64_t trials, std::uint64_t seed) {
  Analysis a = testing::analyze_file(scenario_path(scenario), sets, false);
  const ActorThreat& at = testing::actor(a, level);
  SimulationOptions o;
  o.trials = trials;
  o.seed = seed;
  o.threads = 2;
  return simulate(bundled_catalog(), at.actor, a.scenario.horizon_s,
                  simulation_routes(bundled_catalog(), at.reach, at.actor, &a.windows), o);
}

SweepOptions options(std::uint64_t trials, std::uint64_t seed, unsigned threads = 1) {
  SweepOptions o;
  o.simulation.trials = trials;
  o.simulation.seed = seed;
  o.threads = threads;
  return o;
}

TEST(Sweep, APointAgreesWithSimulateOnTheSameSetSeedAndTrials) {
  SweepOptions o = options(4000, 7);
  o.sets = {"stages.fabric.protection=derived"};
  const SweepResult r = run_sweep(bundled_catalog(), scenario_path("aws-frontier"),
                                  {parse_sweep_axis("actors.oc3.dwell=10d,45d"),
                                   parse_sweep_axis("actors.oc4.foothold_rate=1/y,3/y")},
                                  o);
  ASSERT_EQ(r.points.size(), 4u);
  ASSERT_EQ(r.actors.size(), 5u);
  for (const GridPoint& p : r.points) {
    std::vector<std::string> sets = o.sets;
    sets.push_back("actors.oc3.dwell=" + r.axes[0].texts[p.values[0]]);
    sets.push_back("actors.oc4.foothold_rate=" + r.axes[1].texts[p.values[1]]);
    for (const SweepActorResult& a : p.actors) {
      const SimulationResult s = simulate_like_the_command("aws-frontier", sets, a.level, 4000, 7);
      EXPECT_EQ(a.successes, s.successes) << a.actor;
      EXPECT_DOUBLE_EQ(a.ci_low, s.ci_low);
      EXPECT_DOUBLE_EQ(a.ci_high, s.ci_high);
    }
    EXPECT_EQ(
        p.ceiling,
        testing::analyze_file(scenario_path("aws-frontier"), sets, false).threat.ceiling.level);
  }
  // Only actor parameters vary: one window analysis serves all four points.
  EXPECT_EQ(r.analyses, 1u);
  EXPECT_FALSE(r.points[0].shared_analysis);
  EXPECT_TRUE(r.points[3].shared_analysis);
}

// A platform key changes the windows: each point gets its own analysis, and must still be what
// simulate gives with the point's --set. The grid is chosen so that the points differ (no CPU
// TEE opens host memory to OC4 and OC5 when confidential mode is off; on, it is refused), so
// a point analysed as its neighbour would disagree.
TEST(Sweep, APointWithItsOwnAnalysisAgreesWithSimulate) {
  const SweepOptions o = options(3000, 5, 2);
  const SweepResult r = run_sweep(bundled_catalog(), scenario_path("silo-hopper"),
                                  {parse_sweep_axis("platform.confidential_mode=off,on"),
                                   parse_sweep_axis("platform.cpu_tee=none,sev_snp")},
                                  o);
  ASSERT_EQ(r.points.size(), 4u);
  EXPECT_TRUE(r.points[2].refused);  // confidential mode without a CPU TEE
  EXPECT_EQ(r.analyses, 3u);
  for (const GridPoint& p : r.points) {
    if (p.refused) continue;
    EXPECT_FALSE(p.shared_analysis);
    const std::vector<std::string> sets{
        "platform.confidential_mode=" + r.axes[0].texts[p.values[0]],
        "platform.cpu_tee=" + r.axes[1].texts[p.values[1]]};
    ASSERT_EQ(p.actors.size(), 5u);
    for (const SweepActorResult& a : p.actors) {
      const SimulationResult s = simulate_like_the_command("silo-hopper", sets, a.level, 3000, 5);
      EXPECT_EQ(a.successes, s.successes) << sets[0] << " " << sets[1] << " " << a.actor;
      EXPECT_DOUBLE_EQ(a.probability, s.probability);
    }
    EXPECT_EQ(
        p.ceiling,
        testing::analyze_file(scenario_path("silo-hopper"), sets, false).threat.ceiling.level);
  }
  // The points differ: the test would see one analysed as another.
  EXPECT_NE(r.points[0].actors[3].successes, r.points[1].actors[3].successes);
  EXPECT_NE(r.points[1].actors[3].successes, r.points[3].actors[3].successes);
}

TEST(Sweep, WindowKeysGetAnAnalysisEach) {
  const SweepResult r = run_sweep(bundled_catalog(), scenario_path("silo-hopper"),
                                  {parse_sweep_axis("platform.confidential_mode=off,on"),
                                   parse_sweep_axis("actors.oc4.dwell=30d,90d")},
                                  options(500, 1));
  EXPECT_EQ(r.analyses, 2u);
  // Confidential mode changes the plaintext total; the dwell does not.
  EXPECT_NE(r.points[0].plaintext_total_s, r.points[2].plaintext_total_s);
  EXPECT_EQ(r.points[0].plaintext_total_s, r.points[1].plaintext_total_s);
  // silo-hopper states a workload on a GPU: its CC cost is in every row.
  ASSERT_TRUE(r.points[0].run_off_s.has_value());
  EXPECT_GT(*r.points[0].run_on_s, *r.points[0].run_off_s);
}

TEST(Sweep, ARefusedPlatformIsARowNotAnError) {
  SweepOptions o = options(500, 1);
  o.actor = "OC4";
  const SweepResult r = run_sweep(bundled_catalog(), scenario_path("silo-hopper"),
                                  {parse_sweep_axis("platform.gpu=h100,b200,h200")}, o);
  ASSERT_EQ(r.points.size(), 3u);
  EXPECT_FALSE(r.points[0].refused);
  EXPECT_TRUE(r.points[1].refused);  // Blackwell has no protected-PCIe mode
  EXPECT_NE(r.points[1].refusal.find("protected_pcie_is_hopper_only"), std::string::npos)
      << r.points[1].refusal;
  EXPECT_TRUE(r.points[1].actors.empty());
  EXPECT_FALSE(r.points[2].refused);
  EXPECT_EQ(r.points[2].actors.size(), 1u);
  EXPECT_EQ(r.actors, (std::vector<std::string>{"oc4"}));
}

TEST(Sweep, TheSameResultWhateverTheThreads) {
  auto run = [](unsigned threads) {
    return run_sweep(bundled_catalog(), scenario_path("aws-frontier"),
                     {parse_sweep_axis("actors.oc3.dwell=5d..60d:5"),
                      parse_sweep_axis("stages.fabric.protection=derived,fabric.plain")},
                     options(1500, 3, threads));
  };
  const SweepResult one = run(1);
  for (unsigned threads : {2u, 5u}) {
    const SweepResult many = run(threads);
    ASSERT_EQ(many.points.size(), one.points.size());
    for (std::size_t i = 0; i < one.points.size(); ++i) {
      EXPECT_EQ(many.points[i].refused, one.points[i].refused);
      EXPECT_EQ(many.points[i].ceiling, one.points[i].ceiling);
      ASSERT_EQ(many.points[i].actors.size(), one.points[i].actors.size());
      for (std::size_t j = 0; j < one.points[i].actors.size(); ++j)
        EXPECT_EQ(many.points[i].actors[j].successes, one.points[i].actors[j].successes);
    }
  }
}

TEST(Sweep, ABadValueIsNamedAsTheVaryThatGaveIt) {
  try {
    run_sweep(bundled_catalog(), scenario_path("aws-frontier"),
              {parse_sweep_axis("platform.gpu=h100,nonesuch")}, options(100, 1));
    FAIL() << "an unknown GPU was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "--vary platform.gpu=nonesuch") << e.what();
  }
  EXPECT_THROW(run_sweep(bundled_catalog(), scenario_path("aws-frontier"),
                         {parse_sweep_axis("actors.oc3.dwell=1d,2d")},
                         [] {
                           SweepOptions o = options(10, 1);
                           o.actor = "OC9";
                           return o;
                         }()),
               InputError);
}

TEST(Sweep, RefusesAGridTooLargeToRead) {
  const SweepAxis a = parse_sweep_axis("actors.oc3.dwell=1d..100d:200");
  const SweepAxis b = parse_sweep_axis("actors.oc3.foothold_rate=1/y..100/y:200");
  EXPECT_EQ(sweep_size({a}), 200u);
  EXPECT_THROW(sweep_size({a, b}), InputError);
}

}  // namespace
}  // namespace plainsight
