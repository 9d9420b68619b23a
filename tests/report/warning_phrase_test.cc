// The words of each kind of analysis warning, the same in every format and on stderr.
#include "report/warning_phrase.h"

#include <gtest/gtest.h>

#include "report/report_support.h"

namespace plainsight {
namespace {

using K = AnalysisWarning::Kind;

AnalysisWarning of(K kind) {
  AnalysisWarning w;
  w.kind = kind;
  w.stage = "pcie";
  w.probe = "cuda.h2d";
  w.file = "a.json";
  return w;
}

TEST(WarningPhrase, EachKind) {
  AnalysisWarning refused = of(K::not_used);
  refused.entry.kind = Considered::Kind::mismatch;
  refused.entry.probe = "cuda.h2d";
  refused.entry.file = "b.json";
  refused.entry.mismatch.facet = PlatformFacet::cc;
  refused.entry.mismatch.measured = "off";
  refused.entry.mismatch.wanted = "on";
  refused.entry.allowable = true;
  EXPECT_EQ(warning_phrase(refused),
            "stage 'pcie': cuda.h2d in b.json was measured with CC off; the scenario runs CC on: "
            "not used (--allow-mismatch uses it)");
  refused.kept = Provenance::datasheet;
  EXPECT_EQ(warning_phrase(refused),
            "stage 'pcie': cuda.h2d in b.json was measured with CC off; the scenario runs CC on: "
            "not used (--allow-mismatch uses it); the datasheet figure stays");

  AnalysisWarning forced = of(K::forced);
  forced.mismatch = refused.entry.mismatch;
  EXPECT_EQ(warning_phrase(forced),
            "stage 'pcie': cuda.h2d in a.json: measured with CC off, applied to CC on by "
            "--allow-mismatch");
  EXPECT_EQ(warning_phrase(of(K::emulation_used)),
            "stage 'pcie': cuda.h2d in a.json is an emulation on the host CPU, standing in for "
            "the missing device measurement by --allow-emulation (provenance emulated)");

  AnalysisWarning disagree = of(K::disagreement);
  disagree.entry.kind = Considered::Kind::outranked;
  disagree.entry.probe = "cuda.h2d";
  disagree.entry.file = "b.json";
  disagree.entry.sizes = 3;
  disagree.entry.seconds = 3;
  disagree.entry.chosen_seconds = 2;
  disagree.entry.chosen_file = "a.json";
  disagree.entry.outranked_by = Considered::Rank::file_order;
  EXPECT_EQ(warning_phrase(disagree),
            "stage 'pcie': a.json and b.json disagree: cuda.h2d in b.json (3 sizes) gives 3 s, "
            "+50.0% against a.json: not used, the file given first was used");

  EXPECT_EQ(warning_phrase(of(K::file_applies_nowhere)),
            "a.json: no result in it applies to a stage of this scenario (model/probe_map.yaml "
            "says which probe measures which stage)");
  EXPECT_EQ(warning_phrase(of(K::file_unused)),
            "a.json: none of its results was used: each was refused or outranked (the warnings "
            "above say why)");
  AnalysisWarning unpriced = of(K::workload_unpriced);
  unpriced.bytes = 1e9;
  EXPECT_EQ(warning_phrase(unpriced),
            "workload: stage 'pcie' has no bandwidth to price 1 GB with; counted as free");
  AnalysisWarning cc = of(K::workload_cc_unpriced);
  cc.medium = "nvlink";
  EXPECT_EQ(warning_phrase(cc),
            "workload: no measured or published cost of confidential mode on nvlink ('pcie'); "
            "counted as unchanged");
  AnalysisWarning announced = of(K::announced_gpu);
  announced.gpu = Catalog::find(testing::bundled_catalog().gpus, "vera_rubin");
  ASSERT_NE(announced.gpu, nullptr);
  EXPECT_EQ(warning_phrase(announced),
            announced.gpu->name +
                " is announced, not shipping: its protections are the vendor's stated design, "
                "not yet measured");
}

TEST(WarningPhrase, AnalysesCarryTheirWarningsTyped) {
  // vera-rubin-multinode runs an announced GPU: one warning, typed, said in the report.
  const Analysis a = testing::analysis_of("vera-rubin-multinode");
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0].kind, K::announced_gpu);
  EXPECT_EQ(warning_phrases(a.warnings).front(), warning_phrase(a.warnings[0]));
}

}  // namespace
}  // namespace plainsight
