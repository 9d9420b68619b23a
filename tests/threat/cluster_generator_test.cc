#include "write/cluster_generator.h"

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
  spec.classes[0].nodes = 3;
  spec.classes[0].platform.gpus_per_node = 4;
  YamlFile f = YamlFile::parse(expanded_cluster_scenario_yaml(spec), "generated.yaml");
  const Catalog& c = testing::bundled_catalog();
  Scenario s = read_scenario(f, c);
  EXPECT_EQ(s.stages.size(), 1u + 3 * (4 + 2 * 4));
  EXPECT_EQ(s.flows.size(), 3u * (3 + 3 * 4));
  EXPECT_TRUE(s.stage("node-2.pcie-3"));
  EXPECT_TRUE(s.groups.empty());
  Analysis a = analyze(c, s);
  a.threat = analyze_threats(c, a.scenario, a.windows, {}, {});
  // Each node is a place of its own. One GPU's HBM holds a quarter of the weights: not a
  // full copy for what reads one device (an interposer on one GPU's link), but root on the
  // node reads all four of its GPUs together: a full copy.
  EXPECT_EQ(s.places.size(), 1u + 3);
  EXPECT_EQ(s.place_of(*s.stage("node-2.hbm-3")).id, "node-2");
  int root_reads = 0;
  for (const Reach& r : testing::actor(a, 4).reach)
    if (r.stage.find(".hbm") != std::string::npos || r.stage.find(".pcie") != std::string::npos) {
      if (r.capability == "bus_interposer") {
        EXPECT_FALSE(r.readable) << r.stage;
      }
      if (r.capability == "host_root" && r.stage.find(".hbm") != std::string::npos) {
        EXPECT_TRUE(r.readable) << r.stage;
        EXPECT_DOUBLE_EQ(r.bytes_held, 140e9);
        ++root_reads;
      }
    }
  EXPECT_EQ(root_reads, 3 * 4);
  // The node's fabric is plaintext to root: OC3 breaches.
  EXPECT_EQ(a.threat.ceiling.level, 2);
}

// The grouped form: one group per class, whatever the number of nodes; its stages stand for
// as many as the expanded form has.
TEST(ClusterGenerator, GroupsAClassOnce) {
  ClusterSpec spec;
  spec.classes[0].nodes = 125000;
  const std::string text = cluster_scenario_yaml(spec);
  EXPECT_LT(text.size(), 4096u);
  YamlFile f = YamlFile::parse(text, "generated.yaml");
  const Scenario s = read_scenario(f, testing::bundled_catalog());
  ASSERT_EQ(s.groups.size(), 1u);
  EXPECT_EQ(s.groups[0].count, 125000);
  EXPECT_TRUE(s.places[s.groups[0].place].pinned.empty());  // one class: the scenario's platform
  EXPECT_EQ(s.stages.size(), 7u);
  double replicas = 0;
  for (const Stage& st : s.stages) replicas += static_cast<double>(st.replicas);
  EXPECT_EQ(replicas, expanded_cluster_stages(spec));
  EXPECT_EQ(replicas, 1 + 125000.0 * (4 + 2 * 8));
  EXPECT_EQ(s.stage("node.hbm")->replicas, 1000000);
  EXPECT_EQ(s.platform.nodes, 125000);
}

// Several classes: each group carries its platform, in the grouped and the expanded form.
TEST(ClusterGenerator, GivesEachClassItsPlatform) {
  ClusterSpec spec;
  NodeClass cc;
  cc.id = "cc";
  cc.nodes = 2;
  cc.platform.cpu_tee = "sev_snp";
  cc.platform.confidential_mode = true;
  cc.platform.multi_gpu_mode = "protected_pcie";  // eight Hopper GPUs in one CVM need it
  spec.classes.push_back(cc);
  const Catalog& c = testing::bundled_catalog();
  YamlFile g = YamlFile::parse(cluster_scenario_yaml(spec), "grouped.yaml");
  const Scenario grouped = read_scenario(g, c);
  ASSERT_EQ(grouped.groups.size(), 2u);
  const Platform& cc_platform = grouped.places[grouped.groups[1].place].platform;
  EXPECT_TRUE(cc_platform.confidential_mode);
  EXPECT_EQ(cc_platform.cpu_tee, "sev_snp");
  EXPECT_EQ(grouped.platform.nodes, 18);
  YamlFile x = YamlFile::parse(expanded_cluster_scenario_yaml(spec), "expanded.yaml");
  const Scenario expanded = read_scenario(x, c);
  EXPECT_EQ(expanded.groups.size(), 18u);
  EXPECT_EQ(static_cast<double>(expanded.stages.size()), expanded_cluster_stages(spec));
  const Stage* hbm = expanded.stage("cc-1.hbm-7");
  ASSERT_TRUE(hbm);
  EXPECT_TRUE(expanded.platform_of(*hbm).confidential_mode);
  EXPECT_FALSE(expanded.platform_of(*expanded.stage("node-15.hbm-7")).confidential_mode);
}

// A line of the grouped form is placed in its class's group (what reading it back refuses is
// told about the class); a class that states a key of its own states its GPUs per node too.
TEST(ClusterGenerator, PlacesALineInItsGroup) {
  ClusterSpec spec;
  NodeClass h200;
  h200.id = "h200x8";
  h200.nodes = 2;
  h200.platform.gpu = "h200";
  spec.classes.push_back(h200);
  const std::string text = cluster_scenario_yaml(spec);
  EXPECT_NE(text.find("platform: {gpu: h200, gpus_per_node: 8}"), std::string::npos) << text;
  int line = 0, node_line = 0, h200_line = 0;
  for (std::size_t at = 0; at < text.size(); at = text.find('\n', at) + 1) {
    ++line;
    if (text.compare(at, 10, "  - id: no") == 0) node_line = line;
    if (text.compare(at, 10, "  - id: h2") == 0) h200_line = line;
  }
  ASSERT_GT(node_line, 0);
  ASSERT_GT(h200_line, node_line);
  EXPECT_EQ(cluster_group_at_line(text, 1), "");
  EXPECT_EQ(cluster_group_at_line(text, node_line - 1), "");
  EXPECT_EQ(cluster_group_at_line(text, node_line + 3), "node");
  EXPECT_EQ(cluster_group_at_line(text, h200_line + 3), "h200x8");
  EXPECT_EQ(cluster_group_at_line(text, line + 100), "h200x8");
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
    spec.classes[0].nodes = nodes;
    const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                       ("plainsight-cluster-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(nodes) + ".yaml");
    {
      std::ofstream out(file);
      out << expanded_cluster_scenario_yaml(spec);
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
