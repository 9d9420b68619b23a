#include "analyze/measured_durations.h"

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
};

Outcome run(const std::string& scenario, const std::vector<std::string>& fixtures,
            bool allow_mismatch = false, const std::vector<std::string>& sets = {}) {
  const Catalog& c = test::bundled_catalog();
  std::vector<MeasurementFile> files;
  for (const std::string& f : fixtures) files.push_back(load_measurement_file(test::data(f)));
  Scenario s = load_scenario(test::repo("scenarios/" + scenario), c, sets);
  if (files.empty()) return {analyze(c, std::move(s), sets, nullptr)};
  MeasuredDurations m(c, std::move(files), allow_mismatch);
  return {analyze(c, std::move(s), sets, &m)};
}

TEST(MeasuredDurations, PayloadInsideTheSweepIsMeasured) {
  // 128 MiB over 8 shards: 16 MiB per GPU, a point of the fixture's sweep.
  Outcome r =
      run("silo-hopper.yaml", {"fixture-h100-cc-on.json"}, false, {"stages.pcie.payload=128MiB"});
  const Window& w = r.window("pcie");
  EXPECT_EQ(w.per_event.provenance, Provenance::measured);
  EXPECT_NEAR(w.per_event.value, 30e-6 + 16 * kMiB / 4e9, 1e-12);
  EXPECT_EQ(w.per_event.source, "fixture-h100-cc-on.json: cuda.h2d");
  EXPECT_NE(w.per_event.detail.find("H100"), std::string::npos) << w.per_event.detail;
}

