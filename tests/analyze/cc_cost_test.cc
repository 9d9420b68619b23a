// What confidential mode costs, per GPU generation, from cited figures: Hopper's bounce
// buffer (Fastrack), Blackwell's model load (the Serialized Bridge, 34x) and its other
// transfers (Hopper's figure, borrowed and labelled: still a bounce buffer), and the whole-run
// figures each generation's sources publish, shown beside the estimate.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
  // The Silo document's own measurement, beside it: 11 minutes of a 2-hour run.
  ASSERT_EQ(a.workload->published.size(), 1u);
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
  const CostLine& load = line(*a.workload, TransferKind::model_load);
  EXPECT_EQ(load.priced_by->id, "blackwell_pcie_model_load");
  EXPECT_NEAR(load.on.value / load.off.value, 34, 1e-9);
  const CostLine& step = line(*a.workload, TransferKind::per_step);
  EXPECT_EQ(step.priced_by->id, "blackwell_pcie_bounce_buffer");
  EXPECT_TRUE(step.priced_by->borrowed);
  EXPECT_GT(a.workload->extra_s(), 0);
  ASSERT_EQ(a.workload->published.size(), 1u);
  const PublishedRunCost& p = a.workload->published[0];
  EXPECT_EQ(p.cost->id, "tinfoil_training_blackwell");
  EXPECT_NEAR(p.low, 1 / (1 - 0.18) - 1, 1e-12);  // throughput down 18%: time up 22%
  EXPECT_NEAR(p.high, 1 / (1 - 0.32) - 1, 1e-12);
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

TEST(CcCost, EveryGenerationWithCcIsPriced) {
  for (const char* gpu : {"h100", "h200", "b200", "vera_rubin"}) {
    std::vector<std::string> sets{std::string("platform.gpu=") + gpu};
    if (std::string(gpu) != "h100" && std::string(gpu) != "h200")
      sets.push_back("platform.multi_gpu_mode=nvlink_encryption");
    Analysis a = analyze(bundled_catalog(), bundled_scenario("silo-hopper", sets));
    for (const CostLine& l : a.workload->lines)
      EXPECT_NE(l.priced_by, nullptr) << gpu << " " << to_string(l.kind);
    EXPECT_GT(a.workload->extra_s(), 0) << gpu;
  }
}

}  // namespace
}  // namespace plainsight
