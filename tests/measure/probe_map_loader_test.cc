#include "load/probe_map_loader.h"

#include <unistd.h>
#include <filesystem>

#include <fstream>
#include <map>

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
  const ProbeRule* r = select_probe_rule(
      c.probe_map, pcie, stage_attributes(c, s.platform_of(pcie), s.place_of(pcie), pcie));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->id, "pcie_bounce_emulation_guard");  // the Hopper emulation is not Blackwell's
  Scenario h = load_scenario(test::repo("scenarios/silo-hopper.yaml"), c);
  const Stage& decrypt = *h.stage("cvm_decrypt");
  r = select_probe_rule(c.probe_map, decrypt,
                        stage_attributes(c, h.platform_of(decrypt), h.place_of(decrypt), decrypt));
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

TEST(ProbeMapLoader, BundledMapStatesWhatEachProbeDependsOn) {
  const ProbeMap& m = test::bundled_catalog().probe_map;
  EXPECT_EQ(m.fit_bounds.min_sizes, 3);
  EXPECT_EQ(m.fit_bounds.min_r2, 0.99);
  EXPECT_EQ(m.fit_bounds.max_rms_error, 0.15);
  EXPECT_EQ(m.fit_bounds.max_extrapolation, 100);
  for (const ProbeRule& r : m.rules)
    for (const ProbeCandidate& c : r.candidates) {
      // Every GPU probe depends on the GPU model, the CC state and the multi-GPU mode.
      if (c.probe.starts_with("cuda.") || c.probe.starts_with("nccl.")) {
        EXPECT_TRUE(c.depends_on_facet(PlatformFacet::gpu)) << r.id << " " << c.probe;
        EXPECT_TRUE(c.depends_on_facet(PlatformFacet::cc)) << r.id << " " << c.probe;
        EXPECT_TRUE(c.depends_on_facet(PlatformFacet::multi_gpu_mode)) << r.id << " " << c.probe;
      }
      if (c.probe.starts_with("fabric.") || c.probe == "nccl.all_reduce") {
        EXPECT_TRUE(c.depends_on_facet(PlatformFacet::fabric)) << r.id << " " << c.probe;
      }
      if (c.probe.ends_with(".checkpoint")) {
        EXPECT_TRUE(c.depends_on_facet(PlatformFacet::storage)) << r.id << " " << c.probe;
      }
      if (c.emulation) {
        EXPECT_TRUE(c.depends_on_facet(PlatformFacet::cc)) << c.probe;
      }
      if (r.medium == "fs_cache") {
        EXPECT_EQ(c.fit.max_extrapolation, 10) << c.probe;
      }
    }
  const PlatformClass* lustre = ProbeMap::class_of_link(m.storage_classes, "fsx_lustre_p2_1000");
  ASSERT_TRUE(lustre);
  EXPECT_EQ(lustre->id, "lustre");
  EXPECT_EQ(m.storage_of_filesystem("ext4")->id, "local_disk");
  EXPECT_EQ(m.storage_of_filesystem("tmpfs"), nullptr);
  EXPECT_EQ(ProbeMap::class_of_link(m.fabrics, "efa_p5")->id, "efa");
}

TEST(ProbeMapLoader, RefusesCcWithoutDependingOnIt) {
  const std::string e = error_of(
      "gpu_models: []\nrules:\n  - id: x\n    medium: pcie\n    why: w\n"
      "    probes:\n      - {probe: cuda.h2d, label: l, cc: {param: cc, on: [on], off: [off]}}\n");
  EXPECT_NE(e.find("`cc` needs cc in depends_on"), std::string::npos) << e;
  const std::string e2 = error_of(
      "gpu_models: []\nrules:\n  - id: x\n    medium: pcie\n    why: w\n"
      "    probes:\n      - {probe: cuda.h2d, label: l, depends_on: [cc]}\n");
  EXPECT_NE(e2.find("depends_on cc needs `cc`"), std::string::npos) << e2;
}

TEST(ProbeMapLoader, RefusesAnUnknownFacet) {
  const std::string e = error_of(
      "gpu_models: []\nrules:\n  - id: x\n    medium: pcie\n    why: w\n"
      "    probes:\n      - {probe: cuda.h2d, label: l, depends_on: [gpu_model]}\n");
  EXPECT_NE(e.find("unknown depends_on facet 'gpu_model'"), std::string::npos) << e;
}

TEST(ProbeMapLoader, ReadsFitBoundsAndPerProbeOverrides) {
  const std::string path =
      write_temp("probe-map-bounds",
                 "gpu_models: []\nfit_bounds: {min_r2: 0.9, max_extrapolation: 50}\nrules:\n"
                 "  - id: x\n    medium: host_dram\n    why: w\n    probes:\n"
                 "      - {probe: host.memcpy, label: l, fit: {max_extrapolation: 5}, bound: "
                 "{none: n}}\n"
                 "      - {probe: host.aes_gcm, label: l, bound: {none: n}}\n");
  const ProbeMap m = load_probe_map(path, test::bundled_catalog());
  std::filesystem::remove(path);
  EXPECT_EQ(m.fit_bounds.min_r2, 0.9);
  EXPECT_EQ(m.fit_bounds.max_rms_error, 0.15);  // the default, not given
  EXPECT_EQ(m.rules[0].candidates[0].fit.max_extrapolation, 5);
  EXPECT_EQ(m.rules[0].candidates[0].fit.min_r2, 0.9);  // inherited
  EXPECT_EQ(m.rules[0].candidates[1].fit.max_extrapolation, 50);
  EXPECT_NE(error_of("gpu_models: []\nfit_bounds: {min_r2: 1.5}\nrules: []\n").find("min_r2"),
            std::string::npos);
}

