#include "load/scenario_loader.h"

#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "load/catalog_loader.h"
#include "scenario_text.h"

namespace plainsight {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

const fs::path kRoot = PLAINSIGHT_SOURCE_DIR_FOR_TESTS;

Scenario bundled(const std::string& name, const std::vector<std::string>& sets = {}) {
  return load_scenario(kRoot / "scenarios" / (name + ".yaml"), testing::bundled_catalog(), sets);
}

const char* kHead = testing::kH100Head;

Scenario parse(const std::string& body) { return testing::scenario_of(kHead, body); }

std::string error_of(const std::string& body) { return testing::scenario_error(kHead, body); }

TEST(ScenarioLoader, EveryBundledScenarioLoads) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(kRoot / "scenarios")) {
    if (e.path().extension() != ".yaml") continue;
    ++n;
    EXPECT_NO_THROW(load_scenario(e.path(), testing::bundled_catalog())) << e.path();
  }
  EXPECT_GE(n, 7);
}

TEST(ScenarioLoader, AwsFrontier) {
  Scenario s = bundled("aws-frontier");
  EXPECT_DOUBLE_EQ(s.horizon_s, 30 * 86400.0);
  EXPECT_DOUBLE_EQ(s.asset.weights_bytes(), 810e9);
  EXPECT_DOUBLE_EQ(s.asset.checkpoint_bytes(), 5.67e12);
  // Four places: AWS's two managed services, our training and serving p5 instances.
  ASSERT_EQ(s.places.size(), 4u);
  EXPECT_EQ(s.place_of(*s.stage("s3")).kind, "managed_service");
  EXPECT_EQ(s.place_of(*s.stage("checkpoint_write")).offering, "aws_fsx_lustre");
  EXPECT_EQ(s.place_of(*s.stage("hbm")).hardware, "provider");
  EXPECT_EQ(s.place_of(*s.stage("hbm")).operator_role, "us");
  EXPECT_EQ(s.platform_of(*s.stage("hbm")).gpu, "h100");
  EXPECT_EQ(s.platform_of(*s.stage("hbm")).gpus_per_node, 8);
  EXPECT_FALSE(s.platform_of(*s.stage("hbm")).confidential_mode);
  EXPECT_EQ(s.platform_of(*s.stage("checkpoint_write")).gpu, "");
  // The document's six rows and a seventh it leaves out: the checkpoint files FSx keeps, on
  // AWS's file servers, for the run, with the correction beside the document's words.
  ASSERT_EQ(s.stages.size(), 7u);
  const Stage& files = *s.stage("checkpoint_files");
  EXPECT_EQ(files.medium, "shared_fs");
  EXPECT_TRUE(files.resident);
  ASSERT_EQ(files.corrections.size(), 1u);
  EXPECT_EQ(files.corrections[0].says.id, "seed-plaintext-windows");
  EXPECT_EQ(files.corrections[0].corrected_by.id, "aws-parallelcluster-fsx-lustre");
  const Stage& ckpt = *s.stage("checkpoint_write");
  EXPECT_EQ(ckpt.medium, "fs_cache");
  ASSERT_TRUE(ckpt.duration);
  EXPECT_EQ(ckpt.duration->kind, DurationSpec::Kind::link_transfer);
  EXPECT_DOUBLE_EQ(ckpt.duration->capacity_bytes, 2400 * 1099511627776.0);
  EXPECT_DOUBLE_EQ(ckpt.event_period_s, 7200);
  EXPECT_DOUBLE_EQ(ckpt.events, 360);  // every 2 h for 30 d
  const Stage& staging = *s.stage("staging");
  EXPECT_TRUE(staging.resident && staging.decrypts && staging.duration);
  EXPECT_DOUBLE_EQ(staging.events, 30);
  // Served on two p5 nodes: 810 GB of bf16 weights do not fit one node's 8 x 80 GB.
  EXPECT_EQ(s.stage("pcie")->shards, 16);
  EXPECT_DOUBLE_EQ(s.stage_bytes(*s.stage("pcie")), 810e9 / 16);
  // The document's view of the fabric, stated against the catalog's (AWS: Nitro encrypts).
  EXPECT_EQ(s.stage("fabric")->stated_protection, "fabric.plain");
  ASSERT_TRUE(s.stage("fabric")->protection_source);
  EXPECT_EQ(s.stage("fabric")->protection_source->id, "seed-plaintext-windows");
  EXPECT_EQ(s.stage("fabric")->state_label, "Plaintext, continuously, inside the cluster");
  EXPECT_DOUBLE_EQ(s.stage("hbm")->lifetime_s, s.horizon_s);
  ASSERT_EQ(s.flows.size(), 6u);  // the checkpoint goes through the files FSx keeps to S3
  EXPECT_TRUE(s.flows[3].encrypts);
  EXPECT_EQ(s.flows[3].key_custody, "provider_kms");
}

