// Grouped and expanded forms of the same cluster answer alike: the same exposure ceiling,
// attack paths and minimal defences, windows whose totals agree, each expanded window equal
// to the one of its class. The expanded form is built two ways: in memory from the grouped
// scenario (group_expansion.h, the reference meaning of counts and flows), and by
// `generate cluster --expand` (expanded_cluster_scenario_yaml), loaded from its file.
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "analyze/window_totals.h"
#include "write/cluster_generator.h"

#include "group_expansion.h"
#include "threat_support.h"

namespace plainsight {
namespace {

using ClassOf = std::function<std::string(const std::string&)>;  // expanded id -> grouped id

// "node-17.pcie-3" -> "node.pcie": the ids of generate cluster --expand.
std::string class_by_name(const std::string& id) {
  static const std::regex kReplica("-[0-9]+(\\.|$)");
  return std::regex_replace(id, kReplica, "$1");
}

// A scenario written to a temporary file (reanalysis reloads from the file).
class TempScenario {
 public:
  explicit TempScenario(const std::string& text, const std::string& tag)
      : path_(std::filesystem::temp_directory_path() /
              fmt::format("plainsight-groups-{}-{}.yaml", ::getpid(), tag)) {
    std::ofstream(path_) << text;
  }
  ~TempScenario() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

Analysis with_threats(Scenario s) {
  const Catalog& c = testing::bundled_catalog();
  Analysis a = analyze(c, std::move(s));
  a.threat = analyze_threats(c, a.scenario, a.windows, {},
                             platform_reanalysis(c, a.scenario, nullptr, &a.arriving));
  return a;
}

std::set<std::string> readable(const ActorThreat& t, const ClassOf& class_of) {
  std::set<std::string> out;
  for (const Reach& r : t.reach)
    if (r.readable)
      out.insert(r.capability + " at " + class_of(r.stage) +
                 (r.key_step ? " via " + r.key_capability : ""));
  return out;
}

std::set<std::string> mapped(const std::vector<RouteRef>& routes, const ClassOf& class_of) {
  std::set<std::string> out;
  for (const RouteRef& r : routes) out.insert(r.capability + " at " + class_of(r.stage));
  return out;
}

void expect_near(double a, double b, const char* what) {
  EXPECT_NEAR(a, b, 1e-9 * std::max(std::abs(a), std::abs(b))) << what;
}

void expect_equivalent(const Analysis& g, const Analysis& x, const ClassOf& class_of) {
  // Every expanded window is its class's window.
  std::map<std::string, const Window*> by_id;
  for (const Window& w : g.windows) by_id[w.stage] = &w;
  std::set<std::string> seen;
  for (const Window& w : x.windows) {
    const auto it = by_id.find(class_of(w.stage));
    ASSERT_NE(it, by_id.end()) << w.stage;
    const Window& k = *it->second;
    seen.insert(k.stage);
    SCOPED_TRACE(w.stage);
    EXPECT_EQ(w.replicas, 1);
    EXPECT_EQ(w.state, k.state);
    EXPECT_EQ(w.protection_id, k.protection_id);
    EXPECT_DOUBLE_EQ(w.bytes, k.bytes);
    EXPECT_DOUBLE_EQ(w.per_event.value, k.per_event.value);
    EXPECT_DOUBLE_EQ(w.events, k.events);
    EXPECT_DOUBLE_EQ(w.plaintext_total_s, k.plaintext_total_s);
    EXPECT_EQ(w.plaintext_readers(), k.plaintext_readers());
  }
  EXPECT_EQ(seen.size(), g.windows.size());
  // Totals count the replicas.
  const WindowTotals& tg = g.totals;
  const WindowTotals& tx = x.totals;
  EXPECT_EQ(tx.windows, static_cast<std::size_t>(tg.stages));
  EXPECT_EQ(tx.stages, tg.stages);
  EXPECT_EQ(tx.plaintext_stages, tg.plaintext_stages);
  EXPECT_EQ(tx.plaintext_copies, tg.plaintext_copies);
  expect_near(tx.plaintext_bytes, tg.plaintext_bytes, "plaintext bytes");
  expect_near(tx.plaintext_total_s, tg.plaintext_total_s, "plaintext total");
  expect_near(tx.events, tg.events, "events");
  // The threat analysis.
  EXPECT_EQ(x.threat.ceiling.level, g.threat.ceiling.level);
  EXPECT_EQ(x.threat.ceiling.breached_by, g.threat.ceiling.breached_by);
  ASSERT_EQ(x.threat.actors.size(), g.threat.actors.size());
  for (std::size_t i = 0; i < g.threat.actors.size(); ++i) {
    const ActorThreat& a = g.threat.actors[i];
    const ActorThreat& b = x.threat.actors[i];
    SCOPED_TRACE(a.actor.id);
    EXPECT_EQ(b.path.found, a.path.found);
    EXPECT_EQ(b.path.within_dwell, a.path.within_dwell);
    expect_near(b.path.expected_s, a.path.expected_s, "path");
    EXPECT_EQ(b.path.capability, a.path.capability);
    EXPECT_EQ(b.path.key_capability, a.path.key_capability);
    EXPECT_EQ(b.path.key_step, a.path.key_step);
    // The same stage, or one that ties with it: the same capability reads it in full at the
    // same expected time (root on a node reads its NVLink and its GPUs' HBM alike).
    if (class_of(b.path.stage) != a.path.stage) {
      EXPECT_TRUE(readable(a, [](const std::string& s) { return s; })
                      .count(b.path.capability + " at " + class_of(b.path.stage)))
          << b.path.stage << " vs " << a.path.stage;
    }
    EXPECT_EQ(readable(b, class_of), readable(a, [](const std::string& s) { return s; }));
    EXPECT_EQ(b.defense.needed, a.defense.needed);
    EXPECT_EQ(b.defense.cuttable, a.defense.cuttable);
    EXPECT_EQ(b.defense.controls, a.defense.controls);
    EXPECT_DOUBLE_EQ(b.defense.cost, a.defense.cost);
    EXPECT_EQ(b.defense.after.found, a.defense.after.found);
    expect_near(b.defense.after.expected_s, a.defense.after.expected_s, "path after");
    EXPECT_EQ(mapped(b.defense.uncut, class_of),
              mapped(a.defense.uncut, [](const std::string& s) { return s; }));
  }
}

// The grouped form against its expansion in memory, and against --expand loaded from a file.
void check_cluster(const ClusterSpec& spec, const std::string& tag) {
  const Catalog& c = testing::bundled_catalog();
  const TempScenario grouped(cluster_scenario_yaml(spec), tag + "-grouped");
  const TempScenario expanded(expanded_cluster_scenario_yaml(spec), tag + "-expanded");
  const Scenario gs = load_scenario(grouped.path(), c, {});
  const Analysis g = with_threats(gs);
  {
    SCOPED_TRACE("in memory");
    testing::Expansion e = testing::expand_groups(gs);
    std::map<std::string, std::string> class_of;
    for (std::size_t i = 0; i < e.scenario.stages.size(); ++i)
      class_of[e.scenario.stages[i].id] = gs.stages[e.class_of[i]].id;
    expect_equivalent(g, with_threats(e.scenario), [&](const std::string& id) {
      const auto it = class_of.find(id);
      return it == class_of.end() ? id : it->second;
    });
  }
  {
    SCOPED_TRACE("generate --expand");
    const Scenario xs = load_scenario(expanded.path(), c, {});
    EXPECT_EQ(static_cast<double>(xs.stages.size()), expanded_cluster_stages(spec));
    expect_equivalent(g, with_threats(xs), class_by_name);
  }
}

TEST(GroupEquivalence, OneClass) {
  ClusterSpec spec;
  spec.classes[0].nodes = 3;
  spec.classes[0].platform.gpus_per_node = 4;
  check_cluster(spec, "one");
}

TEST(GroupEquivalence, OneClassConfidential) {
  ClusterSpec spec;
  NodeClass& k = spec.classes[0];
  k.nodes = 2;
  k.platform.gpu = "b200";
  k.platform.cpu_tee = "sev_snp";
  k.platform.confidential_mode = true;
  k.platform.multi_gpu_mode = "nvlink_encryption";
  spec.key_custody = "customer_user_specific";
  check_cluster(spec, "cc");
}

// 1,000 nodes with CC on and 11,500 without, in miniature: two classes, two platforms.
TEST(GroupEquivalence, Heterogeneous) {
  ClusterSpec spec;
  NodeClass cc;
  cc.id = "cc";
  cc.name = "CC nodes";
  cc.nodes = 2;
  cc.platform.cpu_tee = "sev_snp";
  cc.platform.confidential_mode = true;
  cc.platform.multi_gpu_mode = "protected_pcie";
  NodeClass plain;
  plain.id = "plain";
  plain.name = "Plain nodes";
  plain.nodes = 3;
  plain.platform.gpus_per_node = 4;
  spec.classes = {plain, cc};
  check_cluster(spec, "mixed");
}

TEST(GroupEquivalence, OneGpuPerNode) {
  ClusterSpec spec;
  spec.classes[0].nodes = 2;
  spec.classes[0].platform.gpus_per_node = 2;
  spec.classes[0].platform.gpu = "b200";
  check_cluster(spec, "b200");
}

// Every kind of flow between replicas, a top-level stage with a count, key routes.
TEST(GroupEquivalence, HandWrittenGroups) {
  const Catalog& c = testing::bundled_catalog();
  const std::string path = testing::data_path("grouped_mixed.yaml");
  const Scenario gs = load_scenario(path, c, {});
  ASSERT_EQ(gs.groups.size(), 2u);
  const Analysis g = with_threats(gs);
  testing::Expansion e = testing::expand_groups(gs);
  EXPECT_EQ(e.scenario.stages.size(), 53u);
  std::map<std::string, std::string> class_of;
  for (std::size_t i = 0; i < e.scenario.stages.size(); ++i)
    class_of[e.scenario.stages[i].id] = gs.stages[e.class_of[i]].id;
  expect_equivalent(g, with_threats(e.scenario), [&](const std::string& id) {
    const auto it = class_of.find(id);
    return it == class_of.end() ? id : it->second;
  });
  // Something is reachable in it, so the comparison above compared paths, not two nothings.
  EXPECT_GT(g.threat.ceiling.breached_level, 0);
}

}  // namespace
}  // namespace plainsight
