// What confidential mode costs, per GPU generation, from cited figures: Hopper's bounce
// buffer (Fastrack), Blackwell's transfers (Hopper's figure, borrowed and labelled: still a
// bounce buffer), and the whole-run figures each generation's sources publish, shown beside
// the estimate (the Serialized Bridge's 34x is a whole model load, not its PCIe copy).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "analyze/analysis.h"
#include "analyze/scenario_diff.h"
#include "analyze_support.h"
#include "report/diff_report.h"

namespace plainsight {
namespace {

using testing::bundled_catalog;
using testing::bundled_scenario;
using ::testing::HasSubstr;

const CostLine& line(const WorkloadCost& w, TransferKind kind) {
  for (const CostLine& l : w.lines)
    if (l.kind == kind) return l;
  throw std::runtime_error("no line " + std::string(to_string(kind)));
}

TEST(CcCost, HopperPricesEveryTransferWithFastrack) {
  Analysis a = analyze(bundled_catalog(), bundled_scenario("silo-hopper"));
  ASSERT_TRUE(a.workload);
  for (TransferKind kind :
       {TransferKind::per_step, TransferKind::checkpoint, TransferKind::model_load}) {
    const CostLine& l = line(*a.workload, kind);
    ASSERT_NE(l.priced_by, nullptr) << to_string(kind);
    EXPECT_EQ(l.priced_by->id, "hopper_pcie_bounce_buffer") << to_string(kind);
    EXPECT_NEAR(l.on.value / l.off.value, 12.69, 1e-9) << to_string(kind);
  }
  // The Silo document's own measurement, beside it: 11 minutes of a 2-hour run; and Lee et
  // al.'s data-parallel iteration under GPU TEEs, a slowdown of one named operation.
  ASSERT_EQ(a.workload->published.size(), 2u);
  EXPECT_EQ(a.workload->published[1].cost->id, "lee_ddp_training_gpu_tee");
  EXPECT_NEAR(a.workload->published[1].slowdown, 8.68, 1e-9);
  const PublishedRunCost& p = a.workload->published[0];
  EXPECT_EQ(p.cost->id, "silo_trellis_h100");
  EXPECT_DOUBLE_EQ(p.run_s, 7200);
  EXPECT_DOUBLE_EQ(p.extra_s, 660);
  EXPECT_NEAR(p.low, 660.0 / 7200, 1e-12);
  EXPECT_EQ(p.status, Status::claimed);
  // The estimate says which inputs it assumes.
  using K = WorkloadInput::Kind;
  std::vector<K> inputs;
  for (const WorkloadInput& i : a.workload->inputs) inputs.push_back(i.kind);
  EXPECT_THAT(inputs, ::testing::ElementsAre(K::run, K::step, K::per_step, K::checkpoint_every,
                                             K::model_loads));
}

TEST(CcCost, BlackwellHasItsOwnCostNotZero) {
  Analysis a = analyze(bundled_catalog(), bundled_scenario("silo-blackwell"));
  ASSERT_TRUE(a.workload);
  // Yin and Wang's 34x is a whole model load (RTX Pro 6000 and B300), more than its PCIe
  // copy: the copy is priced by the bounce buffer's figure, the 34x is shown beside.
  const CostLine& load = line(*a.workload, TransferKind::model_load);
  EXPECT_EQ(load.priced_by->id, "blackwell_pcie_bounce_buffer");
  const CostLine& step = line(*a.workload, TransferKind::per_step);
  EXPECT_EQ(step.priced_by->id, "blackwell_pcie_bounce_buffer");
  EXPECT_TRUE(step.priced_by->borrowed);
  EXPECT_GT(a.workload->extra_s(), 0);
  std::vector<std::string> beside;
  for (const PublishedRunCost& p : a.workload->published) beside.push_back(p.cost->id);
  EXPECT_THAT(beside,
              ::testing::ElementsAre("tinfoil_training_blackwell", "yin_wang_serving_blackwell",
                                     "yin_wang_model_load_blackwell", "nvidia_b300_inference",
                                     "lee_ddp_training_gpu_tee"));
  const PublishedRunCost& p = a.workload->published[0];
  EXPECT_NEAR(p.low, 1 / (1 - 0.18) - 1, 1e-12);  // throughput down 18%: time up 22%
  EXPECT_NEAR(p.high, 1 / (1 - 0.32) - 1, 1e-12);
  EXPECT_NEAR(a.workload->published[2].slowdown, 34, 1e-9);
  EXPECT_NEAR(a.workload->published[3].low, 1 / (1 - 0.010) - 1, 1e-12);
  EXPECT_NEAR(a.workload->published[3].high, 1 / (1 - 0.075) - 1, 1e-12);
}

// A Hopper -> Blackwell diff shows the cost of confidential mode on Blackwell: the estimate
// and the published figure, not zero, and the run does not get faster.
TEST(CcCost, HopperToBlackwellDiffShowsThePublishedCost) {
  Analysis hopper = analyze(bundled_catalog(), bundled_scenario("silo-hopper"));
  Analysis blackwell = analyze(bundled_catalog(), bundled_scenario("silo-blackwell"));
  hopper.threat.computed = blackwell.threat.computed = true;
  ScenarioDiff d = diff_analyses(hopper, blackwell);
  EXPECT_GE(blackwell.workload->run_on_s, hopper.workload->run_on_s);
  const std::string all = render_diff_plain(d);
  EXPECT_THAT(all, HasSubstr("Tinfoil"));
  EXPECT_THAT(all, HasSubstr("+22.0% to +47.1%"));
  EXPECT_THAT(all, HasSubstr("Silo post-training"));
}

TEST(CcCost, EveryShippingGenerationWithCcIsPriced) {
  for (const char* gpu : {"h100", "h200", "b200", "b300"}) {
    std::vector<std::string> sets{std::string("platform.gpu=") + gpu};
    if (gpu[0] == 'b') sets.push_back("platform.multi_gpu_mode=nvlink_encryption");
    Analysis a = analyze(bundled_catalog(), bundled_scenario("silo-hopper", sets));
    for (const CostLine& l : a.workload->lines)
      EXPECT_NE(l.priced_by, nullptr) << gpu << " " << to_string(l.kind);
    EXPECT_GT(a.workload->extra_s(), 0) << gpu;
  }
}

// Vera Rubin moves bytes from CPU to GPU over encrypted NVLink-C2C (announced): nothing is
// published on its cost, so the transfer says it is unpriced rather than borrowing Hopper's
// bounce-buffer figure for a path that has none.
TEST(CcCost, RubinIsNotPricedWithABounceBuffer) {
  Analysis a = analyze(bundled_catalog(),
                       bundled_scenario("silo-blackwell", {
                                                              "platform.gpu=vera_rubin",
                                                              "platform.cpu_tee=nvidia_vera",
                                                              "platform.gpus_per_node=4",
                                                              "stages.hbm.shards=4",
                                                              "stages.pcie.shards=4",
                                                          }));
  ASSERT_TRUE(a.workload);
  for (const CostLine& l : a.workload->lines) EXPECT_EQ(l.priced_by, nullptr);
  EXPECT_TRUE(std::any_of(a.warnings.begin(), a.warnings.end(), [](const AnalysisWarning& w) {
    return w.kind == AnalysisWarning::Kind::workload_cc_unpriced;
  }));
}

}  // namespace
}  // namespace plainsight
