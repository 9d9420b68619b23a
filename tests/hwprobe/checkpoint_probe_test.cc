#include "hwprobe/host/checkpoint_probe.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>

#include "hwprobe/host/safetensors.h"
#include "test_support.h"

namespace hwprobe {
namespace {

std::vector<unsigned char> read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(CheckpointProbe, WritesSafetensorsTimesEveryPhaseAndCleansUp) {
  test::TempDir dir;
  int plain_files = 0, sealed_files = 0;
  CheckpointHooks hooks;
  hooks.after_fsync = [&](const std::filesystem::path& f, bool encrypted) {
    const auto bytes = read_file(f);
    if (encrypted) {
      ++sealed_files;
      EXPECT_THROW(parse_safetensors(bytes.data(), bytes.size()), SafetensorsError);
      return;
    }
    ++plain_files;
    const ParsedSafetensors p = parse_safetensors(bytes.data(), bytes.size());
    EXPECT_EQ(p.tensors.size(), 2u);  // 8 MiB in 4 MiB tensors
    EXPECT_EQ(p.tensors[0].dtype, "F32");
    EXPECT_EQ(p.metadata["format"], "pt");
  };
  CheckpointProbe probe(hooks);
  const RunOutcome out = test::run_one(probe, test::tiny_options({8u << 20}, dir.path()));
  ASSERT_TRUE(out.failed.empty()) << out.failed.dump();
  EXPECT_EQ(plain_files, 3);  // one warm-up, two trials
  EXPECT_EQ(sealed_files, 3);
  std::set<std::string> seen;
  for (const auto& r : out.results) {
    seen.insert(r["params"]["mode"].get<std::string>() + "/" +
                r["params"]["phase"].get<std::string>());
    EXPECT_EQ(r["samples_s"].size(), 2u);
  }
  for (const char* k : {"plain/serialize", "plain/page_cache_write", "plain/fsync",
                        "plain/write_fsync", "plain/read_verify", "encrypted/encrypt",
                        "encrypted/page_cache_write", "encrypted/fsync", "encrypted/read_verify"}) {
    EXPECT_TRUE(seen.count(k)) << k;
  }
  EXPECT_TRUE(dir.entries().empty());
}

TEST(CheckpointProbe, InjectedWriteFailureLeavesNoFile) {
  test::TempDir dir;
  CheckpointHooks hooks;
  hooks.before_write = [](const std::filesystem::path& f, std::uint64_t offset) {
    ASSERT_TRUE(std::filesystem::exists(f));
    if (offset > 0) throw ProbeError("injected: no space left on device");
  };
  CheckpointProbe probe(hooks);
  const RunOutcome out = test::run_one(probe, test::tiny_options({16u << 20}, dir.path()));
  ASSERT_EQ(out.failed.size(), 1u);
  EXPECT_NE(out.failed[0]["error"].get<std::string>().find("injected"), std::string::npos);
  EXPECT_TRUE(dir.entries().empty());
}

TEST(CheckpointProbe, RespectsMaxBytesAndMissingDir) {
  test::TempDir dir;
  CheckpointProbe probe;
  auto o = test::tiny_options({8u << 20}, dir.path());
  o.max_bytes = 1u << 20;
  EXPECT_EQ(test::run_one(probe, o).failed.size(), 1u);
  EXPECT_EQ(
      test::run_one(probe, test::tiny_options({1u << 20}, dir.path() / "missing")).failed.size(),
      1u);
  EXPECT_TRUE(dir.entries().empty());
}

}  // namespace
}  // namespace hwprobe
