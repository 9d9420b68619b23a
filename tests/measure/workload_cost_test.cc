#include "analyze/workload_cost.h"

#include <gtest/gtest.h>

#include "analyze/analysis.h"
#include "analyze/measured_durations.h"
#include "core/input_error.h"
#include "load/yaml_file.h"
#include "report/cost_section.h"
#include "report/figure_phrase.h"
#include "test_support.h"

namespace plainsight {
namespace {

Analysis analyze_workload(const std::vector<std::string>& fixtures) {
  const Catalog& c = test::bundled_catalog();
  Scenario s = load_scenario(test::data("workload.yaml"), c);
  if (fixtures.empty()) return analyze(c, std::move(s), {}, nullptr);
  std::vector<MeasurementFile> files;
  for (const std::string& f : fixtures) files.push_back(load_measurement_file(test::data(f)));
  MeasuredDurations m(c, std::move(files));
  return analyze(c, std::move(s), {}, &m);
}

TEST(WorkloadCost, PublishedRatioHandComputed) {
  // PCIe Gen5 x16 at 63 GB/s (datasheet); H100 CC costs 12.69x (Wang et al., published).
  //   per step:   63 MB -> 1 ms off, 12.69 ms on; 7200 steps      -> 7200 x 11.69 ms = 84.168 s
  //   checkpoint: 63 GB -> 1 s off, 12.69 s on; 2 in 2 h          -> 2 x 11.69 s     = 23.38 s
  //   model load: 6.3 GB -> 0.1 s off, 1.269 s on; once           ->                   1.169 s
  const Analysis a = analyze_workload({});
  ASSERT_TRUE(a.workload);
  const WorkloadCost& w = *a.workload;
  ASSERT_EQ(w.lines.size(), 3u);
  EXPECT_EQ(w.lines[0].kind, TransferKind::per_step);
  EXPECT_DOUBLE_EQ(w.lines[0].count, 7200);
  EXPECT_NEAR(w.lines[0].off.value, 1e-3, 1e-15);
  EXPECT_EQ(w.lines[0].off.provenance, Provenance::datasheet);
  EXPECT_NEAR(w.lines[0].on.value, 12.69e-3, 1e-15);
  EXPECT_EQ(w.lines[0].on.provenance, Provenance::published);
  EXPECT_EQ(w.lines[0].on.source, "wang2024-fastrack");
  EXPECT_DOUBLE_EQ(w.lines[1].count, 2);
  EXPECT_NEAR(w.lines[1].extra_s(), 23.38, 1e-9);
  EXPECT_NEAR(w.lines[2].extra_s(), 1.169, 1e-9);
  EXPECT_NEAR(w.extra_s(), 84.168 + 23.38 + 1.169, 1e-9);
  EXPECT_NEAR(w.run_on_s, 7200 + 108.717, 1e-9);
  EXPECT_NEAR(w.overhead(), 108.717 / 7200, 1e-12);
  EXPECT_EQ(workload_claim(w),
            "a 2 h run takes an extra 1.812 min (1.5%) with confidential mode on");
}

TEST(WorkloadCost, MeasuredPairHandComputed) {
  // Fixture fits: CC off 8 us + b / 50 GB/s, CC on 30 us + b / 4 GB/s (exact).
  const Analysis a = analyze_workload({"fixture-h100-cc-off.json", "fixture-h100-cc-on.json"});
  ASSERT_TRUE(a.workload);
  const WorkloadCost& w = *a.workload;
  EXPECT_EQ(w.lines[0].off.provenance, Provenance::measured);  // 63 MB is inside the sweep
  EXPECT_EQ(w.lines[1].on.provenance, Provenance::fitted);     // 63 GB is beyond it
  const double step = (30e-6 + 63e6 / 4e9) - (8e-6 + 63e6 / 50e9);
  const double ckpt = (30e-6 + 63e9 / 4e9) - (8e-6 + 63e9 / 50e9);
  const double load = (30e-6 + 6.3e9 / 4e9) - (8e-6 + 6.3e9 / 50e9);
  EXPECT_NEAR(w.extra_s(), 7200 * step + 2 * ckpt + load, 1e-9);
  EXPECT_NEAR(w.extra_s(), 134.915466, 1e-6);
}

TEST(WorkloadCost, MeasuredCcOffTimesThePublishedRatioWithoutACcOnResult) {
  const Analysis a = analyze_workload({"fixture-h100-cc-off.json"});
  ASSERT_TRUE(a.workload);
  const CostLine& step = a.workload->lines[0];
  EXPECT_EQ(step.off.provenance, Provenance::measured);
  EXPECT_NEAR(step.off.value, 8e-6 + 63e6 / 50e9, 1e-12);
  EXPECT_EQ(step.on.provenance, Provenance::published);
  EXPECT_NEAR(step.on.value, 12.69 * (8e-6 + 63e6 / 50e9), 1e-12);
}

TEST(WorkloadCost, MediaConfidentialModeDoesNotChangeCostNothing) {
  const Catalog& c = test::bundled_catalog();
  // NVLink in protected-PCIe mode is plaintext either way: no extra time.
  Scenario s =
      load_scenario(test::data("workload.yaml"), c,
                    {"platform.multi_gpu_mode=protected_pcie", "workload.per_step.nvlink=1GB"});
  std::vector<AnalysisWarning> warnings;
  auto w = workload_cost(c, s, nullptr, &warnings);
  ASSERT_TRUE(w);
  ASSERT_EQ(w->lines[1].stage, "nvlink");
  EXPECT_EQ(w->lines[1].extra_s(), 0);
  EXPECT_EQ(w->lines[1].on.how.kind, Derivation::Kind::cc_unchanged);
  EXPECT_EQ(w->lines[1].on.how.medium, "nvlink");
  EXPECT_NE(figure_how(c, w->lines[1].on).find("does not change nvlink"), std::string::npos);
}

// A workload on a group's stage is priced on the group's platform: its GPU generation's CC
// cost and its published run costs, not the scenario's.
TEST(WorkloadCost, AGroupsStageIsPricedOnTheGroupsPlatform) {
  const Catalog& c = test::bundled_catalog();
  YamlFile f = YamlFile::parse(R"(name: grouped workload
horizon: 1d
asset: {name: small, parameters: 3.15e9, bytes_per_parameter: 2}
platform: {gpu: h100, gpus_per_node: 1, cpu_tee: sev_snp, confidential_mode: on}
groups:
  - id: bw
    count: 4
    platform: {gpu: b200, cpu_tee: tdx}
    stages:
      - {id: pcie, link: pcie_gen5_x16, payload: weights, duration: from_link}
workload:
  run: 2h
  step_time: 1s
  model_loads: {count: 1, stage: bw.pcie}
)",
                               "grouped-workload.yaml");
  const Analysis a = analyze(c, read_scenario(f, c), {}, nullptr);
  ASSERT_TRUE(a.workload);
  ASSERT_EQ(a.workload->lines.size(), 1u);
  const CostLine& load = a.workload->lines[0];
  EXPECT_EQ(load.kind, TransferKind::model_load);
  // Blackwell's cost entry (Hopper's figure, borrowed and labelled), not Hopper's own.
  ASSERT_NE(load.priced_by, nullptr);
  EXPECT_EQ(load.priced_by->id, "blackwell_pcie_bounce_buffer");
  EXPECT_TRUE(load.priced_by->borrowed);
  for (const PublishedRunCost& p : a.workload->published)
    EXPECT_NE(p.cost->id, "silo_trellis_h100");
}

TEST(WorkloadCost, NoWorkloadNoCost) {
  const Catalog& c = test::bundled_catalog();
  Scenario s = load_scenario(test::repo("scenarios/aws-frontier.yaml"), c);
  std::vector<AnalysisWarning> warnings;
  EXPECT_FALSE(workload_cost(c, s, nullptr, &warnings));
}

TEST(WorkloadLoader, RefusesAnUnknownStage) {
  const Catalog& c = test::bundled_catalog();
  try {
    load_scenario(test::data("workload.yaml"), c, {"workload.per_step.nvlnk=1GB"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown stage 'nvlnk'"), std::string::npos) << e.what();
  }
}

TEST(WorkloadLoader, RefusesARunLongerThanTheHorizon) {
  const Catalog& c = test::bundled_catalog();
  EXPECT_THROW(load_scenario(test::data("workload.yaml"), c, {"workload.run=2d"}), InputError);
}

}  // namespace
}  // namespace plainsight
