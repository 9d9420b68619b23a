// Every host probe honours --max-bytes, stops before setting up a point once a stop was
// requested, and leaves no file behind.
#include "hwprobe/host/host_probes.h"

#include <gtest/gtest.h>

#include <set>

#include "hwprobe/host/staging_buffer.h"
#include "test_support.h"

namespace hwprobe {
namespace {

TEST(HostProbes, AllRespectMaxBytes) {
  std::vector<std::unique_ptr<Probe>> list;
  add_host_probes(list);
  ASSERT_EQ(list.size(), 5u);
  test::TempDir dir;
  auto o = test::tiny_options({}, dir.path());
  o.sizes = {};
  o.quick = true;
  o.max_bytes = 8;  // below every probe's smallest default size
  for (auto& p : list) {
    const auto out = test::run_one(*p, o);
    EXPECT_EQ(out.failed.size(), 1u) << p->key();
    EXPECT_TRUE(out.results.empty()) << p->key();
  }
  EXPECT_TRUE(dir.entries().empty());
}

// A context whose stop request comes after `checks_before_stop` checks (SIGTERM arriving).
class StoppingContext final : public Context {
 public:
  RunOptions run_options;
  Environment env = test::test_environment();
  mutable int checks_before_stop = 0;
  int recorded = 0;
  const RunOptions& options() const override { return run_options; }
  const Environment& environment() const override { return env; }
  void record(nlohmann::json, std::vector<double>) override { ++recorded; }
  void track_file(const std::filesystem::path&) override {}
  void untrack_file(const std::filesystem::path&) override {}
  bool cancelled() const override { return checks_before_stop-- <= 0; }
  void progress(std::size_t, std::size_t) override {}
};

// Issue 21, audit 8f: a stop requested before a point is set up means no buffer is made for
// it (SIGTERM used to wait while 600 threads' buffers were filled, and memory grew by gigabytes
// after the signal).
TEST(HostProbes, AStopBeforeAPointMakesNoBuffer) {
  std::vector<std::unique_ptr<Probe>> list;
  add_host_probes(list);
  test::TempDir dir;
  for (auto& p : list) {
    StoppingContext ctx;
    ctx.run_options = test::tiny_options({1u << 20}, dir.path());
    const std::uint64_t before = StagingBuffer::bytes_made();
    EXPECT_THROW(p->run(ctx), ProbeError) << p->key();
    EXPECT_EQ(StagingBuffer::bytes_made(), before) << p->key() << " set up a point after the stop";
    EXPECT_EQ(ctx.recorded, 0) << p->key();
  }
  EXPECT_TRUE(dir.entries().empty());
}

// Within a point's set-up too: host.aes_gcm makes each thread's buffers in turn and stops
// between them, not after all 64 threads' (3 x 64 x 1 MiB).
TEST(HostProbes, AStopDuringSetUpStopsMakingBuffers) {
  std::vector<std::unique_ptr<Probe>> list;
  add_host_probes(list);
  for (auto& p : list) {
    if (p->key() != "host.aes_gcm") continue;
    StoppingContext ctx;
    ctx.run_options = test::tiny_options({1u << 20});
    ctx.run_options.threads = 64;
    ctx.checks_before_stop = 3;  // the team, then two threads' buffers
    const std::uint64_t before = StagingBuffer::bytes_made();
    EXPECT_THROW(p->run(ctx), ProbeError);
    EXPECT_EQ(StagingBuffer::bytes_made() - before, 2u * 3u * (1u << 20));
  }
}

}  // namespace
}  // namespace hwprobe
