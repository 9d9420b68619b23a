#include "analyze/measured_durations.h"

#include <algorithm>
#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analyze/actor_profile.h"
#include "analyze/analysis.h"
#include "analyze/window_reach.h"
#include "core/probe_account.h"
#include "report/warning_phrase.h"
#include "test_support.h"

// The analysis's choices are typed (core/considered.h, analyze/analysis_warning.h): these
// tests check the values; tests/report/measurement_phrase_test.cc checks the words.
namespace plainsight {
namespace {

using ::testing::Contains;
using ::testing::Pair;
using CK = Considered::Kind;
using WK = AnalysisWarning::Kind;

constexpr double kMiB = 1 << 20;

std::string all_of(const std::vector<AnalysisWarning>& warnings) {
  std::string out;
  for (const AnalysisWarning& w : warnings) out += warning_phrase(w) + "\n";
  return out;
}

struct Outcome {
  Analysis analysis;
  const Window& window(const std::string& stage) const {
    for (const Window& w : analysis.windows)
      if (w.stage == stage) return w;
    throw std::runtime_error("no window " + stage);
  }
  // The first warning of `kind` (about `file`, where given), or null.
  const AnalysisWarning* warning(WK kind, const std::string& file = "") const {
    for (const AnalysisWarning& w : analysis.warnings)
      if (w.kind == kind && (file.empty() || w.file == file)) return &w;
    return nullptr;
  }
  // The warning that `stage` did not use a result, the chain entry of `kind` it carries.
  const AnalysisWarning* refusal(const std::string& stage, CK kind,
                                 const std::string& file = "") const {
    for (const AnalysisWarning& w : analysis.warnings)
      if (w.kind == WK::not_used && w.stage == stage && w.entry.kind == kind &&
          (file.empty() || w.entry.file == file))
        return &w;
    return nullptr;
  }
  // Whether any warning is about probe file `file`.
  bool mentions(const std::string& file) const {
    for (const AnalysisWarning& w : analysis.warnings)
      if (w.file == file || w.entry.file == file) return true;
    return false;
  }
  // The entry of `kind` in the window's chain (what else was considered), or null.
  const Considered* considered(const std::string& stage, CK kind,
                               const std::string& file = "") const {
    for (const Considered& c : window(stage).per_event.considered)
      if (c.kind == kind && (file.empty() || c.file == file)) return &c;
    return nullptr;
  }
  std::string warnings() const { return all_of(analysis.warnings); }
};

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

// The mismatch `w` refuses a result for, checked facet by facet.
void expect_mismatch(const AnalysisWarning* w, PlatformFacet facet, const std::string& measured,
                     const std::string& wanted) {
  ASSERT_TRUE(w);
  EXPECT_EQ(w->entry.mismatch.facet, facet);
  EXPECT_EQ(w->entry.mismatch.measured, measured);
  EXPECT_EQ(w->entry.mismatch.wanted, wanted);
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
  ASSERT_TRUE(w.per_event.probe);
  const ProbeAccount& p = *w.per_event.probe;
  EXPECT_EQ(p.file, "h100-protected-pcie.json");
  EXPECT_EQ(p.probe, "cuda.h2d");
  EXPECT_EQ(p.estimate.basis, SweepEstimate::Basis::median);
  EXPECT_EQ(p.estimate.bytes, 16 * kMiB);
  ASSERT_FALSE(p.machine.gpus.empty());
  EXPECT_EQ(p.machine.gpus.front(), "NVIDIA H100 80GB HBM3");
}

TEST(MeasuredDurations, PayloadBeyondTheSweepIsFittedWithItsExtrapolation) {
  Outcome r = run("silo-hopper.yaml", {kPpcie});
  const Window& w = r.window("pcie");
  EXPECT_EQ(w.per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(w.per_event.value, 30e-6 + 17.5e9 / 4e9, 1e-9);
  ASSERT_TRUE(w.per_event.probe);
  const SweepEstimate& e = w.per_event.probe->estimate;
  EXPECT_EQ(e.basis, SweepEstimate::Basis::extrapolated);
  EXPECT_GT(e.bytes, e.upper_bytes);
  EXPECT_NEAR(e.extrapolation, 17.5e9 / e.upper_bytes, 1e-9);
  EXPECT_NEAR(e.extrapolation, 16.3, 0.05);
  // The chain names the datasheet figure the measurement replaced.
  const Considered* replaced = r.considered("pcie", CK::catalog_replaced);
  ASSERT_TRUE(replaced);
  ASSERT_TRUE(replaced->catalog);
  EXPECT_EQ(replaced->catalog->provenance, Provenance::datasheet);
  EXPECT_FALSE(replaced->by_emulation);
}

TEST(MeasuredDurations, ProvenancePrecedence) {
  // Without measurements: the catalog's datasheet (PCIe) and the scenario's own number.
  Outcome plain = run("silo-hopper.yaml", {});
  EXPECT_EQ(plain.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_EQ(plain.window("cvm_decrypt").per_event.provenance, Provenance::assumed);
  EXPECT_TRUE(plain.window("pcie").per_event.considered.empty());
  EXPECT_FALSE(plain.window("pcie").per_event.probe);
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
  const Considered* passed = both.considered("pcie", CK::emulation_not_needed);
  ASSERT_TRUE(passed);
  EXPECT_EQ(passed->probe, "host.bounce_buffer");
  EXPECT_EQ(passed->file, "fixture-host.json");
}

// Rule: a result applies where the platform matches in what the probe depends on.
TEST(MeasuredDurations, MatchingPlatformIsUsed) {
  // aws-frontier: H100, CC off, multi-GPU mode none; the file: the same.
  Outcome r = run("aws-frontier.yaml", {"rules/h2d-fast.json"});
  const Window& w = r.window("pcie");
  EXPECT_EQ(w.per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(w.per_event.value, 8e-6 + 810e9 / 16 / 50e9, 1e-9);
  EXPECT_FALSE(r.mentions("h2d-fast.json")) << r.warnings();
  ASSERT_TRUE(w.per_event.probe);
  EXPECT_TRUE(w.per_event.probe->forced.empty());
}

TEST(MeasuredDurations, OtherCcStateIsSkippedWithAWarning) {
  Outcome r = run("silo-hopper.yaml", {"fixture-h100-cc-off.json"});
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
  const AnalysisWarning* w = r.refusal("pcie", CK::mismatch, "fixture-h100-cc-off.json");
  expect_mismatch(w, PlatformFacet::cc, "off", "on");
  EXPECT_EQ(w->entry.probe, "cuda.h2d");
  EXPECT_TRUE(w->entry.allowable) << "--allow-mismatch would use it";
  EXPECT_EQ(w->kept, Provenance::datasheet) << "the datasheet figure stays";
  const Considered* c = r.considered("pcie", CK::mismatch);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->mismatch, w->entry.mismatch);
}

TEST(MeasuredDurations, OtherCcStateIsUsedWhenAllowedAndMarkedSo) {
  Outcome r = run("silo-hopper.yaml", {"fixture-h100-cc-off.json"}, kAllowMismatch);
  const Window& w = r.window("pcie");
  EXPECT_EQ(w.per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(w.per_event.value, 8e-6 + 17.5e9 / 50e9, 1e-9);
  ASSERT_TRUE(w.per_event.probe);
  // Forced: the CC state (and the multi-GPU mode, which a CC-off node has none of).
  const std::vector<FacetMismatch>& all = w.per_event.probe->forced;
  auto cc = std::find_if(all.begin(), all.end(),
                         [](const FacetMismatch& m) { return m.facet == PlatformFacet::cc; });
  ASSERT_NE(cc, all.end());
  const FacetMismatch& x = *cc;
  EXPECT_EQ(x.measured, "off");
  EXPECT_EQ(x.wanted, "on");
  bool warned = false;
  for (const AnalysisWarning& f : r.analysis.warnings)
    warned |= f.kind == WK::forced && f.stage == "pcie" && f.mismatch == x;
  EXPECT_TRUE(warned) << r.warnings();
}

TEST(MeasuredDurations, OtherGpuGenerationIsSkippedUnlessAllowed) {
  Outcome r = run("silo-blackwell.yaml", {"fixture-h100-cc-on.json"});
  EXPECT_NE(r.window("pcie").per_event.provenance, Provenance::fitted);
  const AnalysisWarning* w = r.refusal("pcie", CK::mismatch);
  expect_mismatch(w, PlatformFacet::gpu, "NVIDIA H100 80GB HBM3", "b200");
  EXPECT_EQ(w->entry.mismatch.measured_class, "h100");
  EXPECT_EQ(w->entry.mismatch.measured_generation, "hopper");
  EXPECT_EQ(w->entry.mismatch.wanted_generation, "blackwell");
  EXPECT_EQ(w->entry.mismatch.distance, 2) << "another generation";
  // Blackwell's scenario runs NVLink encryption: the multi-GPU mode differs as well.
  Outcome allowed = run("silo-blackwell.yaml", {"fixture-h100-cc-on.json"}, kAllowMismatch);
  const Figure& f = allowed.window("pcie").per_event;
  EXPECT_EQ(f.provenance, Provenance::fitted);
  ASSERT_TRUE(f.probe);
  std::vector<PlatformFacet> forced;
  for (const FacetMismatch& x : f.probe->forced) forced.push_back(x.facet);
  EXPECT_THAT(forced, Contains(PlatformFacet::gpu));
  EXPECT_THAT(forced, Contains(PlatformFacet::multi_gpu_mode));
}

TEST(MeasuredDurations, AnotherModelOfTheSameGenerationIsAMismatch) {
  // An H200 run does not stand for an H100, though both are Hopper.
  Outcome r = run("aws-frontier.yaml", {"rules/h200-cc-off.json"});
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
  const AnalysisWarning* w = r.refusal("pcie", CK::mismatch);
  ASSERT_TRUE(w) << r.warnings();
  EXPECT_EQ(w->entry.mismatch.facet, PlatformFacet::gpu);
  EXPECT_EQ(w->entry.mismatch.measured_class, "h200");
  EXPECT_EQ(w->entry.mismatch.wanted, "h100");
  EXPECT_EQ(w->entry.mismatch.wanted_generation, "hopper");
  EXPECT_EQ(w->entry.mismatch.distance, 1) << "the same generation";
  Outcome allowed = run("aws-frontier.yaml", {"rules/h200-cc-off.json"}, kAllowMismatch);
  EXPECT_EQ(allowed.window("pcie").per_event.provenance, Provenance::fitted);
  // Of a forced H200 and an exact H100 sweep, the closer platform match is used even
  // though it is the slower one.
  Outcome closer =
      run("aws-frontier.yaml", {"rules/h200-cc-off.json", "rules/h2d-slow.json"}, kAllowMismatch);
  EXPECT_EQ(closer.window("pcie").per_event.source, "h2d-slow.json: cuda.h2d");
  const Considered* c = closer.considered("pcie", CK::outranked, "h200-cc-off.json");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->outranked_by, Considered::Rank::closer_platform_match);
  EXPECT_LT(c->seconds, c->chosen_seconds) << "the faster sweep was passed over";
}

TEST(MeasuredDurations, HostResultsApplyOnAnyPlatform) {
  Outcome r = run("silo-blackwell.yaml", {"fixture-host.json"}, kAllowEmulation);
  const Window& w = r.window("cvm_decrypt");
  EXPECT_EQ(w.per_event.provenance, Provenance::fitted);
  ASSERT_TRUE(w.per_event.probe);
  EXPECT_TRUE(w.per_event.probe->host_result);
  // The Hopper bounce-buffer emulation does not stand for Blackwell's inline encryption,
  // even when emulations are allowed.
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
}

// Rule: an emulation is labelled, ranked below the datasheet, used only when asked, and
// never on a CC-off platform.
TEST(MeasuredDurations, EmulationIsUsedOnlyWhenAskedAndLabelled) {
  Outcome refused = run("silo-hopper.yaml", {"fixture-host.json"});
  EXPECT_EQ(refused.window("pcie").per_event.provenance, Provenance::datasheet);
  const AnalysisWarning* w = refused.refusal("pcie", CK::emulation_not_allowed);
  ASSERT_TRUE(w) << refused.warnings();
  EXPECT_EQ(w->entry.probe, "host.bounce_buffer");
  EXPECT_EQ(w->entry.file, "fixture-host.json");
  EXPECT_FALSE(refused.window("pcie").cc) << "no pair from a refused emulation";

  Outcome used = run("silo-hopper.yaml", {"fixture-host.json"}, kAllowEmulation);
  const Window& u = used.window("pcie");
  EXPECT_EQ(u.per_event.provenance, Provenance::emulated);
  EXPECT_NEAR(u.per_event.value, 40e-6 + 17.5e9 / 2e9, 1e-9);  // the 4-thread CC-on sweep
  ASSERT_TRUE(u.per_event.probe);
  EXPECT_TRUE(u.per_event.probe->emulation);
  const Considered* replaced = used.considered("pcie", CK::catalog_replaced);
  ASSERT_TRUE(replaced);
  EXPECT_TRUE(replaced->by_emulation) << "the datasheet ranks above an emulation";
  const AnalysisWarning* standing_in = used.warning(WK::emulation_used, "fixture-host.json");
  ASSERT_TRUE(standing_in) << used.warnings();
  EXPECT_EQ(standing_in->stage, "pcie");
  EXPECT_EQ(standing_in->probe, "host.bounce_buffer");
}

TEST(MeasuredDurations, EmulationNeverOnACcOffPlatform) {
  Outcome r = run("aws-frontier.yaml", {"fixture-host.json"}, {true, true});
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_FALSE(r.window("pcie").cc);
  EXPECT_TRUE(r.refusal("pcie", CK::emulation_cc_off, "fixture-host.json")) << r.warnings();
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
  EXPECT_FALSE(on.warning(WK::file_unused)) << on.warnings();
}

TEST(MeasuredDurations, CcPairFromTheBounceBufferEmulation) {
  Outcome r = run("silo-hopper.yaml", {"fixture-host.json"}, kAllowEmulation);
  const Window& w = r.window("pcie");
  ASSERT_TRUE(w.cc);
  // The 4-thread sweep is preferred over the slower 2-thread one.
  EXPECT_NEAR(w.cc->off.value, 10e-6 + 17.5e9 / 8e9, 1e-9);
  EXPECT_NEAR(w.cc->on.value, 40e-6 + 17.5e9 / 2e9, 1e-9);
  EXPECT_EQ(w.cc->on.provenance, Provenance::emulated);
  ASSERT_TRUE(w.per_event.probe);
  EXPECT_TRUE(w.per_event.probe->emulation);
  EXPECT_THAT(w.per_event.probe->series, Contains(Pair("threads", "4")));
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
  expect_mismatch(single.refusal("pcie", CK::mismatch), PlatformFacet::multi_gpu_mode,
                  "protected_pcie", "none");
  Outcome off = run("aws-frontier.yaml", {kPpcie});
  EXPECT_EQ(off.window("pcie").per_event.provenance, Provenance::datasheet);
  expect_mismatch(off.refusal("pcie", CK::mismatch), PlatformFacet::cc, "on", "off");
  // A single-GPU CC-on node does not stand for the protected-PCIe scenario either.
  Outcome cc_on = run("silo-hopper.yaml", {"fixture-h100-cc-on.json"});
  expect_mismatch(cc_on.refusal("pcie", CK::mismatch), PlatformFacet::multi_gpu_mode, "none",
                  "protected_pcie");
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
  bool seen = false;
  for (const Window& w : a.windows)
    if (w.stage == "pcie") {
      seen = true;
      EXPECT_EQ(w.per_event.source, "smi-style.json: cuda.h2d");
      ASSERT_TRUE(w.per_event.probe);
      EXPECT_THAT(w.per_event.probe->notes, Contains(MatchNote::protected_pcie_recorded_as_cc_off));
    }
  EXPECT_TRUE(seen);
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
  const AnalysisWarning* w = r.refusal("cvm_decrypt", CK::out_of_bounds, "poor-fit.json");
  ASSERT_TRUE(w) << r.warnings();
  EXPECT_EQ(w->entry.probe, "host.envelope");
  EXPECT_EQ(w->entry.sizes, 4u);
  EXPECT_EQ(w->entry.min_bytes, kMiB);
  EXPECT_EQ(w->entry.max_bytes, 4096 * kMiB);
  EXPECT_EQ(w->entry.bytes, 140e9);
  ASSERT_FALSE(w->entry.violations.empty());
  EXPECT_EQ(w->entry.violations.front().bound, FitViolation::Bound::r2);
  EXPECT_LT(w->entry.violations.front().value, w->entry.violations.front().limit);
  for (const FitViolation& v : w->entry.violations)
    EXPECT_NE(v.bound, FitViolation::Bound::extrapolation) << "within 100x of the sweep";
  EXPECT_EQ(w->kept, Provenance::assumed) << "the assumed figure stays";
  // Inside the sweep the medians are interpolated: no fit, no bound.
  Outcome inside =
      run("silo-hopper.yaml", {"rules/poor-fit.json"}, {}, {"stages.cvm_decrypt.payload=16MiB"});
  EXPECT_EQ(inside.window("cvm_decrypt").per_event.provenance, Provenance::measured);
  EXPECT_NEAR(inside.window("cvm_decrypt").per_event.value, 1.0e-3, 1e-15);
}

TEST(MeasuredDurations, FarExtrapolationIsRefused) {
  Outcome r = run("silo-hopper.yaml", {"rules/far-extrapolation.json"});
  EXPECT_EQ(r.window("cvm_decrypt").per_event.provenance, Provenance::assumed);
  const AnalysisWarning* w = r.refusal("cvm_decrypt", CK::out_of_bounds);
  ASSERT_TRUE(w) << r.warnings();
  ASSERT_FALSE(w->entry.violations.empty());
  const FitViolation& v = w->entry.violations.back();
  EXPECT_EQ(v.bound, FitViolation::Bound::extrapolation);
  EXPECT_NEAR(v.value, 1.34e5, 0.005e5);
  EXPECT_EQ(v.limit, 100);
  EXPECT_TRUE(r.considered("cvm_decrypt", CK::out_of_bounds, "far-extrapolation.json"));
}

// Issue 21, class 4: a cuda.h2d sweep at 111x what its PCIe Gen5 link carries was used as
// measured (2.2 s -> 20 ms). It is refused by its bound in model/probe_map.yaml (the link's
// datasheet bandwidth times bound_factor), says so, and the datasheet figure stays.
TEST(MeasuredDurations, ASweepFasterThanItsLinkIsRefused) {
  Outcome base = run("aws-frontier.yaml", {});
  Outcome r = run("aws-frontier.yaml", {"rules/h2d-beyond-link.json"});
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_DOUBLE_EQ(r.window("pcie").per_event.value, base.window("pcie").per_event.value);
  const AnalysisWarning* w = r.refusal("pcie", CK::beyond_bound, "h2d-beyond-link.json");
  ASSERT_TRUE(w) << r.warnings();
  EXPECT_EQ(w->entry.bound_kind, ProbeBound::Kind::link_transfer);
  EXPECT_EQ(w->entry.bound_id, "pcie_gen5_x16");
  EXPECT_EQ(w->entry.bound_source, "pcie5-spec");
  EXPECT_NEAR(w->entry.fastest_Bps / w->entry.bound_Bps, 111, 0.5);
  EXPECT_NEAR(w->entry.fastest_Bps, 6.992e12, 0.001e12);
  EXPECT_EQ(w->entry.bound_factor, 1.1);
  EXPECT_TRUE(r.considered("pcie", CK::beyond_bound, "h2d-beyond-link.json"));
  // A sweep within the limit is still used.
  EXPECT_EQ(run("aws-frontier.yaml", {"rules/h2d-slow.json"}).window("pcie").per_event.provenance,
            Provenance::fitted);
}

// Issue 21, class 4: two results 12 decades apart were interpolated into a window.
TEST(MeasuredDurations, MediansFarApartAreNotInterpolated) {
  Outcome r = run("aws-frontier.yaml", {"rules/h2d-far-apart.json"});
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
  const AnalysisWarning* w = r.refusal("pcie", CK::out_of_bounds, "h2d-far-apart.json");
  ASSERT_TRUE(w) << r.warnings();
  EXPECT_FALSE(w->entry.fitted);
  EXPECT_EQ(w->entry.sizes, 2u);
  ASSERT_EQ(w->entry.violations.size(), 1u);
  EXPECT_EQ(w->entry.violations[0].bound, FitViolation::Bound::size_gap);
  EXPECT_NEAR(w->entry.violations[0].value, 9.77e11, 0.005e11);
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
  EXPECT_TRUE(w.cc->refused);
  const AnalysisWarning* refused = r.warning(WK::cc_pair_refused);
  ASSERT_TRUE(refused) << r.warnings();
  EXPECT_EQ(refused->stage, "pcie");
  EXPECT_EQ(refused->pair, w.cc);
  ASSERT_TRUE(r.analysis.workload);
  for (const CostLine& l : r.analysis.workload->lines) EXPECT_GE(l.extra_s(), 0) << l.stage;
  EXPECT_GE(r.analysis.workload->extra_s(), 0);
  const AnalysisWarning* unpriced = r.warning(WK::workload_pair_refused);
  ASSERT_TRUE(unpriced) << r.warnings();
  EXPECT_EQ(unpriced->stage, "pcie");
  // The pair the right way round prices the cost.
  Outcome ok = run("silo-hopper.yaml", {"fixture-h100-cc-off.json", "fixture-h100-cc-on.json"}, {},
                   kOneGpuPerVm);
  ASSERT_TRUE(ok.window("pcie").cc);
  EXPECT_FALSE(ok.window("pcie").cc->refused);
}

// Rule: of several files measuring the same stage, the closest platform match, then the
// larger sweep, then the later run; the others are reported with their disagreement.
TEST(MeasuredDurations, TwoFilesDisagreeing) {
  Outcome r = run("aws-frontier.yaml", {"rules/h2d-slow.json", "rules/h2d-fast.json"});
  const Window& w = r.window("pcie");
  EXPECT_EQ(w.per_event.source, "h2d-fast.json: cuda.h2d");  // 5 sizes against 3
  const Considered* c = r.considered("pcie", CK::outranked, "h2d-slow.json");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->series, (ParamList{{"device", "0"}}));
  EXPECT_EQ(c->sizes, 3u);
  EXPECT_NEAR(c->seconds, 2.025, 0.0005);
  EXPECT_NEAR(c->seconds / c->chosen_seconds, 2.0, 1e-3) << "+100%";
  EXPECT_EQ(c->chosen_file, "h2d-fast.json");
  EXPECT_EQ(c->outranked_by, Considered::Rank::larger_sweep);
  EXPECT_EQ(c->chosen_sizes, 5u);
  const AnalysisWarning* d = r.warning(WK::disagreement, "h2d-fast.json");
  ASSERT_TRUE(d) << r.warnings();
  EXPECT_EQ(d->stage, "pcie");
  EXPECT_EQ(d->entry, *c);
  // The slower file is reported as outranked, not as inapplicable.
  EXPECT_FALSE(r.warning(WK::file_applies_nowhere)) << r.warnings();
  EXPECT_TRUE(r.warning(WK::file_unused, "h2d-slow.json"));
}

TEST(MeasuredDurations, AFileUsedNowhereSaysWhyEvenWhereAnotherWasUsed) {
  // The ext4 file is refused where the Lustre one is used: the refusal is in the chain, and
  // a warning too, because nothing else from that file was used.
  Outcome r =
      run("aws-frontier.yaml", {"rules/checkpoint-ext4.json", "rules/checkpoint-lustre.json"});
  EXPECT_EQ(r.window("checkpoint_write").per_event.source,
            "checkpoint-lustre.json: host.checkpoint");
  const Considered* c = r.considered("checkpoint_write", CK::mismatch, "checkpoint-ext4.json");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->mismatch.facet, PlatformFacet::storage);
  EXPECT_EQ(c->mismatch.measured, "ext4");
  const AnalysisWarning* w = r.refusal("checkpoint_write", CK::mismatch, "checkpoint-ext4.json");
  ASSERT_TRUE(w) << r.warnings();
  EXPECT_EQ(w->entry, *c);
  EXPECT_FALSE(w->kept) << "a chain entry of a file nothing used: no figure stays for it";
  EXPECT_TRUE(r.warning(WK::file_unused, "checkpoint-ext4.json"));
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
  const Considered& first = w->per_event.considered.front();
  EXPECT_EQ(first.kind, CK::outranked);
  EXPECT_EQ(first.chosen_file, "late.json");
  EXPECT_EQ(first.outranked_by, Considered::Rank::later_run);
  EXPECT_EQ(first.chosen_started_at, "2026-02-01T00:00:00Z");
  EXPECT_EQ(first.started_at, early.started_at);
  EXPECT_NEAR(first.seconds / first.chosen_seconds, 2.0, 1e-9);
}

// Rule: checkpoint phases depend on the storage written to.
TEST(MeasuredDurations, StorageClassMustMatch) {
  Outcome ext4 = run("aws-frontier.yaml", {"rules/checkpoint-ext4.json"});
  EXPECT_EQ(ext4.window("checkpoint_write").per_event.provenance, Provenance::datasheet);
  const AnalysisWarning* w = ext4.refusal("checkpoint_write", CK::mismatch);
  expect_mismatch(w, PlatformFacet::storage, "ext4", "lustre");
  EXPECT_EQ(w->entry.mismatch.measured_class, "a local file system on the machine's own disks");
  EXPECT_EQ(w->entry.mismatch.link, "fsx_lustre_p2_1000");
  EXPECT_EQ(w->entry.mismatch.wanted_name, "a Lustre parallel file system");
  Outcome lustre = run("aws-frontier.yaml", {"rules/checkpoint-lustre.json"});
  const Window& l = lustre.window("checkpoint_write");
  EXPECT_EQ(l.per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(l.per_event.value, 1e-3 + 5.67e12 / 1.5e9, 1e-6);
}

// Rule: fabric results depend on the fabric they crossed.
TEST(MeasuredDurations, FabricClassMustMatch) {
  Outcome r = run("fabric-sync.yaml", {"rules/allreduce-efa.json"});
  EXPECT_EQ(r.window("efa_sync").per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(r.window("efa_sync").per_event.value, 20e-6 + 2e9 / 40e9, 1e-12);
  EXPECT_EQ(r.window("ib_sync").per_event.provenance, Provenance::datasheet);
  const AnalysisWarning* w = r.refusal("ib_sync", CK::mismatch);
  expect_mismatch(w, PlatformFacet::fabric, "efa", "infiniband");
  EXPECT_EQ(w->entry.mismatch.wanted_name, "InfiniBand (RDMA)");
}

TEST(MeasuredDurations, AFileNothingUsesIsReported) {
  // The transfer scenarios have no stage a host probe measures.
  Outcome r = run("transfer-scp.yaml", {"fixture-host.json"});
  EXPECT_TRUE(r.warning(WK::file_applies_nowhere, "fixture-host.json")) << r.warnings();
  Outcome used = run("silo-hopper.yaml", {"fixture-host.json"});
  EXPECT_FALSE(used.warning(WK::file_applies_nowhere));
  EXPECT_FALSE(used.warning(WK::file_unused));
}

TEST(MeasuredDurations, TheCommittedHostFileKeepsTheCatalogOnAwsFrontier) {
  const Catalog& c = test::bundled_catalog();
  MeasuredDurations m(
      c, {load_measurement_file(test::repo("model/measurements/host-vm-amd-epyc.json"))});
  Outcome r{analyze(c, load_scenario(test::repo("scenarios/aws-frontier.yaml"), c), {}, &m)};
  for (const Window& w : r.analysis.windows) {
    if (w.stage == "pcie") {
      EXPECT_EQ(w.per_event.provenance, Provenance::datasheet);
      EXPECT_FALSE(w.cc) << "the emulation pair does not apply to a CC-off platform";
    }
    if (w.stage == "checkpoint_write") {
      EXPECT_EQ(w.per_event.provenance, Provenance::datasheet);
    }
  }
  EXPECT_TRUE(r.refusal("pcie", CK::emulation_cc_off, "host-vm-amd-epyc.json")) << r.warnings();
  const AnalysisWarning* ext4 =
      r.refusal("checkpoint_write", CK::mismatch, "host-vm-amd-epyc.json");
  expect_mismatch(ext4, PlatformFacet::storage, "ext4", "lustre");
  // aws-frontier has no other warning: every one came from the measurements.
  EXPECT_EQ(r.analysis.measurement_warnings, r.analysis.warnings);
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
