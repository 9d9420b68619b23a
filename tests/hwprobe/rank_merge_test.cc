#include "hwprobe/harness/rank_merge.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "hwprobe/harness/result_document.h"

namespace hwprobe {
namespace {

nlohmann::json rank_doc(int rank, double duration, bool fail) {
  RunOutcome o;
  o.results.push_back(make_result("nccl.all_reduce", {{"bytes", 1024u}}, {1e-5, 2e-5}));
  o.results.push_back(make_result("host.memcpy", {{"bytes", 4096u}}, {1e-6}));
  o.skipped.push_back({{"probe", "cuda.peer"}, {"reason", "one GPU"}});
  if (fail) o.failed.push_back({{"probe", "host.checkpoint"}, {"error", "disk full"}});
  return make_document({{"hostname", "node" + std::to_string(rank)}, {"rank", rank}}, RunOptions{},
                       o, "2026-11-21T00:00:00Z", duration);
}

TEST(RankMerge, OneDocumentIsUnchanged) {
  const auto d = rank_doc(0, 1.0, false);
  EXPECT_EQ(merge_rank_documents({d}), d);
}

TEST(RankMerge, ManyRanksBecomeOneDocument) {
  const auto m = merge_rank_documents(
      {rank_doc(0, 2.0, false), rank_doc(1, 3.0, true), rank_doc(2, 1.0, false)});
  EXPECT_EQ(check_document(m), "");
  EXPECT_EQ(m["format"], "plainsight-probe/1");
  EXPECT_EQ(m["ranks"], 3);
  ASSERT_EQ(m["machines"].size(), 3u);
  EXPECT_EQ(m["machines"][2]["hostname"], "node2");
  EXPECT_EQ(m["machine"]["hostname"], "node0");
  ASSERT_EQ(m["results"].size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(m["results"][i]["rank"], i / 2);
  EXPECT_EQ(m["skipped"].size(), 3u);
  ASSERT_EQ(m["failed"].size(), 1u);
  EXPECT_EQ(m["failed"][0]["rank"], 1);
  EXPECT_DOUBLE_EQ(m["duration_s"].get<double>(), 3.0);
}

TEST(RankMerge, RejectsEmptyAndForeignDocuments) {
  EXPECT_THROW(merge_rank_documents({}), std::invalid_argument);
  EXPECT_THROW(merge_rank_documents({rank_doc(0, 1, false), nlohmann::json{{"format", "x"}}}),
               std::invalid_argument);
}

}  // namespace
}  // namespace hwprobe