TEST(ProbeMapLoader, RefusesALinkInTwoClassesOrAnUnknownLink) {
  const std::string twice = error_of(
      "gpu_models: []\nrules: []\nstorage_classes:\n"
      "  - {id: a, name: A, links: [nvme_gen4], filesystems: [ext4]}\n"
      "  - {id: b, name: B, links: [nvme_gen4], filesystems: [xfs]}\n");
  EXPECT_NE(twice.find("link 'nvme_gen4' is already in storage_classes 'a'"), std::string::npos)
      << twice;
  const std::string unknown =
      error_of("gpu_models: []\nrules: []\nfabrics:\n  - {id: a, name: A, links: [efa_p6]}\n");
  EXPECT_NE(unknown.find("unknown link 'efa_p6'"), std::string::npos) << unknown;
}

// Issue 21, class 4: the physical bound of every probe is data with its source, and the
// factor over it too; a probe that stands for a stage without saying its bound is refused.
TEST(ProbeMapLoader, ReadsTheBoundFactorAndEveryProbesBound) {
  using BK = ProbeBound::Kind;
  const ProbeMap& bundled = test::bundled_catalog().probe_map;
  EXPECT_DOUBLE_EQ(bundled.bound_factor.factor, 1.1);
  EXPECT_EQ(bundled.bound_factor.source.id, "pcie5-spec");
  EXPECT_FALSE(bundled.bound_factor.why.empty());
  std::map<std::string, BK> kinds;
  for (const ProbeRule& r : bundled.rules)
    for (const ProbeCandidate& c : r.candidates) {
      EXPECT_NE(c.bound.kind, BK::none) << r.id << " " << c.probe;  // every bundled probe
      EXPECT_FALSE(c.bound.why.empty()) << r.id << " " << c.probe;
      kinds[r.id + " " + c.probe] = c.bound.kind;
    }
  EXPECT_EQ(kinds.at("pcie_host_to_device cuda.h2d"), BK::link_transfer);
  EXPECT_EQ(kinds.at("nvlink_peer cuda.peer"), BK::link_transfer);
  EXPECT_EQ(kinds.at("fabric_collective nccl.all_reduce"), BK::link_node);
  EXPECT_EQ(kinds.at("host_dram_staging host.memcpy"), BK::figure);
  EXPECT_EQ(kinds.at("host_dram_decrypt host.envelope"), BK::figure);
  EXPECT_EQ(kinds.at("checkpoint_page_cache host.checkpoint"), BK::figure);
  EXPECT_EQ(kinds.at("checkpoint_page_cache cuda.checkpoint"), BK::figure);
  EXPECT_EQ(kinds.at("local_nvme_read_decrypt host.checkpoint"), BK::link_transfer);

  const std::string rule = "gpu_models: []\nrules:\n  - id: x\n    medium: pcie\n    why: w\n";
  const std::string missing = error_of(rule + "    probes:\n      - {probe: cuda.h2d, label: l}\n");
  EXPECT_NE(missing.find("probe_map rule 'x' probe cuda.h2d says no bound"), std::string::npos)
      << missing;
  const std::string no_factor = error_of(
      rule + "    probes:\n      - {probe: cuda.h2d, label: l, bound: {link: transfer, why: w}}\n");
  EXPECT_NE(no_factor.find("probe cuda.h2d has a bound, but the map gives no bound_factor"),
            std::string::npos)
      << no_factor;
  const std::string two = error_of(
      rule +
      "    probes:\n      - {probe: cuda.h2d, label: l, bound: {link: transfer, none: n}}\n");
  EXPECT_NE(two.find("a bound is one of link, figure or none"), std::string::npos) << two;
  const std::string per = error_of(
      rule + "    probes:\n      - {probe: cuda.h2d, label: l, bound: {link: lane, why: w}}\n");
  EXPECT_NE(per.find("unknown link bound 'lane'"), std::string::npos) << per;
  const std::string unit = error_of(
      rule +
      "    probes:\n      - {probe: cuda.h2d, label: l, bound: {figure: silo_run, why: w}}\n");
  EXPECT_NE(unit.find("figure 'silo_run' is in seconds, not bytes_per_second"), std::string::npos)
      << unit;
  // Declared unbounded: loads without a factor.
  EXPECT_EQ(error_of(rule + "    probes:\n      - {probe: cuda.h2d, label: l, bound: {none: n}}\n"),
            "");
  EXPECT_NE(
      error_of("gpu_models: []\nbound_factor: {factor: 1.1, why: w}\nrules: []\n").find("source"),
      std::string::npos);
}

TEST(ProbeMapLoader, RefusesAnUnknownGpu) {
  const std::string e = error_of("gpu_models: [{match: X, gpu: h900}]\nrules: []\n");
  EXPECT_NE(e.find("unknown gpu 'h900'"), std::string::npos) << e;
}

}  // namespace
}  // namespace plainsight
