// A scenario's `actors:` section replaces catalog defaults, with provenance.
#include <gtest/gtest.h>

#include "threat_support.h"

namespace plainsight {
namespace {

TEST(ActorOverrides, ScenarioReplacesCatalogDefaults) {
  Analysis a = testing::analyze_file(testing::data_path("actor_overrides.yaml"), {}, false);
  const ActorThreat& oc1 = testing::actor(a, 1);
  EXPECT_DOUBLE_EQ(oc1.actor.dwell.value, 10 * 86400);
  EXPECT_EQ(oc1.actor.dwell.provenance, Provenance::assumed);
  EXPECT_NE(oc1.actor.dwell.source.find("actor_overrides.yaml:"), std::string::npos);
  EXPECT_DOUBLE_EQ(oc1.actor.read_bandwidth.value, 1e9);
  EXPECT_EQ(oc1.actor.read_bandwidth.provenance, Provenance::published);
  // Untouched parameters keep the catalog's.
  EXPECT_DOUBLE_EQ(oc1.actor.egress_bandwidth.value, 10e6);
  // 1 s at 1 GB/s reads 1 GB per event: two events 3 d apart fit a 10 d dwell.
  ASSERT_TRUE(oc1.path.found);
  EXPECT_EQ(oc1.path.stage, "wan");
  // Without the section OC1 cannot (see AttackPaths.ShortWindowIsNotEnoughWithoutEvents).
}

YamlFile with_actors(const std::string& section) {
  return YamlFile::parse(
      "name: x\nhorizon: 30d\nasset: {name: a, parameters: 1e9}\n"
      "platform: {gpu: h100}\n"
      "stages:\n  - {id: hbm, medium: hbm, resident: horizon}\n" +
          section,
      "bad.yaml");
}

TEST(ActorOverrides, BadInputNamesTheLine) {
  const Catalog& c = testing::bundled_catalog();
  YamlFile unknown = with_actors("actors:\n  oc33: {dwell: 1d}\n");
  try {
    read_scenario(unknown, c);
    FAIL() << "accepted an unknown actor";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.yaml:8:3:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("unknown actor 'oc33'"), std::string::npos) << e.what();
  }
  YamlFile bad_value = with_actors("actors:\n  oc3: {dwell: 3 parsecs}\n");
  EXPECT_THROW(read_scenario(bad_value, c), InputError);
  YamlFile bad_key = with_actors("actors:\n  oc3: {dwel: 3d}\n");
  EXPECT_THROW(read_scenario(bad_key, c), InputError);
}

// Every provenance a figure may have is accepted and named when one is misspelt: the
// message and the reader share one list (emulated was once missing from the message).
TEST(ActorOverrides, ProvenanceNamesComeFromOneList) {
  const Catalog& c = testing::bundled_catalog();
  for (std::string_view p : kProvenanceNames) {
    YamlFile f = with_actors(
        "actors:\n  oc3:\n    dwell: {value: 3d, provenance: " + std::string(p) +
        ", source: {id: " + c.sources.front().id + ", status: assumed, where: x, quote: y}}\n");
    EXPECT_NO_THROW(read_scenario(f, c)) << p;
  }
  YamlFile bad = with_actors(
      "actors:\n  oc3:\n    dwell: {value: 3d, provenance: guessed, source: {id: x}}\n");
  try {
    read_scenario(bad, c);
    FAIL() << "accepted provenance 'guessed'";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("expected measured, fitted, published, datasheet, "
                                         "emulated or assumed"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace plainsight
