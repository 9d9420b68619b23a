#include "load/catalog_loader.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace plainsight {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

const fs::path kModel = fs::path(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) / "model";

const Catalog& bundled() {
  static const Catalog c = load_catalog(kModel);
  return c;
}

template <class T>
std::vector<std::string> ids(const std::vector<T>& v) {
  std::vector<std::string> out;
  for (const auto& x : v) out.push_back(x.id);
  return out;
}

TEST(CatalogLoader, BundledCatalogHasTheMediaOfTheDesign) {
  EXPECT_THAT(ids(bundled().media),
              ::testing::IsSupersetOf({"object_store", "fs_cache", "local_nvme", "host_dram",
                                       "pcie", "nvlink", "fabric", "hbm", "relay_store", "wan"}));
}

TEST(CatalogLoader, BundledGpusCpuTeesAndCustodies) {
  const Catalog& c = bundled();
  EXPECT_THAT(ids(c.gpus), ::testing::IsSupersetOf({"h100", "h200", "b200", "vera_rubin"}));
  EXPECT_EQ(Catalog::find(c.gpus, "vera_rubin")->status, "announced");
  EXPECT_EQ(Catalog::find(c.gpus, "h100")->status, "shipping");
  EXPECT_THAT(ids(c.cpu_tees), ::testing::IsSupersetOf({"none", "sev_snp", "tdx"}));
  // Protections match on attributes, so every GPU says what CC gives each medium.
  for (const PlatformOption& g : c.gpus)
    for (const char* attr : {"cc_pcie", "cc_nvlink", "cc_hbm", "cc_multinode"})
      EXPECT_TRUE(g.attributes.count(attr)) << g.id << " lacks " << attr;
  const PlatformOption* user = Catalog::find(c.key_custodies, "customer_user_specific");
  ASSERT_NE(user, nullptr);
  EXPECT_TRUE(user->key_readers.empty());
  EXPECT_THAT(Catalog::find(c.key_custodies, "provider_kms")->key_readers,
              ::testing::Contains("cloud_credentials"));
}

TEST(CatalogLoader, LinksCarryDatasheetBandwidths) {
  const Catalog& c = bundled();
  EXPECT_DOUBLE_EQ(c.link("pcie_gen5_x16")->bandwidth_Bps, 63e9);
  EXPECT_DOUBLE_EQ(c.link("pcie_gen4_x16")->bandwidth_Bps, 31.5e9);
  EXPECT_DOUBLE_EQ(c.link("ib_ndr")->bandwidth_Bps, 50e9);
  EXPECT_DOUBLE_EQ(c.link("ib_xdr")->bandwidth_Bps, 100e9);
  EXPECT_DOUBLE_EQ(c.link("fsx_lustre_p2_1000")->bandwidth_per_TiB_Bps, 1e9);
  EXPECT_EQ(c.link("fsx_lustre_p2_1000")->bandwidth_Bps, 0);
  EXPECT_EQ(c.link("s3_sse_kms")->attributes.at("encryption"), "sse_kms");
  for (const Link& l : c.links) {
    EXPECT_NE(c.medium(l.medium), nullptr) << l.id;
    EXPECT_NE(c.source(l.source), nullptr) << l.id;
  }
}

TEST(CatalogLoader, EverythingCitesAKnownSource) {
  const Catalog& c = bundled();
  for (const auto& x : c.protections) EXPECT_NE(c.source(x.source), nullptr) << x.id;
  for (const auto& x : c.capabilities) EXPECT_NE(c.source(x.source), nullptr) << x.id;
  for (const auto& x : c.figures) EXPECT_NE(c.source(x.source), nullptr) << x.id;
  for (const auto& x : c.actors) EXPECT_NE(c.source(x.source), nullptr) << x.id;
  for (const auto& x : c.controls) EXPECT_NE(c.source(x.source), nullptr) << x.id;
  for (const auto& s : c.sources) EXPECT_FALSE(s.url.empty()) << s.id;
}

