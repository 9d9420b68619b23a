#include "hwprobe/fabric/fabric_tcp_probe.h"

#include <gtest/gtest.h>

#include "recording_context.h"

namespace hwprobe {
namespace {

TEST(FabricTcpProbe, LoopbackRecordsPlainAndTlsPerSize) {
  fabric::FabricTcpProbe probe;
  EXPECT_EQ(probe.key(), "fabric.tcp");
  EXPECT_EQ(probe.suite(), "fabric");
  testing::RecordingContext ctx;
  EXPECT_TRUE(probe.filter(ctx.env).runnable);
  ctx.run_options.sizes = {4096, 1 << 20};
  ctx.run_options.trials = 3;
  ctx.run_options.warmups = 1;
  probe.run(ctx);
  ASSERT_EQ(ctx.rows.size(), 4u);
  int tls = 0;
  for (const auto& row : ctx.rows) {
    EXPECT_EQ(row.samples.size(), 3u);
    for (double s : row.samples) EXPECT_GT(s, 0.0);
    EXPECT_EQ(row.params["path"], "loopback_thread");
    EXPECT_EQ(row.params["fabric"], "loopback");  // applies to no fabric stage
    if (row.params["mode"] == "tls") {
      ++tls;
      EXPECT_EQ(row.params["tls_version"], "TLSv1.3");
      EXPECT_NE(row.params["cipher"].get<std::string>().find("GCM"), std::string::npos);
    }
  }
  EXPECT_EQ(tls, 2);
  EXPECT_EQ(ctx.rows[0].params["bytes"], 4096);
  EXPECT_EQ(ctx.rows[1].params["bytes"], 1 << 20);
}

}  // namespace
}  // namespace hwprobe