TEST(ScenarioLoader, TransfersMoveA140GBCheckpoint360Times) {
  for (const char* name : {"transfer-cloud-relay", "transfer-scp", "transfer-p2p-e2e"}) {
    Scenario s = bundled(name);
    EXPECT_DOUBLE_EQ(s.asset.weights_bytes(), 140e9) << name;
    for (const Stage& st : s.stages) EXPECT_DOUBLE_EQ(st.events, 360) << name << " " << st.id;
  }
  Scenario relay = bundled("transfer-cloud-relay");
  EXPECT_DOUBLE_EQ(relay.stage("relay")->lifetime_s, 7 * 86400.0);
}

// aws-frontier as one platform (the bundled one runs on p5, which has no CPU TEE).
Scenario one_platform(const std::vector<std::string>& sets = {}) {
  return load_scenario(kRoot / "tests" / "data" / "aws-frontier-one-platform.yaml",
                       testing::bundled_catalog(), sets);
}

TEST(ScenarioLoader, OverridesApplyBeforeValidation) {
  Scenario s = one_platform({"platform.confidential_mode=on", "platform.cpu_tee=tdx",
                             "platform.gpu=b200", "stages.pcie.duration=2s"});
  EXPECT_TRUE(s.platform.confidential_mode);
  EXPECT_EQ(s.platform.gpu, "b200");
  ASSERT_TRUE(s.stage("pcie")->duration);
  EXPECT_EQ(s.stage("pcie")->duration->kind, DurationSpec::Kind::stated);
  EXPECT_DOUBLE_EQ(s.stage("pcie")->duration->seconds, 2);
  try {
    one_platform({"platform.nodes=2", "platform.gpu=h1000"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("--set platform.gpu=h1000: error: unknown gpu 'h1000'"));
  }
}

TEST(ScenarioLoader, StageDurationKinds) {
  Scenario s = parse(R"(stages:
  - {id: a, medium: wan, duration: from_bandwidth, bandwidth: 10Gb/s}
  - {id: b, link: nvlink4, duration: {figure: blackwell_cc_nvlink_p2p}}
  - {id: c, link: pcie_gen5_x16, duration: from_link}
  - {id: d, medium: pcie, duration: 250ms, events: 4}
)");
  EXPECT_EQ(s.stages[0].duration->kind, DurationSpec::Kind::stated_bandwidth);
  EXPECT_DOUBLE_EQ(s.stages[0].duration->bandwidth_Bps, 1.25e9);
  EXPECT_EQ(s.stages[1].duration->kind, DurationSpec::Kind::figure);
  EXPECT_EQ(s.stages[1].medium, "nvlink");
  EXPECT_EQ(s.stages[2].duration->kind, DurationSpec::Kind::link_transfer);
  EXPECT_EQ(s.stages[2].duration->link, "pcie_gen5_x16");
  EXPECT_DOUBLE_EQ(s.stages[3].duration->seconds, 0.25);
  EXPECT_DOUBLE_EQ(s.stages[3].events, 4);
  EXPECT_EQ(s.stages[3].payload, Payload::weights);
}

TEST(ScenarioLoader, ExplicitPayloadBytes) {
  Scenario s = parse("stages:\n  - {id: a, medium: pcie, payload: 512MiB, duration: 1s}\n");
  EXPECT_EQ(s.stages[0].payload, Payload::explicit_bytes);
  EXPECT_DOUBLE_EQ(s.stage_bytes(s.stages[0]), 512.0 * 1048576);
}

TEST(ScenarioLoader, StageConsistencyErrors) {
  EXPECT_THAT(error_of("stages:\n  - {id: a, link: pcie_gen5_x16, medium: hbm, duration: 1s}\n"),
              HasSubstr("t.yaml:8:42: error: stage 'a': medium 'hbm' contradicts link"));
  EXPECT_THAT(error_of("stages:\n  - {id: a, medium: pcie, duration: from_link}\n"),
              HasSubstr("duration from_link needs a 'link'"));
  EXPECT_THAT(error_of("stages:\n  - {id: a, link: fsx_lustre_p2_1000, duration: from_link}\n"),
              HasSubstr("scales per TiB; set 'capacity'"));
  EXPECT_THAT(error_of("stages:\n  - {id: a, medium: pcie, capacity: 1TiB, duration: 1s}\n"),
              HasSubstr("'capacity' is used only with duration from_link"));
  EXPECT_THAT(error_of("stages:\n  - {id: a, medium: pcie, bandwidth: 1GB/s, duration: 1s}\n"),
              HasSubstr("'bandwidth' is used only with duration from_bandwidth"));
  EXPECT_THAT(error_of("stages:\n  - {id: a, medium: wan, duration: from_bandwidth}\n"),
              HasSubstr("duration from_bandwidth needs 'bandwidth'"));
  EXPECT_THAT(error_of("stages:\n  - {id: a, medium: hbm, resident: horizon, duration: 1s}\n"),
              HasSubstr("add 'decrypts: true'"));
  EXPECT_THAT(
      error_of("stages:\n  - {id: a, medium: pcie}\n"),
      HasSubstr("t.yaml:8:5: error: stage 'a': needs 'duration' (per event) or 'resident'"));
  EXPECT_THAT(error_of("stages:\n  - {id: a, duration: 1s}\n"),
              HasSubstr("needs a 'medium' or a 'link'"));
  EXPECT_THAT(
      error_of("stages:\n  - {id: a, medium: pcie, duration: 1s, events: {every: 1h, count: 2}}\n"),
      HasSubstr("exactly one of 'every' or 'count'"));
  EXPECT_THAT(error_of("stages:\n  - {id: a, medium: pcie, duration: 1s, shards: 0}\n"),
              HasSubstr("'shards' is 0"));
  EXPECT_THAT(error_of("stages:\n  - {id: A, medium: pcie, duration: 1s}\n"),
              HasSubstr("must be an id"));
  EXPECT_THAT(error_of("stages: []\n"),
              HasSubstr("t.yaml:7:9: error: a scenario needs at least one stage"));
}

TEST(ScenarioLoader, PlatformErrors) {
  YamlFile f = YamlFile::parse(
      "name: t\nhorizon: 1d\nasset: {parameters: 1e9}\nplatform: {confidential_mode: on}\n"
      "stages:\n  - {id: a, medium: pcie, duration: 1s}\n",
      "t.yaml");
  try {
    read_scenario(f, testing::bundled_catalog());
    FAIL();
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("t.yaml:4:31: error: confidential_mode is on but no gpu"));
  }
  YamlFile g = YamlFile::parse(
      "name: t\nhorizon: 1d\nasset: {parameters: 1e9}\nplatform: {multi_gpu_mode: nvlink}\n"
      "stages:\n  - {id: a, medium: pcie, duration: 1s}\n",
      "t.yaml");
  EXPECT_THROW(read_scenario(g, testing::bundled_catalog()), InputError);
}

