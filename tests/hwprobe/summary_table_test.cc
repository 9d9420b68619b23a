#include "hwprobe/harness/summary_table.h"

#include <gtest/gtest.h>

#include "hwprobe/harness/result_document.h"

namespace hwprobe {
namespace {

TEST(SummaryTable, ShowsBandwidthAndIssues) {
  RunOutcome o;
  o.results.push_back(
      make_result("host.memcpy", {{"bytes", 1000000000u}, {"threads", 2}, {"batch", 1}}, {0.5}));
  o.skipped.push_back({{"probe", "cuda.h2d"}, {"reason", "no GPU"}});
  o.failed.push_back({{"probe", "host.checkpoint"}, {"error", "disk full"}});
  const auto doc = make_document(nlohmann::json::object(), RunOptions{}, o, "t", 1);
  const std::string s = format_summary(doc);
  EXPECT_NE(s.find("host.memcpy"), std::string::npos);
  EXPECT_NE(s.find("threads=2"), std::string::npos);
  EXPECT_EQ(s.find("batch="), std::string::npos);
  EXPECT_NE(s.find("2.000"), std::string::npos);  // 1e9 B in 0.5 s = 2 GB/s
  EXPECT_NE(s.find("500 ms"), std::string::npos);
  EXPECT_NE(s.find("skipped cuda.h2d: no GPU"), std::string::npos);
  EXPECT_NE(s.find("FAILED  host.checkpoint: disk full"), std::string::npos);
}

TEST(SummaryTable, FormatsSeconds) {
  EXPECT_EQ(format_seconds(5e-8), "50 ns");
  EXPECT_EQ(format_seconds(1.5e-5), "15 us");
  EXPECT_EQ(format_seconds(2.5), "2.5 s");
}

}  // namespace
}  // namespace hwprobe
