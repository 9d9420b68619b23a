#include "load/measurement_file.h"

#include <unistd.h>
#include <cctype>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "file_case_name.h"

#include "core/input_error.h"
#include "core/limits.h"
#include "test_support.h"

namespace plainsight {
namespace {

TEST(MeasurementFile, ReadsAFixture) {
  const MeasurementFile f = load_measurement_file(test::data("fixture-h100-cc-on.json"));
  EXPECT_EQ(f.name, "fixture-h100-cc-on.json");
  ASSERT_EQ(f.results.size(), 4u);
  EXPECT_EQ(f.results[0].probe, "cuda.h2d");
  EXPECT_EQ(f.results[0].bytes, 1 << 20);
  EXPECT_EQ(f.results[0].param("cc"), "on");
  EXPECT_EQ(f.results[0].param("device"), "0");
  EXPECT_EQ(f.results[0].param("absent"), "");
  EXPECT_EQ(f.machine.cc, "on");
  ASSERT_EQ(f.machine.gpus.size(), 1u);
  EXPECT_NE(f.machine.gpus.front().find("H100"), std::string::npos);
  EXPECT_NE(f.machine.hostname.find("not a measurement"), std::string::npos);
}

struct BadCase {
  const char* file;
  const char* location;  // the JSON location (or line) the message must name
  const char* why;
};

// Named in CTest by its file, not by gtest's byte dump of the struct.
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.file; }

class BadMeasurementFile : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadMeasurementFile, IsRefusedNamingFileAndLocation) {
  const BadCase& c = GetParam();
  const std::string path = test::data(std::string("bad/") + c.file);
  try {
    load_measurement_file(path);
    FAIL() << c.file << " was accepted";
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_EQ(e.where().file, path);
    EXPECT_NE(what.find(path), std::string::npos) << what;
    EXPECT_NE(what.find(c.location), std::string::npos) << what;
    EXPECT_NE(what.find(c.why), std::string::npos) << what;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, BadMeasurementFile,
    ::testing::Values(
        BadCase{"truncated.json", ":", "truncated"},
        BadCase{"wrong-version.json", "format", "plainsight-probe/2"},
        BadCase{"missing-samples.json", "results[3]", "\"samples_s\""},
        BadCase{"missing-machine.json", "error: ", "\"machine\""},
        BadCase{"negative.json", "results[3].samples_s[2]", "negative time"},
        BadCase{"null-sample.json", "results[3].samples_s[1]", "not a number"},
        BadCase{"nan.json", ":29:", "NaN"}, BadCase{"empty-sweep.json", "results", "empty"},
        BadCase{"empty-samples.json", "results[3].samples_s", "empty"},
        // The schema (docs/probe-format.schema.json), enforced:
        BadCase{"duplicate-key.json", "results[0].params", "duplicate key \"bytes\""},
        BadCase{"deep-params.json", ":20:70", "nesting deeper than 64 levels"},
        BadCase{"negative-duration.json", "duration_s", "negative time"},
        BadCase{"negative-threads.json", "results[0].params.threads",
                "expected a whole number from 1 to 4294967295, got -4"},
        BadCase{"batch-zero.json", "results[0].params.batch", "got 0"},
        BadCase{"bytes-2-64.json", "results[0].params.bytes",
                "18446744073709551615 bytes is beyond any plausible size"},
        BadCase{"rank-in-single-rank.json", "results[0].rank",
                "a single-rank file (no \"ranks\") has no ranks to name"},
        BadCase{"machines-without-ranks.json", "machines", "needs \"ranks\""},
        BadCase{"ansi-hostname.json", "machine.hostname",
                "\"<U+001B>[2Jhost\": a control or invisible character"},
        BadCase{"ansi-probe-key.json", "results[0].probe", "<U+001B>[31mx"},
        BadCase{"bad-probe-key.json", "results[0].probe", "\"Host memcpy\" is not a probe key"},
        // Values no clock gives, which made "-nan ns" and "inf TB/s" in reports:
        BadCase{"tiny-time.json", "results[0]", "a bandwidth beyond any plausible one"},
        BadCase{"zero-sample.json", "results[0].samples_s[0]",
                "0 s for 16.78 MB: a transfer cannot take no time"},
        BadCase{"huge-time.json", "results[0].samples_s[0]",
                "1e+300 s is beyond any plausible duration"},
        BadCase{"cc-contradiction.json", "results[1].params.cc",
                "\"on\" contradicts machine.gpu.confidential_computing.cc \"off\""},
        // Issue 21, class 5: a summary that disagrees with its own samples, and a
        // result's GPU that is none of its machine's.
        BadCase{"median-forged.json", "results[2].median_s",
                "0.0041 s is not the median of the samples (0.005 s)"},
        BadCase{"cv-forged.json", "results[1].cv",
                "1e+300 is not the coefficient of variation of the samples (0)"},
        BadCase{"gpu-contradiction.json", "results[0].params.gpu",
                "\"NVIDIA H100 80GB HBM3\" is none of the GPUs machine.gpu.gpus lists "
                "(NVIDIA H200)"}),
    plainsight::test::file_case_name<BadCase>);

// Issue 21, class 9: a file past kMaxMeasurementBytes (64 MiB) is refused before it is
// read (a sparse file: nothing is written but its size).
TEST(MeasurementFile, AFileLargerThanTheLimitIsRefusedUnread) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("measure-limit-" + std::to_string(::getpid()) + ".json");
  { std::ofstream(path) << "{"; }
  std::filesystem::resize_file(path, kMaxMeasurementBytes + 1);
  try {
    load_measurement_file(path);
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("file is 67108865 bytes; the limit is 67108864"),
              std::string::npos)
        << e.what();
  }
  std::filesystem::remove(path);
}

