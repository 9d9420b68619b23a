// The CLI end of measured windows: bad probe files exit 2 naming the file and the JSON
// location and write nothing else; `measurements show` and `compare` print tables.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include <cctype>

#include <gtest/gtest.h>

#include "file_case_name.h"

namespace {

struct Result {
  int code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

std::string slurp(const std::string& path) {
  std::string s;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) s.append(buf.data(), n);
    std::fclose(f);
  }
  return s;
}

Result run(const std::string& args) {
  const auto dir = std::filesystem::temp_directory_path();
  const std::string out = (dir / ("measure-cli-" + std::to_string(::getpid()) + ".out")).string();
  const std::string err = (dir / ("measure-cli-" + std::to_string(::getpid()) + ".err")).string();
  const std::string cmd = std::string("cd '") + PLAINSIGHT_SOURCE_DIR_FOR_TESTS + "' && '" +
                          PLAINSIGHT_BIN + "' " + args + " >'" + out + "' 2>'" + err + "'";
  const int status = std::system(cmd.c_str());
  Result r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

const std::string kData = "tests/measure/data/";

struct BadCase {
  const char* file;
  const char* expect;  // in stderr after the file name
};

// Named in CTest by its file, not by gtest's byte dump of the struct.
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.file; }

class BadProbeFileCli : public testing::TestWithParam<BadCase> {};

TEST_P(BadProbeFileCli, ExitsTwoNamingFileAndLocation) {
  const std::string path = kData + "bad/" + GetParam().file;
  const Result r = run("analyze scenarios/silo-hopper.yaml --measurements " + kData +
                       "fixture-host.json --measurements " + path);
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_EQ(r.out, "") << "nothing else in the run may be written";
  EXPECT_EQ(r.err.rfind(path, 0), 0u) << r.err;  // the message starts with the file
  EXPECT_NE(r.err.find(GetParam().expect), std::string::npos) << r.err;
  const Result show = run("measurements show " + path);
  EXPECT_EQ(show.code, 2) << show.err;
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, BadProbeFileCli,
    testing::Values(
        BadCase{"truncated.json", "ends early (truncated?)"},
        BadCase{"wrong-version.json", "error: format: \"plainsight-probe/2\""},
        BadCase{"missing-samples.json", "error: results[3]: missing required field \"samples_s\""},
        BadCase{"missing-machine.json", "missing required field \"machine\""},
        BadCase{"nan.json", ":29:"},
        BadCase{"null-sample.json", "error: results[3].samples_s[1]: not a number"},
        BadCase{"negative.json", "error: results[3].samples_s[2]: negative time"},
        BadCase{"empty-sweep.json", "error: results: empty"},
        BadCase{"empty-samples.json", "error: results[3].samples_s: empty"},
        BadCase{"deep-params.json", ":20:70: error: nesting deeper than 64 levels"},
        BadCase{"duplicate-key.json", "error: results[0].params: duplicate key \"bytes\""},
        BadCase{"ansi-hostname.json", "error: machine.hostname: \"<U+001B>[2Jhost\""},
        BadCase{"tiny-time.json", "a bandwidth beyond any plausible one"},
        BadCase{"huge-time.json", "1e+300 s is beyond any plausible duration"},
        BadCase{"rank-in-single-rank.json", "error: results[0].rank: a single-rank"}),
    plainsight::test::file_case_name<BadCase>);

TEST(MeasurementsCli, AnalyzeWithMeasurementsShowsTheirSource) {
  const Result r =
      run("analyze scenarios/silo-hopper.yaml --measurements " + kData + "fixture-host.json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("fixture-host.json: host.bounce_buffer"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Confidential mode off and on"), std::string::npos);
  EXPECT_NE(r.out.find("with confidential mode on"), std::string::npos);
}

TEST(MeasurementsCli, MismatchWarnsAndAllowMismatchUses) {
  const std::string base =
      "analyze scenarios/silo-hopper.yaml --measurements " + kData + "fixture-h100-cc-off.json";
  const Result skipped = run(base);
  ASSERT_EQ(skipped.code, 0) << skipped.err;
  EXPECT_NE(skipped.out.find("warning: stage 'pcie': cuda.h2d in fixture-h100-cc-off.json was "
                             "measured with CC off"),
            std::string::npos)
      << skipped.out;
  const Result allowed = run(base + " --allow-mismatch");
  ASSERT_EQ(allowed.code, 0) << allowed.err;
  EXPECT_NE(allowed.out.find("by --allow-mismatch"), std::string::npos) << allowed.out;
}

TEST(MeasurementsCli, ShowPrintsResultsAndFits) {
  const Result r = run("measurements show " + kData + "fixture-host.json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("test-fixture (not a measurement)"), std::string::npos);
  EXPECT_NE(r.out.find("host.bounce_buffer"), std::string::npos);
  EXPECT_NE(r.out.find("t = 10 us + bytes / 8 GB/s"), std::string::npos) << r.out;
}

TEST(MeasurementsCli, CompareShowsBothSidesAndTheRatio) {
  const Result r = run("measurements compare " + kData + "fixture-h100-cc-off.json " + kData +
                       "fixture-h100-cc-on.json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("CC off"), std::string::npos) << r.out;  // A's machine
  EXPECT_NE(r.out.find("CC on"), std::string::npos) << r.out;   // B's machine
  // 1 MiB: (30 us + 1 MiB / 4 GB/s) / (8 us + 1 MiB / 50 GB/s) = 10.084
  EXPECT_NE(r.out.find("10.084"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("0 points only in A, 0 only in B"), std::string::npos) << r.out;
}

}  // namespace