TEST(ScenarioLoader, FlowErrors) {
  const std::string two =
      "stages:\n  - {id: a, medium: host_dram, duration: 1s}\n"
      "  - {id: b, medium: pcie, duration: 1s}\n";
  EXPECT_THAT(error_of(two + "flows:\n  - {from: a, to: b, encrypt: {custody: end_to_end}, "
                             "decrypt: true}\n"),
              HasSubstr("t.yaml:11:5: error: a flow cannot both encrypt and decrypt"));
  EXPECT_THAT(error_of(two + "flows:\n  - {from: a, to: a}\n"),
              HasSubstr("t.yaml:11:19: error: flow from 'a' to itself"));
  EXPECT_THAT(error_of(two + "flows:\n  - {from: a, to: b}\n  - {from: b, to: a}\n"),
              HasSubstr("closes a cycle"));
  EXPECT_THAT(error_of(two + "flows:\n  - {from: a, to: c}\n"), HasSubstr("unknown stage 'c'"));
  EXPECT_THAT(error_of(two + "flows:\n  - {from: a, to: b, via: x}\n"),
              HasSubstr("flow: unknown key 'via'"));
}

// Bug fixed: the cycle was blamed on the first flow on it, not on the flow that closes it.
// Found by bisection: a cycle closed at the end of a 100,000-flow chain names that flow.
TEST(ScenarioLoader, ACycleIsBlamedOnTheFlowThatClosesIt) {
  std::string body = "stages:\n";
  constexpr int kStages = 100000;
  for (int i = 0; i < kStages; ++i)
    body += "  - {id: s" + std::to_string(i) + ", medium: host_dram, duration: 1s}\n";
  body += "flows:\n";
  for (int i = 0; i + 1 < kStages; ++i)
    body += "  - {from: s" + std::to_string(i) + ", to: s" + std::to_string(i + 1) + "}\n";
  body += "  - {from: s99999, to: s5}\n  - {from: s3, to: s1}\n";
  EXPECT_THAT(error_of(body), HasSubstr(":200008:5: error: flow 's99999' -> 's5' closes a cycle"));
}

