#include "load/cluster_generator.h"

#include <gtest/gtest.h>

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
