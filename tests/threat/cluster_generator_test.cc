#include "load/cluster_generator.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "analyze/parallel.h"

#include "threat_support.h"

namespace plainsight {
namespace {

TEST(ClusterGenerator, ExpandsPerNodeAndGpu) {
  ClusterSpec spec;
  spec.nodes = 3;
  spec.gpus_per_node = 4;
  YamlFile f = YamlFile::parse(cluster_scenario_yaml(spec), "generated.yaml");
  const Catalog& c = testing::bundled_catalog();
  Scenario s = read_scenario(f, c);
  EXPECT_EQ(s.stages.size(), 1u + 3 * (4 + 2 * 4));
  EXPECT_EQ(s.flows.size(), 3u * (3 + 3 * 4));
  Analysis a = analyze(c, s);
  a.threat = analyze_threats(c, a.scenario, a.windows, {}, {});
  // One GPU's HBM holds a quarter of the weights: not a full copy by itself.
  for (const Reach& r : testing::actor(a, 3).reach)
    if (r.stage.find(".hbm") != std::string::npos) {
      EXPECT_FALSE(r.readable) << r.stage;
    }
  // The node's fabric is plaintext to root: OC3 breaches.
  EXPECT_EQ(a.threat.ceiling.level, 2);
}

}  // namespace
}  // namespace plainsight

namespace plainsight {
namespace {

// A cluster large enough for the analysis to run on several threads (windows, actors, the
// control variants) answers like a small one of the same make: same ceiling, same cheapest
// routes, same minimal defences; only the counts scale.
TEST(ClusterGenerator, ScaleDoesNotChangeTheAnswer) {
  auto threats = [](int nodes) {
    ClusterSpec spec;
    spec.nodes = nodes;
    const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                       ("plainsight-cluster-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(nodes) + ".yaml");
    {
      std::ofstream out(file);
      out << cluster_scenario_yaml(spec);
    }
    Analysis a = testing::analyze_file(file.string());
    std::filesystem::remove(file);
    return a;
  };
  const Analysis small = threats(2);
  const Analysis large = threats(250);  // 5,001 stages: above kParallelMinStages
  ASSERT_GE(large.windows.size(), kParallelMinStages);
  EXPECT_EQ(large.threat.ceiling.level, small.threat.ceiling.level);
  ASSERT_EQ(large.threat.actors.size(), small.threat.actors.size());
  for (std::size_t i = 0; i < small.threat.actors.size(); ++i) {
    const ActorThreat& s = small.threat.actors[i];
    const ActorThreat& l = large.threat.actors[i];
    SCOPED_TRACE(s.actor.id);
    EXPECT_EQ(l.path.found, s.path.found);
    EXPECT_EQ(l.path.capability, s.path.capability);
    EXPECT_DOUBLE_EQ(l.path.expected_s, s.path.expected_s);
    EXPECT_EQ(l.defense.controls, s.defense.controls);
    EXPECT_EQ(l.defense.cuttable, s.defense.cuttable);
    EXPECT_EQ(l.defense.after.found, s.defense.after.found);
    // Readable routes grow by the same number per node (the object store is shared).
    auto readable = [](const ActorThreat& t) {
      return std::count_if(t.reach.begin(), t.reach.end(),
                           [](const Reach& r) { return r.readable; });
    };
    EXPECT_EQ((readable(l) - readable(s)) % 248, 0) << readable(l) << " vs " << readable(s);
  }
}

}  // namespace
}  // namespace plainsight