TEST(MeasuredDurations, PayloadBeyondTheSweepIsFittedWithItsExtrapolation) {
  Outcome r = run("silo-hopper.yaml", {"fixture-h100-cc-on.json"});
  const Window& w = r.window("pcie");
  EXPECT_EQ(w.per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(w.per_event.value, 30e-6 + 17.5e9 / 4e9, 1e-9);
  EXPECT_NE(w.per_event.detail.find("beyond the measured"), std::string::npos);
  EXPECT_NE(w.per_event.detail.find("65.2x"), std::string::npos) << w.per_event.detail;
}

TEST(MeasuredDurations, ProvenancePrecedence) {
  // Without measurements: the catalog's datasheet (PCIe) and the scenario's own number.
  Outcome plain = run("silo-hopper.yaml", {});
  EXPECT_EQ(plain.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_EQ(plain.window("cvm_decrypt").per_event.provenance, Provenance::assumed);
  // A probe result beats both, measured inside the sweep and fitted beyond it.
  Outcome host = run("silo-hopper.yaml", {"fixture-host.json"});
  EXPECT_EQ(host.window("pcie").per_event.provenance, Provenance::fitted);
  EXPECT_EQ(host.window("cvm_decrypt").per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(host.window("cvm_decrypt").per_event.value, 5e-6 + 140e9 / 4e9, 1e-9);
  // Stages no probe maps to keep the catalog's figure.
  EXPECT_EQ(host.window("nvlink").per_event.provenance, Provenance::assumed);
  // The GPU measurement is preferred to the host emulation when both are given.
  Outcome both = run("silo-hopper.yaml", {"fixture-host.json", "fixture-h100-cc-on.json"});
  EXPECT_EQ(both.window("pcie").per_event.source, "fixture-h100-cc-on.json: cuda.h2d");
}

TEST(MeasuredDurations, OtherCcStateIsSkippedWithAWarning) {
  Outcome r = run("silo-hopper.yaml", {"fixture-h100-cc-off.json"});
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
  EXPECT_TRUE(
      r.warned("cuda.h2d in fixture-h100-cc-off.json was measured with CC off; the "
               "scenario runs CC on"));
  EXPECT_TRUE(r.warned("--allow-mismatch"));
}

TEST(MeasuredDurations, OtherCcStateIsUsedWhenAllowedAndMarkedSo) {
  Outcome r = run("silo-hopper.yaml", {"fixture-h100-cc-off.json"}, true);
  const Window& w = r.window("pcie");
  EXPECT_EQ(w.per_event.provenance, Provenance::fitted);
  EXPECT_NEAR(w.per_event.value, 8e-6 + 17.5e9 / 50e9, 1e-9);
  EXPECT_NE(w.per_event.detail.find("measured with CC off, applied to CC on by --allow-mismatch"),
            std::string::npos)
      << w.per_event.detail;
}

TEST(MeasuredDurations, OtherGpuGenerationIsSkippedUnlessAllowed) {
  Outcome r = run("silo-blackwell.yaml", {"fixture-h100-cc-on.json"});
  EXPECT_NE(r.window("pcie").per_event.provenance, Provenance::fitted);
  EXPECT_TRUE(r.warned("(hopper); the scenario runs b200 (blackwell)"));
  Outcome allowed = run("silo-blackwell.yaml", {"fixture-h100-cc-on.json"}, true);
  EXPECT_EQ(allowed.window("pcie").per_event.provenance, Provenance::fitted);
  EXPECT_NE(allowed.window("pcie").per_event.detail.find("applied to b200 by --allow-mismatch"),
            std::string::npos);
}

TEST(MeasuredDurations, HostResultsApplyOnAnyPlatform) {
  Outcome r = run("silo-blackwell.yaml", {"fixture-host.json"});
  const Window& w = r.window("cvm_decrypt");
  EXPECT_EQ(w.per_event.provenance, Provenance::fitted);
  EXPECT_NE(w.per_event.detail.find("host result, applies on any platform"), std::string::npos);
  // The Hopper bounce-buffer emulation does not stand for Blackwell's inline encryption.
  EXPECT_EQ(r.window("pcie").per_event.provenance, Provenance::datasheet);
}

TEST(MeasuredDurations, CcPairFromTwoGpuFiles) {
  Outcome on = run("silo-hopper.yaml", {"fixture-h100-cc-off.json", "fixture-h100-cc-on.json"});
  const Window& w = on.window("pcie");
  ASSERT_TRUE(w.cc);
  EXPECT_NEAR(w.cc->off.value, 8e-6 + 17.5e9 / 50e9, 1e-9);
  EXPECT_NEAR(w.cc->on.value, 30e-6 + 17.5e9 / 4e9, 1e-9);
  EXPECT_NEAR(w.cc->ratio(), (30e-6 + 17.5e9 / 4e9) / (8e-6 + 17.5e9 / 50e9), 1e-9);
  EXPECT_DOUBLE_EQ(w.per_event.value, w.cc->on.value);  // the scenario runs CC on
  Outcome off = run("silo-hopper.yaml", {"fixture-h100-cc-off.json", "fixture-h100-cc-on.json"},
                    false, {"platform.confidential_mode=off"});
  ASSERT_TRUE(off.window("pcie").cc);
  EXPECT_DOUBLE_EQ(off.window("pcie").per_event.value, off.window("pcie").cc->off.value);
  // Host work has no CC pair.
  EXPECT_FALSE(on.window("cvm_decrypt").cc);
}

TEST(MeasuredDurations, CcPairFromTheBounceBufferEmulation) {
  Outcome r = run("silo-hopper.yaml", {"fixture-host.json"});
  const Window& w = r.window("pcie");
  ASSERT_TRUE(w.cc);
  // The 4-thread sweep is preferred over the slower 2-thread one.
  EXPECT_NEAR(w.cc->off.value, 10e-6 + 17.5e9 / 8e9, 1e-9);
  EXPECT_NEAR(w.cc->on.value, 40e-6 + 17.5e9 / 2e9, 1e-9);
  EXPECT_NE(w.per_event.detail.find("emulat"), std::string::npos);
  EXPECT_NE(w.per_event.detail.find("threads=4"), std::string::npos) << w.per_event.detail;
}

TEST(MeasuredDurations, AFileNothingUsesIsReported) {
  // The transfer scenarios have no stage a host probe measures.
  Outcome r = run("transfer-scp.yaml", {"fixture-host.json"});
  EXPECT_TRUE(r.warned("fixture-host.json: no result in it applies to a stage"));
  Outcome used = run("silo-hopper.yaml", {"fixture-host.json"});
  EXPECT_FALSE(used.warned("no result in it applies"));
}

TEST(MeasuredDurations, NoCcPairWithoutMeasurements) {
  Outcome r = run("silo-hopper.yaml", {});
  for (const Window& w : r.analysis.windows) EXPECT_FALSE(w.cc) << w.stage;
}

// A host bounce-buffer sweep (CC off, as aws-frontier runs) whose samples have a known
// spread at each size: cv 0.5 everywhere except the largest size, where it is 0.1.
MeasurementFile spread_file() {
  nlohmann::json results = nlohmann::json::array();
  const double mib = 1 << 20;
  for (double size : {1.0, 4.0, 16.0, 64.0}) {
    const double t = 0.25e-3 * size;  // 4 GB/s-ish
    const double k = size == 64 ? 0.1 : 0.5;
    // Three samples t (1 - k), t, t (1 + k): mean t, sample sd k t, cv k.
    const std::vector<double> samples = {t * (1 - k), t, t * (1 + k)};
    results.push_back(
        {{"probe", "host.bounce_buffer"},
         {"params", {{"bytes", std::uint64_t(size * mib)}, {"mode", "cc_off"}, {"threads", 2}}},
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
  ASSERT_EQ(w->per_event.source, "spread.json: host.bounce_buffer");
  // The payload (GBs) is beyond the sweep: its nearest point is 64 MiB, cv 0.1 (not the
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
      EXPECT_EQ(w.per_event.source, "spread.json: host.bounce_buffer");
      EXPECT_EQ(w.per_event.spread_s, 0);
    }
}

}  // namespace
}  // namespace plainsight
