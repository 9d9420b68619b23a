// Issue 21, class 4: every probe that stands for a stage has a physical bound
// (model/probe_map.yaml `bound`). A forged file at 5 PB/s for each probe kind
// (tests/measure/data/bounds/, written by make_fixtures.py) is refused against that bound,
// says which bound and its source, and leaves the catalog figure, so the ceiling stays.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analyze/analysis.h"
#include "analyze/measured_durations.h"
#include "file_case_name.h"
#include "test_support.h"

namespace plainsight {
namespace {

using CK = Considered::Kind;
using BK = ProbeBound::Kind;

struct BoundCase {
  const char* file;      // in tests/measure/data/bounds/
  const char* scenario;  // in tests/measure/data/bounds/, or a bundled one
  const char* stage;
  BK kind;
  const char* bound_id;  // the link or figure the refusal names
  const char* source;    // its source
  MeasuredOptions options;
};

void PrintTo(const BoundCase& c, std::ostream* os) { *os << c.file; }

const MeasuredOptions kPlain{false, false};
const MeasuredOptions kMismatch{true, false};
const MeasuredOptions kEmulation{false, true};
const char* const kMemory = "host_memory_bandwidth_node_max";
const char* const kVera = "nvidia-vera-cpu-page";

const BoundCase kCases[] = {
    {"h2d.json", "pcie.yaml", "pcie", BK::link_transfer, "pcie_gen5_x16", "pcie5-spec", kPlain},
    {"bounce-buffer.json", "silo-hopper.yaml", "pcie", BK::link_transfer, "pcie_gen5_x16",
     "pcie5-spec", kEmulation},
    {"peer.json", "nvlink.yaml", "nvl", BK::link_transfer, "nvlink4", "nvidia-mlperf-h200", kPlain},
    {"sendrecv.json", "nvlink.yaml", "nvl", BK::link_transfer, "nvlink4", "nvidia-mlperf-h200",
     kPlain},
    {"allreduce.json", "efa.yaml", "efa", BK::link_node, "efa_p5", "aws-ec2-instance-types",
     kPlain},
    // fabric.tcp matches no RDMA fabric: forced onto EFA by --allow-mismatch, still bounded.
    {"tcp.json", "efa.yaml", "efa", BK::link_transfer, "efa_p5", "aws-ec2-instance-types",
     kMismatch},
    {"memcpy.json", "memcpy.yaml", "stage", BK::figure, kMemory, kVera, kPlain},
    {"envelope.json", "decrypt.yaml", "dec", BK::figure, kMemory, kVera, kPlain},
    {"aes-gcm.json", "decrypt.yaml", "dec", BK::figure, kMemory, kVera, kPlain},
    {"read-verify.json", "nvme-read.yaml", "nvme", BK::link_transfer, "nitro_nvme_p5",
     "plainsight-assumption", kPlain},
    {"write-fsync.json", "nvme-write.yaml", "nvme", BK::link_transfer, "nitro_nvme_p5",
     "plainsight-assumption", kPlain},
    {"page-cache.json", "checkpoint.yaml", "ckpt", BK::figure, kMemory, kVera, kPlain},
    {"gpu-page-cache.json", "checkpoint.yaml", "ckpt", BK::figure, kMemory, kVera, kPlain},
    {"hbm-scrub.json", "hbm.yaml", "hbm", BK::link_transfer, "hbm3_h100", "h100-spec-secondary",
     kPlain},
};

std::string scenario_path(const std::string& name) {
  const std::string own = test::data("bounds/" + name);
  return std::filesystem::exists(own) ? own : test::repo("scenarios/" + name);
}

Analysis run(const BoundCase& c, bool with_file) {
  const Catalog& cat = test::bundled_catalog();
  Scenario s = load_scenario(scenario_path(c.scenario), cat);
  if (!with_file) return analyze(cat, std::move(s), {}, nullptr);
  MeasuredDurations m(cat, {load_measurement_file(test::data(std::string("bounds/") + c.file))},
                      c.options);
  return analyze(cat, std::move(s), {}, &m);
}

const Window& window_of(const Analysis& a, const std::string& stage) {
  for (const Window& w : a.windows)
    if (w.stage == stage) return w;
  throw std::runtime_error("no window " + stage);
}

class ForgedBeyondItsBound : public ::testing::TestWithParam<BoundCase> {};

TEST_P(ForgedBeyondItsBound, IsRefusedNamingTheBoundAndTheCatalogFigureStays) {
  const BoundCase& c = GetParam();
  const Analysis base = run(c, false);
  const Analysis forged = run(c, true);
  const Window& before = window_of(base, c.stage);
  const Window& after = window_of(forged, c.stage);
  EXPECT_EQ(after.per_event.provenance, before.per_event.provenance);
  EXPECT_DOUBLE_EQ(after.per_event.value, before.per_event.value);
  const AnalysisWarning* refusal = nullptr;
  for (const AnalysisWarning& w : forged.warnings)
    if (w.kind == AnalysisWarning::Kind::not_used && w.stage == c.stage &&
        w.entry.kind == CK::beyond_bound)
      refusal = &w;
  ASSERT_TRUE(refusal) << c.file;
  const Considered& e = refusal->entry;
  EXPECT_EQ(e.file, c.file);
  EXPECT_EQ(e.bound_kind, c.kind);
  EXPECT_EQ(e.bound_id, c.bound_id);
  EXPECT_EQ(e.bound_source, c.source);
  EXPECT_EQ(e.bound_factor, 1.1);
  EXPECT_TRUE(e.bound_medium.empty());  // every stage here names its link
  EXPECT_GT(e.fastest_Bps, 1e15);
  EXPECT_GT(e.bound_Bps, 1e9);
  EXPECT_LT(e.bound_Bps, 1e14);
}

INSTANTIATE_TEST_SUITE_P(EveryProbeKind, ForgedBeyondItsBound, ::testing::ValuesIn(kCases),
                         test::file_case_name<BoundCase>);

// A stage that names no link is bounded by the fastest catalog link of its medium: a stage
// on NVLink without a link still refuses a 5 PB/s peer copy, naming NVLink 6.
TEST(ForgedBeyondItsBound, AStageWithoutALinkIsBoundedByTheFastestOfItsMedium) {
  const Catalog& cat = test::bundled_catalog();
  Scenario s = load_scenario(scenario_path("nvlink-no-link.yaml"), cat);
  MeasuredDurations m(cat, {load_measurement_file(test::data("bounds/peer.json"))}, kPlain);
  const Analysis a = analyze(cat, std::move(s), {}, &m);
  const AnalysisWarning* refusal = nullptr;
  for (const AnalysisWarning& w : a.warnings)
    if (w.entry.kind == CK::beyond_bound) refusal = &w;
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->entry.bound_medium, "nvlink");
  EXPECT_EQ(refusal->entry.bound_id, "nvlink6");
  EXPECT_EQ(window_of(a, "nvl").per_event.value, 60);
}

// An all-reduce measured on one node crossed NVLink, not the fabric: a plausible rate (270
// GB/s, within the EFA node's 440) that must not stand for the inter-node stage, and
// --allow-mismatch does not force it there either.
TEST(ForgedBeyondItsBound, AOneNodeAllReduceNeverStandsForTheFabric) {
  const Catalog& cat = test::bundled_catalog();
  for (const MeasuredOptions& options : {kPlain, kMismatch}) {
    Scenario s = load_scenario(scenario_path("efa.yaml"), cat);
    MeasuredDurations m(cat, {load_measurement_file(test::data("bounds/allreduce-one-node.json"))},
                        options);
    const Analysis a = analyze(cat, std::move(s), {}, &m);
    EXPECT_EQ(window_of(a, "efa").per_event.provenance, Provenance::datasheet);
    const AnalysisWarning* refusal = nullptr;
    for (const AnalysisWarning& w : a.warnings)
      if (w.entry.kind == CK::mismatch && w.entry.mismatch.facet == PlatformFacet::fabric)
        refusal = &w;
    ASSERT_TRUE(refusal);
    EXPECT_TRUE(refusal->entry.mismatch.same_node);
    EXPECT_EQ(refusal->entry.mismatch.measured, "intra_node");
    EXPECT_FALSE(refusal->entry.allowable);  // no "--allow-mismatch uses it"
  }
}

}  // namespace
}  // namespace plainsight
