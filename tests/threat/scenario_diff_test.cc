#include "analyze/scenario_diff.h"

#include <gtest/gtest.h>

#include "threat_support.h"

namespace plainsight {
namespace {

using testing::analyze_file;
using testing::scenario_path;

TEST(ScenarioDiff, HopperToBlackwell) {
  Analysis a = analyze_file(scenario_path("silo-hopper"), {}, false);
  Analysis b = analyze_file(scenario_path("silo-blackwell"), {}, false);
  ScenarioDiff d = diff_analyses(a, b);
  // Both stop at OC3: Blackwell closes NVLink, not the forged-attestation route (TEE.fail).
  EXPECT_EQ(d.ceiling_a, 3);
  EXPECT_EQ(d.ceiling_b, 3);
  bool nvlink_changed = false;
  for (const WindowDelta& w : d.windows)
    if (w.stage == "nvlink") {
      nvlink_changed = w.change == WindowDelta::Change::changed;
      EXPECT_TRUE(w.state);
      EXPECT_EQ(a.windows[w.a].state, State::plaintext);
      EXPECT_EQ(b.windows[w.b].state, State::ciphertext);
    }
  EXPECT_TRUE(nvlink_changed);
  // OC4 loses its NVLink route and keeps the key route.
  EXPECT_EQ(d.actors[3].closed, (std::vector<RouteRef>{{"bus_interposer", "nvlink"}}));
  EXPECT_TRUE(d.actors[3].path_a);
  EXPECT_TRUE(d.actors[3].path_b);
}

TEST(ScenarioDiff, AddedAndRemovedWindows) {
  Analysis a = analyze_file(testing::data_path("two_windows.yaml"), {}, false);
  Analysis b = analyze_file(scenario_path("silo-hopper"), {}, false);
  ScenarioDiff d = diff_analyses(a, b);
  int added = 0, removed = 0;
  for (const WindowDelta& w : d.windows) {
    added += w.change == WindowDelta::Change::added;
    removed += w.change == WindowDelta::Change::removed;
  }
  EXPECT_EQ(removed, 1);  // wan
  EXPECT_EQ(added, 4);    // object_store, cvm_decrypt, pcie, nvlink (hbm is in both)
}

// A and B each cite sources of their own, so each is analysed under a catalog of its own:
// the same rule is then another object, and still the same protection.
TEST(ScenarioDiff, ScenariosWithTheirOwnSources) {
  Analysis a = analyze_file(testing::repo_path("tests/data/own-sources.yaml"));
  Analysis b = analyze_file(testing::repo_path("tests/data/own-sources-b.yaml"));
  ASSERT_NE(a.catalog, b.catalog);
  EXPECT_NE(a.catalog->source("oci-blog-bucket-encryption"), nullptr);
  EXPECT_EQ(b.catalog->source("oci-blog-bucket-encryption"), nullptr);
  EXPECT_NE(b.catalog->source("oci-object-storage-encrypting-data"), nullptr);
  ScenarioDiff d = diff_analyses(a, b);
  EXPECT_TRUE(d.windows.empty());
  EXPECT_EQ(d.ceiling_a, d.ceiling_b);
  // The same file twice: two loads, two catalogs, no change.
  Analysis again = analyze_file(testing::repo_path("tests/data/own-sources.yaml"));
  ASSERT_NE(a.catalog, again.catalog);
  EXPECT_TRUE(diff_analyses(a, again).windows.empty());
  // A real change is still one: B without the stated protection.
  Analysis derived = analyze_file(testing::repo_path("tests/data/own-sources-b.yaml"),
                                  {"stages.bucket.protection=derived"});
  ScenarioDiff dd = diff_analyses(a, derived);
  ASSERT_EQ(dd.windows.size(), 1u);
  EXPECT_EQ(dd.windows[0].stage, "bucket");
  EXPECT_EQ(dd.windows[0].change, WindowDelta::Change::changed);
}

}  // namespace
}  // namespace plainsight
