#include "hwprobe/harness/runner.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"

namespace hwprobe {
namespace {

class FakeProbe final : public Probe {
 public:
  enum class Kind { ok, skip, fail_after_result, fail_with_file };
  FakeProbe(std::string key, Kind kind, std::filesystem::path dir = {})
      : key_(std::move(key)), kind_(kind), dir_(std::move(dir)) {}
  std::string key() const override { return key_; }
  std::string suite() const override { return "fake"; }
  std::string description() const override { return "fake"; }
  Filter filter(const Environment&) const override {
    return kind_ == Kind::skip ? Filter::no("not here") : Filter::yes();
  }
  void run(Context& ctx) override {
    if (kind_ == Kind::fail_with_file) {
      const auto f = dir_ / "partial.bin";
      ctx.track_file(f);
      std::ofstream(f) << "partial";
      throw ProbeError("write failed");
    }
    ctx.record({{"bytes", 1u}}, {1e-3});
    if (kind_ == Kind::fail_after_result) throw ProbeError("broke");
  }

 private:
  std::string key_;
  Kind kind_;
  std::filesystem::path dir_;
};

TEST(Runner, SkipsFailsAndGoesOn) {
  test::TempDir dir;
  FakeProbe a("a", FakeProbe::Kind::skip), b("b", FakeProbe::Kind::fail_after_result),
      c("c", FakeProbe::Kind::fail_with_file, dir.path()), d("d", FakeProbe::Kind::ok);
  std::vector<std::string> logged;
  const RunOutcome out = run_probes({&a, &b, &c, &d}, RunOptions{}, test::test_environment(), {},
                                    [&](const std::string& s) { logged.push_back(s); });
  ASSERT_EQ(out.skipped.size(), 1u);
  EXPECT_EQ(out.skipped[0]["probe"], "a");
  EXPECT_EQ(out.skipped[0]["reason"], "not here");
  ASSERT_EQ(out.failed.size(), 2u);
  EXPECT_EQ(out.failed[0]["probe"], "b");
  EXPECT_EQ(out.failed[1]["error"], "write failed");
  EXPECT_EQ(out.results.size(), 2u);  // b's result before it failed, and d's
  EXPECT_EQ(logged.size(), 2u);
  EXPECT_FALSE(out.cancelled);
  EXPECT_TRUE(dir.entries().empty());  // c's tracked file removed after its failure
}

}  // namespace
}  // namespace hwprobe
