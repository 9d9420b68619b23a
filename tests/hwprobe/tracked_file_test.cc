#include "hwprobe/harness/tracked_file.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "hwprobe/harness/probe.h"

namespace hwprobe {
namespace {

namespace fs = std::filesystem;

// Keeps what the file tracks, so the tests see it tracked while it exists.
class FakeContext final : public Context {
 public:
  RunOptions run_options;
  Environment env;
  std::set<fs::path> tracked;
  const RunOptions& options() const override { return run_options; }
  const Environment& environment() const override { return env; }
  void record(nlohmann::json, std::vector<double>) override {}
  void track_file(const fs::path& path) override { tracked.insert(path); }
  void untrack_file(const fs::path& path) override { tracked.erase(path); }
  bool cancelled() const override { return false; }
  void progress(std::size_t, std::size_t) override {}
};

fs::path temp_file(const std::string& name) {
  return fs::temp_directory_path() /
         ("plainsight-tracked-" + std::to_string(::getpid()) + "-" + name);
}

TEST(TrackedFile, WritesInPiecesIsTrackedAndRemoved) {
  FakeContext ctx;
  const fs::path path = temp_file("a");
  std::vector<unsigned char> data(TrackedFile::kWritePiece * 2 + 5, 0x5a);
  std::vector<std::uint64_t> offsets;
  {
    TrackedFile f(ctx, path);
    EXPECT_TRUE(ctx.tracked.count(path));
    f.write_all(data.data(), data.size(), [&](std::uint64_t at) { offsets.push_back(at); });
    f.sync();
    EXPECT_EQ(fs::file_size(path), data.size());
    EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
  }
  EXPECT_EQ(offsets, (std::vector<std::uint64_t>{0, TrackedFile::kWritePiece,
                                                 2 * TrackedFile::kWritePiece}));
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(ctx.tracked.count(path));
}

TEST(TrackedFile, NeverReplacesAnExistingFile) {
  FakeContext ctx;
  const fs::path path = temp_file("b");
  std::ofstream(path) << "keep";
  EXPECT_THROW(TrackedFile(ctx, path), ProbeError);
  EXPECT_FALSE(ctx.tracked.count(path));
  std::ifstream in(path);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "keep");
  fs::remove(path);
}

TEST(TrackedFile, AFailingWriteNamesTheFile) {
  FakeContext ctx;
  const fs::path path = temp_file("c");
  TrackedFile f(ctx, path);
  const unsigned char byte = 1;
  try {
    f.write_all(&byte, 1, [](std::uint64_t) { throw ProbeError("injected"); });
    FAIL();
  } catch (const ProbeError& e) {
    EXPECT_STREQ(e.what(), "injected");
  }
}

}  // namespace
}  // namespace hwprobe