// Bug fixed: an unknown id among 100,000 stages listed every known id (789 KB).
TEST(ScenarioLoader, KnownIdsAreListedCapped) {
  std::string body = "stages:\n";
  for (int i = 0; i < 100000; ++i)
    body += "  - {id: s" + std::to_string(i) + ", medium: host_dram, duration: 1s}\n";
  body += "flows:\n  - {from: s1, to: nope}\n";
  const std::string e = error_of(body);
  EXPECT_THAT(e, HasSubstr("unknown stage 'nope'; known: s0, s1, s2,"));
  EXPECT_THAT(e, HasSubstr(", ... (99980 more)"));
  EXPECT_LT(e.size(), 500u);
}

// Bug fixed: a --set that made two stages share an id blamed the scenario file.
TEST(ScenarioLoader, ADuplicateIdMadeBySetNamesTheSet) {
  try {
    bundled("aws-frontier", {"stages.hbm.id=pcie"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "--set stages.hbm.id=pcie");
    EXPECT_THAT(e.what(), HasSubstr("duplicate stage id 'pcie' (first at line 97)"));
  }
}

// Bug fixed: `every` bypassed the cap on events that `count` has.
TEST(ScenarioLoader, EventsAreCappedHoweverGiven) {
  const std::string stage = "stages:\n  - {id: a, medium: pcie, duration: 1ns, events: ";
  EXPECT_THAT(error_of(stage + "{every: 1ms}}\n"),
              HasSubstr("events every 1 ms make 2.59e+09 events over the horizon 30 d; the limit "
                        "is 1e+09"));
  EXPECT_THAT(error_of(stage + "{count: 1000000001}}\n"), HasSubstr("expected between 1 and"));
  EXPECT_EQ(parse(stage + "{every: 10ms}}\n").stages[0].events, 259200000);
}

TEST(ScenarioLoader, OriginEncryption) {
  YamlFile f = YamlFile::parse(
      "name: t\nhorizon: 1d\norigin: {encrypted_with: end_to_end}\nasset: {parameters: 1e9}\n"
      "platform: {}\nstages:\n  - {id: a, medium: wan, duration: 1s}\n",
      "t.yaml");
  Scenario s = read_scenario(f, testing::bundled_catalog());
  EXPECT_TRUE(s.origin_encrypted);
  EXPECT_EQ(s.origin_custody, "end_to_end");
  EXPECT_EQ(s.origin_scheme, "AES-256-GCM");
}

}  // namespace
}  // namespace plainsight
