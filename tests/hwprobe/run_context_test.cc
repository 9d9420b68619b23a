#include "hwprobe/harness/run_context.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"

namespace hwprobe {
namespace {

TEST(RunContext, RecordsResultsWithTheProbeKey) {
  RunOptions o;
  Environment env;
  std::size_t last_done = 0;
  RunContext ctx("host.memcpy", o, env, [&](std::size_t d, std::size_t) { last_done = d; });
  ctx.record({{"bytes", 8u}}, {1.0, 2.0});
  ctx.progress(3, 4);
  ASSERT_EQ(ctx.results().size(), 1u);
  EXPECT_EQ(ctx.results()[0]["probe"], "host.memcpy");
  EXPECT_EQ(last_done, 3u);
  EXPECT_THROW(ctx.record({{"threads", 1}}, {1.0}), ProbeError);
}

TEST(RunContext, RemovesTrackedFilesWhenDone) {
  test::TempDir dir;
  const auto kept = dir.path() / "kept";
  std::ofstream(kept) << "x";
  {
    RunOptions o;
    Environment env;
    RunContext ctx("p", o, env);
    const auto a = dir.path() / "a", b = dir.path() / "b";
    ctx.track_file(a);
    ctx.track_file(b);
    ctx.track_file(kept);
    ctx.untrack_file(kept);
    std::ofstream(a) << "x";
    std::ofstream(b) << "x";
  }
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"kept"});
}

}  // namespace
}  // namespace hwprobe
