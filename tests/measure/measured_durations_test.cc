#include "analyze/measured_durations.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "analyze/actor_profile.h"
#include "analyze/analysis.h"
#include "analyze/window_reach.h"
#include "test_support.h"

namespace plainsight {
namespace {

constexpr double kMiB = 1 << 20;

struct Outcome {
  Analysis analysis;
  const Window& window(const std::string& stage) const {
    for (const Window& w : analysis.windows)
      if (w.stage == stage) return w;
    throw std::runtime_error("no window " + stage);
  }
  bool warned(const std::string& text) const {
    for (const std::string& w : analysis.warnings)
      if (w.find(text) != std::string::npos) return true;
    return false;
  }
  // Whether the window's chain (what else was considered) mentions `text`.
  bool considered(const std::string& stage, const std::string& text) const {
    for (const std::string& c : window(stage).per_event.considered)
      if (c.find(text) != std::string::npos) return true;
    return false;
  }
};

std::string all_of(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

Outcome run(const std::string& scenario, const std::vector<std::string>& fixtures,
            MeasuredOptions options = {}, const std::vector<std::string>& sets = {}) {
  const Catalog& c = test::bundled_catalog();
  std::vector<MeasurementFile> files;
  for (const std::string& f : fixtures) files.push_back(load_measurement_file(test::data(f)));
  // A bundled scenario, or one of the tests' own (tests/measure/data/).
  const std::string path = std::filesystem::exists(test::data(scenario))
                               ? test::data(scenario)
                               : test::repo("scenarios/" + scenario);
  Scenario s = load_scenario(path, c, sets);
  if (files.empty()) return {analyze(c, std::move(s), sets, nullptr)};
  MeasuredDurations m(c, std::move(files), options);
  return {analyze(c, std::move(s), sets, &m)};
}

const MeasuredOptions kAllowMismatch{true, false};
const MeasuredOptions kAllowEmulation{false, true};
const char* const kPpcie = "rules/h100-protected-pcie.json";

TEST(MeasuredDurations, PayloadInsideTheSweepIsMeasured) {
  // 128 MiB over 8 shards: 16 MiB per GPU, a point of the fixture's sweep.
  Outcome r = run("silo-hopper.yaml", {kPpcie}, {}, {"stages.pcie.payload=128MiB"});
  const Window& w = r.window("pcie");
  EXPECT_EQ(w.per_event.provenance, Provenance::measured);
  EXPECT_NEAR(w.per_event.value, 30e-6 + 16 * kMiB / 4e9, 1e-12);
  EXPECT_EQ(w.per_event.source, "h100-protected-pcie.json: cuda.h2d");
  EXPECT_NE(w.per_event.detail.find("H100"), std::string::npos) << w.per_event.detail;
}

TEST(MeasuredDurations, PayloadBeyondTheSweepIsFittedWithItsExtrapolation) {
  Outcome r = run("silo-hopper.yaml", {kPpcie});
  const Window& w = r.window("pcie");
  EXPECT_EQ(w.per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(w.per_event.value, 30e-6 + 17.5e9 / 4e9, 1e-9);
  EXPECT_NE(w.per_event.detail.find("beyond the measured"), std::string::npos);
  EXPECT_NE(w.per_event.detail.find("16.3x"), std::string::npos) << w.per_event.detail;
  // The chain names the datasheet figure the measurement replaced.
  EXPECT_TRUE(r.considered("pcie", "datasheet figure")) << all_of(w.per_event.considered);
  EXPECT_TRUE(r.considered("pcie", "replaced by a probe result"));
}

TEST(MeasuredDurations, ProvenancePrecedence) {
  // Without measurements: the catalog's datasheet (PCIe) and the scenario's own number.
  Outcome plain = run("silo-hopper.yaml", {});
  EXPECT_EQ(plain.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_EQ(plain.window("cvm_decrypt").per_event.provenance, Provenance::assumed);
  EXPECT_TRUE(plain.window("pcie").per_event.considered.empty());
  // A host result beats the scenario's number; the host emulation does not beat the
  // datasheet unless asked.
  Outcome host = run("silo-hopper.yaml", {"fixture-host.json"});
  EXPECT_EQ(host.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_EQ(host.window("cvm_decrypt").per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(host.window("cvm_decrypt").per_event.value, 5e-6 + 140e9 / 4e9, 1e-9);
  // Stages no probe maps to keep the catalog's figure.
  EXPECT_EQ(host.window("nvlink").per_event.provenance, Provenance::assumed);
  // The GPU measurement is preferred to the host emulation when both are given.
  Outcome both = run("silo-hopper.yaml", {"fixture-host.json", kPpcie}, kAllowEmulation);
  EXPECT_EQ(both.window("pcie").per_event.source, "h100-protected-pcie.json: cuda.h2d");
  EXPECT_TRUE(both.considered("pcie", "an emulation, not needed: a device measurement applies"));
}

// Rule: a result applies where the platform matches in what the probe depends on.
TEST(MeasuredDurations, MatchingPlatformIsUsed) {
  // aws-frontier: H100, CC off, multi-GPU mode none; the file: the same.
  Outcome r = run("aws-frontier.yaml", {"rules/h2d-fast.json"});
  const Window& w = r.window("pcie");
  EXPECT_EQ(w.per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(w.per_event.value, 8e-6 + 810e9 / 16 / 50e9, 1e-9);
  EXPECT_FALSE(r.warned("h2d-fast.json")) << all_of(r.analysis.warnings);
}

TEST(MeasuredDurations, OtherCcStateIsSkippedWithAWarning) {
  Outcome r = run("silo-hopper.yaml", {"fixture-h100-cc-off.json"});
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_TRUE(
      r.warned("cuda.h2d in fixture-h100-cc-off.json was measured with CC off; the "
               "scenario runs CC on"));
  EXPECT_TRUE(r.warned("--allow-mismatch"));
  EXPECT_TRUE(r.warned("the datasheet figure stays"));
  EXPECT_TRUE(r.considered("pcie", "was measured with CC off"));
}

TEST(MeasuredDurations, OtherCcStateIsUsedWhenAllowedAndMarkedSo) {
  Outcome r = run("silo-hopper.yaml", {"fixture-h100-cc-off.json"}, kAllowMismatch);
  const Window& w = r.window("pcie");
  EXPECT_EQ(w.per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(w.per_event.value, 8e-6 + 17.5e9 / 50e9, 1e-9);
  EXPECT_NE(w.per_event.detail.find("measured with CC off, applied to CC on by --allow-mismatch"),
            std::string::npos)
      << w.per_event.detail;
  EXPECT_TRUE(r.warned("applied to CC on by --allow-mismatch"));
}

TEST(MeasuredDurations, OtherGpuGenerationIsSkippedUnlessAllowed) {
  Outcome r = run("silo-blackwell.yaml", {"fixture-h100-cc-on.json"});
  EXPECT_NE(r.window("pcie").per_event.provenance, Provenance::fitted);
  EXPECT_TRUE(r.warned("(h100, hopper); the scenario runs b200 (blackwell)"))
      << all_of(r.analysis.warnings);
  // Blackwell's scenario runs NVLink encryption: the multi-GPU mode differs as well.
  Outcome allowed = run("silo-blackwell.yaml", {"fixture-h100-cc-on.json"}, kAllowMismatch);
  EXPECT_EQ(allowed.window("pcie").per_event.provenance, Provenance::fitted);
  EXPECT_NE(allowed.window("pcie").per_event.detail.find("applied to b200 by --allow-mismatch"),
            std::string::npos);
}

TEST(MeasuredDurations, AnotherModelOfTheSameGenerationIsAMismatch) {
  // An H200 run does not stand for an H100, though both are Hopper.
  Outcome r = run("aws-frontier.yaml", {"rules/h200-cc-off.json"});
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_TRUE(r.warned("(h200, hopper); the scenario runs h100 (hopper)"))
      << all_of(r.analysis.warnings);
  Outcome allowed = run("aws-frontier.yaml", {"rules/h200-cc-off.json"}, kAllowMismatch);
  EXPECT_EQ(allowed.window("pcie").per_event.provenance, Provenance::fitted);
  // Of a forced H200 and an exact H100 sweep, the closer platform match is used even
  // though it is the slower one.
  Outcome closer =
      run("aws-frontier.yaml", {"rules/h200-cc-off.json", "rules/h2d-slow.json"}, kAllowMismatch);
  EXPECT_EQ(closer.window("pcie").per_event.source, "h2d-slow.json: cuda.h2d");
  EXPECT_TRUE(closer.considered("pcie", "a closer platform match was used"));
}

TEST(MeasuredDurations, HostResultsApplyOnAnyPlatform) {
  Outcome r = run("silo-blackwell.yaml", {"fixture-host.json"}, kAllowEmulation);
  const Window& w = r.window("cvm_decrypt");
  EXPECT_EQ(w.per_event.provenance, Provenance::fitted);
  EXPECT_NE(w.per_event.detail.find("host result, applies on any platform"), std::string::npos);
  // The Hopper bounce-buffer emulation does not stand for Blackwell's inline encryption,
  // even when emulations are allowed.
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
}

// Rule: an emulation is labelled, ranked below the datasheet, used only when asked, and
// never on a CC-off platform.
TEST(MeasuredDurations, EmulationIsUsedOnlyWhenAskedAndLabelled) {
  Outcome refused = run("silo-hopper.yaml", {"fixture-host.json"});
  EXPECT_EQ(refused.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_TRUE(
      refused.warned("host.bounce_buffer in fixture-host.json is an emulation on the host "
                     "CPU, ranked below the datasheet: not used (--allow-emulation"))
      << all_of(refused.analysis.warnings);
  EXPECT_FALSE(refused.window("pcie").cc) << "no pair from a refused emulation";

  Outcome used = run("silo-hopper.yaml", {"fixture-host.json"}, kAllowEmulation);
  const Window& w = used.window("pcie");
  EXPECT_EQ(w.per_event.provenance, Provenance::emulated);
  EXPECT_NEAR(w.per_event.value, 40e-6 + 17.5e9 / 2e9, 1e-9);  // the 4-thread CC-on sweep
  EXPECT_NE(w.per_event.detail.find("emulation on the host, not the device path"),
            std::string::npos);
  EXPECT_TRUE(used.considered("pcie",
                              "ranks above an emulation; replaced because "
                              "--allow-emulation asks"));
  EXPECT_TRUE(used.warned("standing in for the missing device measurement by --allow-emulation"));
}

TEST(MeasuredDurations, EmulationNeverOnACcOffPlatform) {
  Outcome r = run("aws-frontier.yaml", {"fixture-host.json"}, {true, true});
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_FALSE(r.window("pcie").cc);
  EXPECT_TRUE(
      r.warned("is an emulation of the CC copy path on the host CPU: never used on a "
               "CC-off platform"))
      << all_of(r.analysis.warnings);
}

TEST(MeasuredDurations, CcPairFromTwoGpuFiles) {
  // CC off from a CC-off node, CC on from a protected-PCIe node (silo-hopper's mode).
  Outcome on = run("silo-hopper.yaml", {"fixture-h100-cc-off.json", kPpcie});
  const Window& w = on.window("pcie");
  ASSERT_TRUE(w.cc);
  EXPECT_NEAR(w.cc->off.value, 8e-6 + 17.5e9 / 50e9, 1e-9);
  EXPECT_NEAR(w.cc->on.value, 30e-6 + 17.5e9 / 4e9, 1e-9);
  EXPECT_NEAR(w.cc->ratio(), (30e-6 + 17.5e9 / 4e9) / (8e-6 + 17.5e9 / 50e9), 1e-9);
  EXPECT_DOUBLE_EQ(w.per_event.value, w.cc->on.value);  // the scenario runs CC on
  Outcome off = run("silo-hopper.yaml", {"fixture-h100-cc-off.json", kPpcie}, {},
                    {"platform.confidential_mode=off"});
  ASSERT_TRUE(off.window("pcie").cc);
  EXPECT_DOUBLE_EQ(off.window("pcie").per_event.value, off.window("pcie").cc->off.value);
  // Host work has no CC pair.
  EXPECT_FALSE(on.window("cvm_decrypt").cc);
  // Both files were used (one for the pair only): neither is reported as unused.
  EXPECT_FALSE(on.warned("none of its results was used")) << all_of(on.analysis.warnings);
}

TEST(MeasuredDurations, CcPairFromTheBounceBufferEmulation) {
  Outcome r = run("silo-hopper.yaml", {"fixture-host.json"}, kAllowEmulation);
  const Window& w = r.window("pcie");
  ASSERT_TRUE(w.cc);
  // The 4-thread sweep is preferred over the slower 2-thread one.
  EXPECT_NEAR(w.cc->off.value, 10e-6 + 17.5e9 / 8e9, 1e-9);
  EXPECT_NEAR(w.cc->on.value, 40e-6 + 17.5e9 / 2e9, 1e-9);
  EXPECT_EQ(w.cc->on.provenance, Provenance::emulated);
  EXPECT_NE(w.per_event.detail.find("emulat"), std::string::npos);
  EXPECT_NE(w.per_event.detail.find("threads=4"), std::string::npos) << w.per_event.detail;
}

// silo-hopper as one H100 per confidential VM (multi-GPU mode none: Hopper's full CC mode
// allows one GPU per VM), holding what one of its eight GPUs held (17.5 GB).
const std::vector<std::string> kOneGpuPerVm = {"platform.multi_gpu_mode=none",
                                               "platform.gpus_per_node=1", "stages.pcie.shards=1",
                                               "stages.hbm.shards=1", "asset.parameters=8.75e9"};

// Rule: a protected-PCIe node (NVML: CC off, multi-GPU mode protected PCIe) matches a
// protected-PCIe scenario, and nothing else.
TEST(MeasuredDurations, ProtectedPcieNodeMatchesAProtectedPcieScenarioOnly) {
  Outcome ppcie = run("silo-hopper.yaml", {kPpcie});
  EXPECT_EQ(ppcie.window("pcie").per_event.source, "h100-protected-pcie.json: cuda.h2d");
  Outcome single = run("silo-hopper.yaml", {kPpcie}, {}, kOneGpuPerVm);
  EXPECT_EQ(single.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_TRUE(
      single.warned("was measured in multi-GPU mode protected_pcie; the scenario runs none"))
      << all_of(single.analysis.warnings);
  Outcome off = run("aws-frontier.yaml", {kPpcie});
  EXPECT_EQ(off.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_TRUE(off.warned("was measured with CC on; the scenario runs CC off"));
  // A single-GPU CC-on node does not stand for the protected-PCIe scenario either.
  Outcome cc_on = run("silo-hopper.yaml", {"fixture-h100-cc-on.json"});
  EXPECT_TRUE(cc_on.warned("was measured in multi-GPU mode none; the scenario runs protected_pcie"))
      << all_of(cc_on.analysis.warnings);
}

TEST(MeasuredDurations, ANodeRecordedAsNvidiaSmiSaysItIsAProtectedPcieNode) {
  // A file that says what nvidia-smi says: CC off, multi-GPU mode protected PCIe.
  MeasurementFile f = load_measurement_file(test::data(kPpcie));
  f.path = f.name = "smi-style.json";
  f.machine.cc = "off";
  for (ProbeResult& r : f.results) r.params["cc"] = "off";
  const Catalog& c = test::bundled_catalog();
  MeasuredDurations m(c, {f});
  Analysis a = analyze(c, load_scenario(test::repo("scenarios/silo-hopper.yaml"), c), {}, &m);
  for (const Window& w : a.windows)
    if (w.stage == "pcie") {
      EXPECT_EQ(w.per_event.source, "smi-style.json: cuda.h2d");
      EXPECT_NE(w.per_event.detail.find("a protected-PCIe node"), std::string::npos)
          << w.per_event.detail;
    }
}

// A result labelled cc=protected_pcie says its mode even where the file records none: it
// stands for a protected-PCIe scenario, never for a bounce-buffer (multi-GPU mode none) one.
TEST(MeasuredDurations, AProtectedPcieLabelWithoutARecordedModeIsStillProtectedPcie) {
  MeasurementFile f = load_measurement_file(test::data(kPpcie));
  f.path = f.name = "no-mode.json";
  f.machine.multi_gpu_mode = "";
  for (ProbeResult& r : f.results) r.params.erase("cc_multi_gpu");
  const Catalog& c = test::bundled_catalog();
  MeasuredDurations m(c, {f});
  Analysis ppcie = analyze(c, load_scenario(test::repo("scenarios/silo-hopper.yaml"), c), {}, &m);
  Analysis single =
      analyze(c, load_scenario(test::repo("scenarios/silo-hopper.yaml"), c, kOneGpuPerVm), {}, &m);
  for (const Window& w : ppcie.windows)
    if (w.stage == "pcie") {
      EXPECT_EQ(w.per_event.source, "no-mode.json: cuda.h2d");
    }
  for (const Window& w : single.windows)
    if (w.stage == "pcie") {
      EXPECT_EQ(w.per_event.provenance, Provenance::datasheet);
    }
}

// A GPU model is a word of the device name: a Grace Hopper GH200 is not an H200.
TEST(MeasuredDurations, AGh200IsNotAnH200) {
  const Catalog& c = test::bundled_catalog();
  const Scenario h200 =
      load_scenario(test::repo("scenarios/silo-hopper.yaml"), c, {"platform.gpu=h200"});
  auto pcie_source = [&](const std::string& device) {
    MeasurementFile f = load_measurement_file(test::data(kPpcie));
    f.path = f.name = "device.json";
    for (ProbeResult& r : f.results) r.params["gpu"] = device;
    MeasuredDurations m(c, {f});
    const Analysis a = analyze(c, h200, {}, &m);
    for (const Window& w : a.windows)
      if (w.stage == "pcie") return w.per_event.source;
    return std::string("(no pcie)");
  };
  EXPECT_EQ(pcie_source("NVIDIA H200"), "device.json: cuda.h2d");
  EXPECT_NE(pcie_source("NVIDIA GH200 480GB"), "device.json: cuda.h2d");
}

// Rule: a fit stands for a payload outside its sweep only within the map's bounds.
TEST(MeasuredDurations, PoorFitIsRefused) {
  Outcome r = run("silo-hopper.yaml", {"rules/poor-fit.json"});
  EXPECT_EQ(r.window("cvm_decrypt").per_event.provenance, Provenance::assumed);
  EXPECT_TRUE(
      r.warned("host.envelope in poor-fit.json (4 sizes, 1.049 MB .. 4.295 GB) cannot "
               "stand for 140 GB: its fit is out of bounds: R^2"))
      << all_of(r.analysis.warnings);
  EXPECT_FALSE(r.warned("outside the measured sizes (at most"));
  EXPECT_TRUE(r.warned("the assumed figure stays"));
  // Inside the sweep the medians are interpolated: no fit, no bound.
  Outcome inside =
      run("silo-hopper.yaml", {"rules/poor-fit.json"}, {}, {"stages.cvm_decrypt.payload=16MiB"});
  EXPECT_EQ(inside.window("cvm_decrypt").per_event.provenance, Provenance::measured);
  EXPECT_NEAR(inside.window("cvm_decrypt").per_event.value, 1.0e-3, 1e-15);
}

TEST(MeasuredDurations, FarExtrapolationIsRefused) {
  Outcome r = run("silo-hopper.yaml", {"rules/far-extrapolation.json"});
  EXPECT_EQ(r.window("cvm_decrypt").per_event.provenance, Provenance::assumed);
  EXPECT_TRUE(r.warned("1.34e+05x outside the measured sizes (at most 100x)"))
      << all_of(r.analysis.warnings);
  EXPECT_TRUE(r.considered("cvm_decrypt", "far-extrapolation.json"));
}

// Issue 21, class 4: a cuda.h2d sweep at 111x what its PCIe Gen5 link carries was used as
// measured (2.2 s -> 20 ms). It is refused by model/probe_map.yaml link_limit, says so, and
// the datasheet figure stays.
TEST(MeasuredDurations, ASweepFasterThanItsLinkIsRefused) {
  Outcome base = run("aws-frontier.yaml", {});
  Outcome r = run("aws-frontier.yaml", {"rules/h2d-beyond-link.json"});
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_DOUBLE_EQ(r.window("pcie").per_event.value, base.window("pcie").per_event.value);
  EXPECT_TRUE(
      r.warned("cuda.h2d in h2d-beyond-link.json runs at 6.992 TB/s at 50.62 GB (bytes "
               "/ median), 111x the datasheet bandwidth of link 'pcie_gen5_x16' (63 GB/s "
               "[pcie5-spec]): more than the link can carry (at most 1.1x"))
      << all_of(r.analysis.warnings);
  EXPECT_TRUE(r.considered("pcie", "h2d-beyond-link.json"));
  // A sweep within the limit is still used.
  EXPECT_EQ(run("aws-frontier.yaml", {"rules/h2d-slow.json"}).window("pcie").per_event.provenance,
            Provenance::fitted);
}

// Issue 21, class 4: two results 12 decades apart were interpolated into a window.
TEST(MeasuredDurations, MediansFarApartAreNotInterpolated) {
  Outcome r = run("aws-frontier.yaml", {"rules/h2d-far-apart.json"});
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_TRUE(
      r.warned("cuda.h2d in h2d-far-apart.json (2 sizes, 1.024 kB .. 1 PB) cannot stand "
               "for 50.62 GB: its medians are out of bounds: interpolated between the "
               "measured 1.024 kB and 1 PB, 9.77e+11x apart (at most 1024x)"))
      << all_of(r.analysis.warnings);
}

// Issue 21, class 4: CC on measured 8x faster than CC off gave "an extra -1.5 min". The pair
// is refused (shown, with why) and prices nothing.
TEST(MeasuredDurations, CcOnFasterThanCcOffIsRefused) {
  const std::vector<std::string> files = {"rules/h2d-cc-off-slow.json",
                                          "rules/h2d-cc-on-fast.json"};
  Outcome r = run("silo-hopper.yaml", files, {}, kOneGpuPerVm);
  const Window& w = r.window("pcie");
  ASSERT_TRUE(w.cc);
  EXPECT_LT(w.cc->on.value, w.cc->off.value);
  EXPECT_NE(w.cc->refused.find("is faster than CC off"), std::string::npos) << w.cc->refused;
  EXPECT_TRUE(r.warned("stage 'pcie': the measured CC pair is refused: CC on (4.375 s"))
      << all_of(r.analysis.warnings);
  ASSERT_TRUE(r.analysis.workload);
  for (const CostLine& l : r.analysis.workload->lines) EXPECT_GE(l.extra_s(), 0) << l.stage;
  EXPECT_GE(r.analysis.workload->extra_s(), 0);
  EXPECT_TRUE(r.warned("workload: stage 'pcie': measured pair not used"));
  // The pair the right way round prices the cost.
  Outcome ok = run("silo-hopper.yaml", {"fixture-h100-cc-off.json", "fixture-h100-cc-on.json"}, {},
                   kOneGpuPerVm);
  ASSERT_TRUE(ok.window("pcie").cc);
  EXPECT_TRUE(ok.window("pcie").cc->refused.empty());
}

// Rule: of several files measuring the same stage, the closest platform match, then the
// larger sweep, then the later run; the others are reported with their disagreement.
TEST(MeasuredDurations, TwoFilesDisagreeing) {
  Outcome r = run("aws-frontier.yaml", {"rules/h2d-slow.json", "rules/h2d-fast.json"});
  const Window& w = r.window("pcie");
  EXPECT_EQ(w.per_event.source, "h2d-fast.json: cuda.h2d");  // 5 sizes against 3
  EXPECT_TRUE(r.considered("pcie",
                           "h2d-slow.json device=0 (3 sizes) gives 2.025 s, +100.0% "
                           "against h2d-fast.json: not used, the larger sweep was used"))
      << all_of(w.per_event.considered);
  EXPECT_TRUE(r.warned("stage 'pcie': h2d-fast.json and h2d-slow.json disagree"));
  // The slower file is reported as outranked, not as inapplicable.
  EXPECT_FALSE(r.warned("no result in it applies")) << all_of(r.analysis.warnings);
  EXPECT_TRUE(r.warned("h2d-slow.json: none of its results was used"));
}

TEST(MeasuredDurations, AFileUsedNowhereSaysWhyEvenWhereAnotherWasUsed) {
  // The ext4 file is refused where the Lustre one is used: the refusal is in the chain, and
  // a warning too, because nothing else from that file was used.
  Outcome r =
      run("aws-frontier.yaml", {"rules/checkpoint-ext4.json", "rules/checkpoint-lustre.json"});
  EXPECT_EQ(r.window("checkpoint_write").per_event.source,
            "checkpoint-lustre.json: host.checkpoint");
  EXPECT_TRUE(r.considered("checkpoint_write",
                           "host.checkpoint in checkpoint-ext4.json was written to ext4"));
  EXPECT_TRUE(
      r.warned("stage 'checkpoint_write': host.checkpoint in checkpoint-ext4.json was "
               "written to ext4"))
      << all_of(r.analysis.warnings);
  EXPECT_TRUE(r.warned("checkpoint-ext4.json: none of its results was used"));
}

TEST(MeasuredDurations, OfEqualSweepsTheLaterRunIsUsed) {
  const Catalog& c = test::bundled_catalog();
  MeasurementFile early = load_measurement_file(test::data("rules/h2d-slow.json"));
  MeasurementFile late = early;
  late.path = late.name = "late.json";
  late.started_at = "2026-02-01T00:00:00Z";
  for (ProbeResult& x : late.results) {
    x.median_s *= 0.5;
    x.samples_s = {x.median_s};
  }
  MeasuredDurations m(c, {early, late});
  Analysis a = analyze(c, load_scenario(test::repo("scenarios/aws-frontier.yaml"), c), {}, &m);
  const Window* w = nullptr;
  for (const Window& x : a.windows)
    if (x.stage == "pcie") w = &x;
  ASSERT_TRUE(w);
  EXPECT_EQ(w->per_event.source, "late.json: cuda.h2d");
  ASSERT_FALSE(w->per_event.considered.empty());
  EXPECT_NE(w->per_event.considered.front().find(
                "+100.0% against late.json: not used, the later run was used"),
            std::string::npos)
      << w->per_event.considered.front();
}

// Rule: checkpoint phases depend on the storage written to.
TEST(MeasuredDurations, StorageClassMustMatch) {
  Outcome ext4 = run("aws-frontier.yaml", {"rules/checkpoint-ext4.json"});
  EXPECT_EQ(ext4.window("checkpoint_write").per_event.provenance, Provenance::datasheet);
  EXPECT_TRUE(
      ext4.warned("was written to ext4 (a local file system on the machine's own disks); "
                  "the stage's fsx_lustre_p2_1000 is a Lustre parallel file system"))
      << all_of(ext4.analysis.warnings);
  Outcome lustre = run("aws-frontier.yaml", {"rules/checkpoint-lustre.json"});
  const Window& w = lustre.window("checkpoint_write");
  EXPECT_EQ(w.per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(w.per_event.value, 1e-3 + 5.67e12 / 1.5e9, 1e-6);
}

// Rule: fabric results depend on the fabric they crossed.
TEST(MeasuredDurations, FabricClassMustMatch) {
  Outcome r = run("fabric-sync.yaml", {"rules/allreduce-efa.json"});
  EXPECT_EQ(r.window("efa_sync").per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(r.window("efa_sync").per_event.value, 20e-6 + 2e9 / 40e9, 1e-12);
  EXPECT_EQ(r.window("ib_sync").per_event.provenance, Provenance::datasheet);
  EXPECT_TRUE(r.warned("crossed efa; the stage runs on InfiniBand (RDMA) (infiniband)"))
      << all_of(r.analysis.warnings);
}

TEST(MeasuredDurations, AFileNothingUsesIsReported) {
  // The transfer scenarios have no stage a host probe measures.
  Outcome r = run("transfer-scp.yaml", {"fixture-host.json"});
  EXPECT_TRUE(r.warned("fixture-host.json: no result in it applies to a stage"));
  Outcome used = run("silo-hopper.yaml", {"fixture-host.json"});
  EXPECT_FALSE(used.warned("no result in it applies"));
  EXPECT_FALSE(used.warned("none of its results was used"));
}

TEST(MeasuredDurations, TheCommittedHostFileKeepsTheCatalogOnAwsFrontier) {
  const Catalog& c = test::bundled_catalog();
  MeasuredDurations m(
      c, {load_measurement_file(test::repo("model/measurements/host-vm-amd-epyc.json"))});
  Analysis a = analyze(c, load_scenario(test::repo("scenarios/aws-frontier.yaml"), c), {}, &m);
  std::string warnings = all_of(a.warnings);
  for (const Window& w : a.windows) {
    if (w.stage == "pcie") {
      EXPECT_EQ(w.per_event.provenance, Provenance::datasheet);
      EXPECT_FALSE(w.cc) << "the emulation pair does not apply to a CC-off platform";
    }
    if (w.stage == "checkpoint_write") {
      EXPECT_EQ(w.per_event.provenance, Provenance::datasheet);
    }
  }
  EXPECT_NE(warnings.find("stage 'pcie': host.bounce_buffer in host-vm-amd-epyc.json is an "
                          "emulation"),
            std::string::npos)
      << warnings;
  EXPECT_NE(warnings.find("stage 'checkpoint_write': host.checkpoint in host-vm-amd-epyc.json was "
                          "written to ext4"),
            std::string::npos)
      << warnings;
  // aws-frontier has no other warning: every one came from the measurements.
  EXPECT_EQ(a.measurement_warnings, a.warnings);
}

TEST(MeasuredDurations, NoCcPairWithoutMeasurements) {
  Outcome r = run("silo-hopper.yaml", {});
  for (const Window& w : r.analysis.windows) EXPECT_FALSE(w.cc) << w.stage;
}

// A GPU host-to-device sweep on an H100 with CC off (as aws-frontier runs) whose samples
// have a known spread at each size: cv 0.5 everywhere except the largest size, where it is
// 0.1. It ends at 1 GiB: aws-frontier's 101.2 GB shard is 94x past it, inside the bounds.
MeasurementFile spread_file() {
  nlohmann::json results = nlohmann::json::array();
  const double mib = 1 << 20;
  for (double size : {16.0, 64.0, 256.0, 1024.0}) {
    const double t = 0.25e-3 * size;  // 4 GB/s-ish
    const double k = size == 1024 ? 0.1 : 0.5;
    // Three samples t (1 - k), t, t (1 + k): mean t, sample sd k t, cv k.
    const std::vector<double> samples = {t * (1 - k), t, t * (1 + k)};
    results.push_back({{"probe", "cuda.h2d"},
                       {"params",
                        {{"bytes", std::uint64_t(size * mib)},
                         {"memory", "pinned"},
                         {"clock", "host"},
                         {"cc", "off"},
                         {"cc_multi_gpu", "none"},
                         {"gpu", "NVIDIA H100 80GB HBM3"},
                         {"device", 0}}},
                       {"samples_s", samples},
                       {"median_s", t},
                       {"min_s", samples[0]},
                       {"max_s", samples[2]},
                       {"cv", k}});
  }
  const nlohmann::json doc = {{"format", "plainsight-probe/1"},
                              {"started_at", "2026-01-01T00:00:00Z"},
                              {"duration_s", 1.0},
                              {"options", nlohmann::json::object()},
                              {"machine",
                               {{"hostname", "spread-test (not a measurement)"},
                                {"cpu", {{"model", "Test CPU"}, {"logical_cores", 2}}},
                                {"kernel", {{"release", "test"}}}}},
                              {"skipped", nlohmann::json::array()},
                              {"failed", nlohmann::json::array()},
                              {"results", results}};
  return parse_measurement_file(doc.dump(), "spread.json");
}

TEST(MeasuredDurations, SpreadIsTheSampleCvNearestThePayloadTimesTheValue) {
  const Catalog& c = test::bundled_catalog();
  Scenario s = load_scenario(test::repo("scenarios/aws-frontier.yaml"), c);
  MeasuredDurations m(c, {spread_file()});
  Analysis a = analyze(c, std::move(s), {}, &m);
  const Window* w = nullptr;
  for (const Window& x : a.windows)
    if (x.stage == "pcie") w = &x;
  ASSERT_TRUE(w);
  ASSERT_EQ(w->per_event.source, "spread.json: cuda.h2d");
  // The payload (GBs) is beyond the sweep: its nearest point is 1 GiB, cv 0.1 (not the
  // 0.5 of the other sizes).
  EXPECT_GT(w->per_event.value, 0);
  EXPECT_NEAR(w->per_event.spread_s, 0.1 * w->per_event.value, 1e-12 * w->per_event.value);
  EXPECT_NEAR(w->plaintext_per_event.spread_s, w->per_event.spread_s, 1e-15);

  // The reach of a periodic window carries it as the jitter of an event's start.
  const std::vector<ActorProfile> actors = actor_profiles(c);
  const ActorProfile* oc4 = find_actor(actors, "OC4");
  ASSERT_TRUE(oc4);
  bool seen = false;
  for (const Reach& r : actor_reach(c, a.scenario, a.windows, *oc4))
    if (r.stage == "pcie") {
      seen = true;
      ASSERT_GT(r.period_s, 0);
      EXPECT_DOUBLE_EQ(r.jitter_s, w->per_event.spread_s);
    }
  EXPECT_TRUE(seen);
}

TEST(MeasuredDurations, NoSpreadAndNoJitterWithoutMeasurements) {
  Outcome r = run("aws-frontier.yaml", {});
  for (const Window& w : r.analysis.windows) {
    EXPECT_EQ(w.per_event.spread_s, 0) << w.stage;
    EXPECT_EQ(w.plaintext_per_event.spread_s, 0) << w.stage;
  }
  const std::vector<ActorProfile> actors = actor_profiles(test::bundled_catalog());
  for (const ActorProfile& p : actors)
    for (const Reach& x :
         actor_reach(test::bundled_catalog(), r.analysis.scenario, r.analysis.windows, p))
      EXPECT_EQ(x.jitter_s, 0) << x.stage << " " << x.capability;
}

TEST(MeasuredDurations, OneSampleHasNoSpread) {
  MeasurementFile f = spread_file();
  for (ProbeResult& r : f.results) r.samples_s = {r.median_s};
  const Catalog& c = test::bundled_catalog();
  MeasuredDurations m(c, {f});
  Analysis a = analyze(c, load_scenario(test::repo("scenarios/aws-frontier.yaml"), c), {}, &m);
  for (const Window& w : a.windows)
    if (w.stage == "pcie") {
      EXPECT_EQ(w.per_event.source, "spread.json: cuda.h2d");
      EXPECT_EQ(w.per_event.spread_s, 0);
    }
}

}  // namespace
}  // namespace plainsight
