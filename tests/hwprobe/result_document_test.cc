#include "hwprobe/harness/result_document.h"

#include <gtest/gtest.h>

namespace hwprobe {
namespace {

nlohmann::json sample_document() {
  RunOutcome o;
  o.results.push_back(
      make_result("host.memcpy", {{"bytes", 4096u}, {"threads", 1}}, {1e-6, 2e-6, 3e-6}));
  o.skipped.push_back({{"probe", "cuda.h2d"}, {"reason", "no CUDA device"}});
  o.failed.push_back({{"probe", "host.checkpoint"}, {"error", "disk full"}});
  RunOptions opts;
  opts.sizes = {4096};
  return make_document({{"hostname", "h"}}, opts, o, "2026-11-21T00:00:00Z", 1.5);
}

TEST(ResultDocument, ResultCarriesStatistics) {
  const auto r =
      make_result("host.aes_gcm", {{"bytes", 16u}, {"mode", "encrypt"}}, {3.0, 1.0, 2.0});
  EXPECT_EQ(r["probe"], "host.aes_gcm");
  EXPECT_EQ(r["params"]["mode"], "encrypt");
  EXPECT_EQ(r["samples_s"].size(), 3u);
  EXPECT_DOUBLE_EQ(r["median_s"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(r["min_s"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(r["max_s"].get<double>(), 3.0);
  EXPECT_DOUBLE_EQ(r["cv"].get<double>(), 0.5);
}

TEST(ResultDocument, ResultNeedsUnsignedBytesAndSamples) {
  EXPECT_THROW(make_result("p", {{"threads", 1}}, {1.0}), ProbeError);
  EXPECT_THROW(make_result("p", {{"bytes", -1}}, {1.0}), ProbeError);
  EXPECT_THROW(make_result("p", {{"bytes", 1u}}, {}), ProbeError);
}

TEST(ResultDocument, RoundTripsThroughText) {
  const auto doc = sample_document();
  EXPECT_EQ(check_document(doc), "");
  const auto back = nlohmann::json::parse(doc.dump(2));
  EXPECT_EQ(back, doc);
  EXPECT_EQ(check_document(back), "");
  EXPECT_EQ(back["format"], "plainsight-probe/1");
  EXPECT_EQ(back["options"]["sizes"][0], 4096u);
}

TEST(ResultDocument, CheckFindsDefects) {
  auto doc = sample_document();
  doc["format"] = "plainsight-probe/2";
  EXPECT_NE(check_document(doc), "");
  doc = sample_document();
  doc["results"][0]["params"].erase("bytes");
  EXPECT_NE(check_document(doc), "");
  doc = sample_document();
  doc["results"][0]["samples_s"] = nlohmann::json::array();
  EXPECT_NE(check_document(doc), "");
  doc = sample_document();
  doc["skipped"][0].erase("reason");
  EXPECT_NE(check_document(doc), "");
  doc = sample_document();
  doc["ranks"] = 2;  // multi-rank needs machines and ranks on results
  EXPECT_NE(check_document(doc), "");
  // A run of skipped probes only is a document (the reader takes it); one that records
  // nothing is not.
  doc = sample_document();
  doc["results"] = nlohmann::json::array();
  EXPECT_EQ(check_document(doc), "");
  doc["skipped"] = nlohmann::json::array();
  doc["failed"] = nlohmann::json::array();
  EXPECT_NE(check_document(doc), "");
}

// Issue 21, class 11: what the machine reports is written as the analyzer reads it.
TEST(ResultDocument, MakeVisibleWritesInvisibleCharactersVisibly) {
  nlohmann::json doc = {
      {"machine", {{"hostname", "host\x1b[2J"}, {"kernel", {{"version", "#1 SMP\xE2\x80\xAE"}}}}},
      {"results", nlohmann::json::array({{{"params", {{"k\x07", 1}}}}})},
      {"skipped", nlohmann::json::array({{{"probe", "cuda.h2d"}, {"reason", "no\nGPU\x1b"}}})}};
  make_visible(doc);
  EXPECT_EQ(doc["machine"]["hostname"], "host<U+001B>[2J");
  EXPECT_EQ(doc["machine"]["kernel"]["version"], "#1 SMP<U+202E>");
  EXPECT_TRUE(doc["results"][0]["params"].contains("k<U+0007>"));
  EXPECT_EQ(doc["skipped"][0]["reason"], "no\nGPU<U+001B>");  // free text keeps its lines
}

TEST(ResultDocument, TimestampIsIso8601Utc) {
  const std::string t = utc_now_iso8601();
  ASSERT_EQ(t.size(), 20u);
  EXPECT_EQ(t[10], 'T');
  EXPECT_EQ(t.back(), 'Z');
}

}  // namespace
}  // namespace hwprobe