// Issue 21, class 9: a file of many results reads in one pass (nlohmann's callback parser
// scanned the results array at the end of every object: 600,000 results took minutes).
TEST(MeasurementFile, ManyResultsReadInOnePass) {
  std::string text = R"({"format": "plainsight-probe/1", "machine": {}, "results": [)";
  for (int i = 0; i < 20000; ++i)
    text += std::string(i ? "," : "") + R"({"probe": "host.memcpy", "params": {"bytes": )" +
            std::to_string(4096 + i) +
            R"(}, "samples_s": [1e-6], "median_s": 1e-6, "min_s": 1e-6, "max_s": 1e-6, "cv": 0})";
  text += R"(], "skipped": [], "failed": []})";
  const MeasurementFile f = parse_measurement_file(text, "m.json");
  ASSERT_EQ(f.results.size(), 20000u);
  EXPECT_EQ(f.results.back().bytes, 4096 + 19999);
  EXPECT_EQ(f.results.back().param("bytes"), "24095");
}

// Bug fixed: params nested 200,000 levels deep crashed analyze and measurements show.
TEST(MeasurementFile, DeepNestingIsRefusedNotACrash) {
  for (const int depth : {65, 200000}) {
    const std::string text = R"({"format": "plainsight-probe/1", "machine": {}, "results": [
      {"probe": "host.memcpy", "params": {"bytes": 4096, "mode": )" +
                             std::string(depth, '[') + std::string(depth, ']') +
                             R"(}, "samples_s": [1e-6], "median_s": 1e-6, "min_s": 1e-6,
       "max_s": 1e-6, "cv": 0}], "skipped": [], "failed": []})";
    try {
      parse_measurement_file(text, "m.json");
      FAIL() << depth << " levels accepted";
    } catch (const InputError& e) {
      EXPECT_STREQ(e.what(), "m.json:2:126: error: nesting deeper than 64 levels");
    }
  }
  // Brackets inside strings are text.
  const std::string quoted = R"({"format": "plainsight-probe/1", "machine": {"hostname": ")" +
                             std::string(100, '[') + R"("}, "results": [
      {"probe": "host.memcpy", "params": {"bytes": 4096}, "samples_s": [1e-6], "median_s": 1e-6,
       "min_s": 1e-6, "max_s": 1e-6, "cv": 0}], "skipped": [], "failed": []})";
  EXPECT_EQ(parse_measurement_file(quoted, "m.json").machine.hostname, std::string(100, '['));
}

