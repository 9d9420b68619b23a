#include "analyze/parallel.h"

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analyze/windows.h"
#include "analyze_support.h"
#include "load/scenario_loader.h"
#include "load/yaml_file.h"
#include "write/cluster_generator.h"

namespace plainsight {
namespace {

TEST(ParallelFor, RunsEveryPieceOnce) {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    std::vector<std::atomic<int>> runs(1000);
    parallel_for(
        runs.size(), [&](std::size_t i) { ++runs[i]; }, threads);
    for (const auto& r : runs) EXPECT_EQ(r.load(), 1) << threads << " threads";
  }
}

TEST(ParallelFor, RethrowsTheLowestPiecesError) {
  // Pieces 7 and 3 fail; whichever thread gets there first, the error is piece 3's.
  for (unsigned threads : {1u, 2u, 4u}) {
    try {
      parallel_for(
          10,
          [](std::size_t i) {
            if (i == 7 || i == 3) throw std::runtime_error("piece " + std::to_string(i));
          },
          threads);
      FAIL() << "no error";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "piece 3") << threads << " threads";
    }
  }
}

TEST(ParallelFor, ThreadCountNeverExceedsThePieces) {
  EXPECT_EQ(thread_count(8, 3), 3u);
  EXPECT_EQ(thread_count(2, 0), 1u);
  EXPECT_GE(thread_count(0, 100), 1u);
}

// Issue 21, audit 8c: under a limit on the address space, no more threads than it leaves room
// for (each reserves its stack); threads that all started ran out of memory together.
TEST(ParallelFor, AMemoryLimitBoundsTheThreads) {
  const std::uint64_t stack = 8ull << 20;  // + 4 MiB to work in: 12 MiB a thread
  EXPECT_EQ(threads_within(0, stack), 1u);
  EXPECT_EQ(threads_within(24ull << 20, stack), 1u);
  EXPECT_EQ(threads_within(240ull << 20, stack), 10u);  // half of it for the threads
  EXPECT_EQ(threads_within(~0ull, stack), ~0u);         // no limit to speak of
}

// A cluster large enough to be split: the windows are the same on one thread and on several.
TEST(ParallelFor, ClusterWindowsDoNotDependOnThreads) {
  ClusterSpec spec;
  spec.classes[0].nodes = 250;  // 5,001 stages, above kParallelMinStages
  YamlFile f = YamlFile::parse(expanded_cluster_scenario_yaml(spec), "cluster.yaml");
  const Scenario s = read_scenario(f, testing::bundled_catalog());
  ASSERT_GE(s.stages.size(), kParallelMinStages);
  AnalyzeOptions one, three;
  one.threads = 1;
  three.threads = 3;
  const std::vector<Window> a = compute_windows(testing::bundled_catalog(), s, one);
  const std::vector<Window> b = compute_windows(testing::bundled_catalog(), s, three);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE(a[i].stage);
    EXPECT_EQ(a[i].stage, b[i].stage);
    EXPECT_EQ(a[i].state, b[i].state);
    EXPECT_EQ(a[i].decided, b[i].decided);
    EXPECT_EQ(a[i].protection_id, b[i].protection_id);
    EXPECT_EQ(a[i].scheme, b[i].scheme);
    EXPECT_EQ(a[i].per_event.value, b[i].per_event.value);
    EXPECT_EQ(a[i].per_event.source, b[i].per_event.source);
    EXPECT_EQ(a[i].per_event.how.kind, b[i].per_event.how.kind);
    EXPECT_EQ(a[i].plaintext_coverage_s, b[i].plaintext_coverage_s);
    EXPECT_EQ(a[i].decrypts_nothing, b[i].decrypts_nothing);
    ASSERT_EQ(a[i].cells.size(), b[i].cells.size());
    for (std::size_t k = 0; k < a[i].cells.size(); ++k)
      EXPECT_EQ(a[i].cells[k].basis, b[i].cells[k].basis);
  }
}

}  // namespace
}  // namespace plainsight