TEST(CatalogLoader, ActorsAreOrderedByLevelOneToFive) {
  const Catalog& c = bundled();
  ASSERT_GE(c.actors.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(c.actors[i].level, static_cast<int>(i) + 1);
  EXPECT_EQ(c.actors.front().id, "oc1");
  EXPECT_EQ(c.actors[4].id, "oc5");
}

TEST(CatalogLoader, EveryMediumHasADefaultRule) {
  const Catalog& c = bundled();
  for (const Medium& m : c.media)
    EXPECT_TRUE(
        std::any_of(c.protections.begin(), c.protections.end(),
                    [&](const ProtectionRule& r) { return r.medium == m.id && r.when.empty(); }))
        << m.id;
}

// Catalog reference checks, on a copy of the bundled model with one file edited.
class BrokenCatalog : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("plainsight-model-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::copy(kModel, dir_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Replaces the first `from` in model file `name` with `to`.
  void edit(const std::string& name, const std::string& from, const std::string& to) {
    std::ifstream in(dir_ / name);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    auto pos = text.find(from);
    ASSERT_NE(pos, std::string::npos) << from << " not in " << name;
    text.replace(pos, from.size(), to);
    std::ofstream(dir_ / name, std::ios::trunc) << text;
  }
  std::string load_error() {
    try {
      load_catalog(dir_);
    } catch (const InputError& e) {
      return e.what();
    }
    return "(no error)";
  }
  fs::path dir_;
};

TEST_F(BrokenCatalog, CopyLoads) { EXPECT_EQ(load_error(), "(no error)"); }

TEST_F(BrokenCatalog, UnknownSourceIsNamedAtItsEntry) {
  edit("links.yaml", "source: pcie5-spec", "source: pcie5-specc");
  std::string e = load_error();
  EXPECT_THAT(e, HasSubstr("links.yaml:"));
  EXPECT_THAT(e, HasSubstr("unknown source 'pcie5-specc' (did you mean 'pcie5-spec'?)"));
}

TEST_F(BrokenCatalog, UnknownMediumInALink) {
  edit("links.yaml", "medium: pcie", "medium: pcei");
  EXPECT_THAT(load_error(), HasSubstr("unknown medium 'pcei' (did you mean 'pcie'?)"));
}

TEST_F(BrokenCatalog, UnknownCapabilityInAProtection) {
  edit("protections.yaml", "blocks: [media_theft]", "blocks: [media_thief]");
  std::string e = load_error();
  EXPECT_THAT(e, HasSubstr("protections.yaml:"));
  EXPECT_THAT(e, HasSubstr("unknown capability 'media_thief'"));
}

TEST_F(BrokenCatalog, DuplicateId) {
  edit("links.yaml", "id: pcie_gen4_x16", "id: pcie_gen5_x16");
  EXPECT_THAT(load_error(), HasSubstr("duplicate link id 'pcie_gen5_x16'"));
}

TEST_F(BrokenCatalog, MediumWithoutADefaultRule) {
  edit("protections.yaml", "  - id: wan.plain\n    medium: wan\n",
       "  - id: wan.plain\n    medium: wan\n    when: {gpu: none}\n");
  std::string e = load_error();
  EXPECT_THAT(e, HasSubstr("media.yaml:"));
  EXPECT_THAT(e, HasSubstr("medium 'wan' has no protection rule without conditions"));
}

TEST_F(BrokenCatalog, UnknownKeyInACatalogFile) {
  edit("media.yaml", "kind: storage", "knd: storage");
  EXPECT_THAT(load_error(), HasSubstr("unknown key 'knd' (did you mean 'kind'?)"));
}

TEST_F(BrokenCatalog, UnknownState) {
  edit("protections.yaml", "state: ciphertext", "state: scrambled");
  EXPECT_THAT(load_error(), HasSubstr("unknown state 'scrambled'"));
}

TEST_F(BrokenCatalog, MissingFile) {
  fs::remove(dir_ / "figures.yaml");
  EXPECT_THAT(load_error(), HasSubstr("figures.yaml: error: cannot read"));
}

}  // namespace
}  // namespace plainsight