// Free text may break lines; the names reports print may not.
TEST(MeasurementFile, SkippedReasonsMayHoldLineBreaks) {
  const std::string text = R"({"format": "plainsight-probe/1", "machine": {}, "results": [
      {"probe": "host.memcpy", "params": {"bytes": 4096}, "samples_s": [1e-6], "median_s": 1e-6,
       "min_s": 1e-6, "max_s": 1e-6, "cv": 0}],
      "skipped": [{"probe": "cuda.h2d", "reason": "no GPU\nhere"}], "failed": []})";
  EXPECT_EQ(parse_measurement_file(text, "m.json").skipped[0].second, "no GPU\nhere");
}

TEST(MeasurementFile, ReadsTheMultiGpuModeAndTheFileSystem) {
  const MeasurementFile ppcie = load_measurement_file(test::data("rules/h100-protected-pcie.json"));
  EXPECT_EQ(ppcie.machine.cc, "protected_pcie");
  EXPECT_EQ(ppcie.machine.multi_gpu_mode, "protected_pcie");
  const MeasurementFile lustre = load_measurement_file(test::data("rules/checkpoint-lustre.json"));
  EXPECT_EQ(lustre.machine.filesystem, "lustre");
}

TEST(MeasurementFile, AMultiRankFileContradictingItselfNamesTheRank) {
  const std::string text = R"({"format": "plainsight-probe/1", "machine": {}, "ranks": 2,
    "machines": [{"gpu": {"confidential_computing": {"cc": "off", "multi_gpu_mode": "none"}}},
                 {"gpu": {"confidential_computing": {"cc": "off", "multi_gpu_mode": "none"}}}],
    "results": [{"probe": "cuda.h2d", "params": {"bytes": 4096, "cc": "off",
                                                 "cc_multi_gpu": "protected_pcie"},
                 "samples_s": [1e-6], "median_s": 1e-6, "min_s": 1e-6, "max_s": 1e-6, "cv": 0,
                 "rank": 1}],
    "skipped": [], "failed": []})";
  try {
    parse_measurement_file(text, "m.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("m.json: error: results[0].params.cc_multi_gpu: "
                                         "\"protected_pcie\" contradicts "
                                         "machines[1].gpu.confidential_computing.multi_gpu_mode"),
              std::string::npos)
        << e.what();
  }
}

TEST(MeasurementFile, UnknownStatesContradictNothing) {
  // A result stamped "unknown" (NVML unreadable) and a host machine without GPU facts.
  const std::string text = R"({"format": "plainsight-probe/1",
    "machine": {"gpu": {"confidential_computing": {"cc": "unknown"}}},
    "results": [{"probe": "cuda.h2d", "params": {"bytes": 4096, "cc": "on"},
                 "samples_s": [1e-6], "median_s": 1e-6, "min_s": 1e-6, "max_s": 1e-6, "cv": 0}],
    "skipped": [], "failed": []})";
  EXPECT_NO_THROW(parse_measurement_file(text, "m.json"));
}

TEST(MeasurementFile, MissingFileIsAnInputError) {
  EXPECT_THROW(load_measurement_file(test::data("no-such-file.json")), InputError);
}

TEST(MeasurementFile, SummaryMustDescribeTheSamples) {
  const std::string text = R"({"format": "plainsight-probe/1", "machine": {},
    "results": [{"probe": "host.memcpy", "params": {"bytes": 4096},
                 "samples_s": [1e-6, 2e-6], "median_s": 1.5e-6, "min_s": 1e-6,
                 "max_s": 9e-6, "cv": 0.1}], "skipped": [], "failed": []})";
  try {
    parse_measurement_file(text, "m.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("m.json: error: results[0]: min_s"), std::string::npos)
        << e.what();
  }
}

TEST(MeasurementFile, MultiRankResultsNeedARank) {
  const std::string text = R"({"format": "plainsight-probe/1", "machine": {}, "ranks": 2,
    "machines": [{"hostname": "a"}, {"hostname": "b"}],
    "results": [{"probe": "fabric.tcp", "params": {"bytes": 4096}, "samples_s": [1e-6],
                 "median_s": 1e-6, "min_s": 1e-6, "max_s": 1e-6, "cv": 0, "rank": 1},
                {"probe": "fabric.tcp", "params": {"bytes": 4096}, "samples_s": [1e-6],
                 "median_s": 1e-6, "min_s": 1e-6, "max_s": 1e-6, "cv": 0}],
    "skipped": [], "failed": []})";
  try {
    parse_measurement_file(text, "m.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("results[1]: missing required field \"rank\""),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace plainsight
