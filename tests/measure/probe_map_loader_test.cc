#include "load/probe_map_loader.h"

#include <unistd.h>
#include <filesystem>

#include <fstream>

#include <gtest/gtest.h>

#include "analyze/attributes.h"
#include "analyze/measured_durations.h"
#include "core/input_error.h"
#include "test_support.h"

namespace plainsight {
namespace {

std::string write_temp(const std::string& name, const std::string& text) {
  const auto path =
      std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(path) << text;
  return path.string();
}

std::string error_of(const std::string& yaml) {
  const std::string path = write_temp("probe-map", yaml);
  try {
    load_probe_map(path, test::bundled_catalog());
  } catch (const InputError& e) {
    std::filesystem::remove(path);
    return e.what();
  }
  std::filesystem::remove(path);
  return "";
}

TEST(ProbeMapLoader, BundledMapCoversTheMedia) {
  const ProbeMap& m = test::bundled_catalog().probe_map;
  for (const char* medium :
       {"pcie", "fs_cache", "host_dram", "local_nvme", "nvlink", "fabric", "hbm"}) {
    bool found = false;
    for (const ProbeRule& r : m.rules) found |= r.medium == medium;
    EXPECT_TRUE(found) << medium;
  }
  for (const ProbeRule& r : m.rules) EXPECT_FALSE(r.why.empty()) << r.id;
}

TEST(ProbeMapLoader, MostSpecificRuleDecides) {
  const Catalog& c = test::bundled_catalog();
  Scenario s = load_scenario(test::repo("scenarios/silo-blackwell.yaml"), c);
  const Stage& pcie = *s.stage("pcie");
  const ProbeRule* r = select_probe_rule(c.probe_map, pcie, stage_attributes(c, s.platform, pcie));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->id, "pcie_bounce_emulation_guard");  // the Hopper emulation is not Blackwell's
  Scenario h = load_scenario(test::repo("scenarios/silo-hopper.yaml"), c);
  const Stage& decrypt = *h.stage("cvm_decrypt");
  r = select_probe_rule(c.probe_map, decrypt, stage_attributes(c, h.platform, decrypt));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->id, "host_dram_decrypt");
}

TEST(ProbeMapLoader, RefusesAnUnknownMedium) {
  const std::string e = error_of(
      "gpu_models: []\nrules:\n  - id: x\n    medium: pcei\n    why: w\n"
      "    probes: [{probe: cuda.h2d, label: l}]\n");
  EXPECT_NE(e.find("unknown medium 'pcei'"), std::string::npos) << e;
  EXPECT_NE(e.find(":4:"), std::string::npos) << e;
}

TEST(ProbeMapLoader, RefusesAnUnknownGpu) {
  const std::string e = error_of("gpu_models: [{match: X, gpu: h900}]\nrules: []\n");
  EXPECT_NE(e.find("unknown gpu 'h900'"), std::string::npos) << e;
}

}  // namespace
}  // namespace plainsight
