// A scenario's own `sources:` end to end: every command that reads a scenario accepts one,
// reports cite its documents by their titles, and the numbers are what they would be were
// those documents the catalog's.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "run_cli.h"
#include "scratch_dir.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;
using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

const std::string kOwn = "tests/data/own-sources.yaml";
const std::string kOwnB = "tests/data/own-sources-b.yaml";
const std::string kTitle = "Using OCI Object Storage bucket encryption";

TEST(ScenarioSourcesCli, AnalyzeCitesTheScenariosSourceByItsTitle) {
  CliRun r = plainsight({"analyze", kOwn, "--wide"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("(" + kTitle + ", Can I control how my data is encrypted?: "));
  for (const char* format : {"md", "json", "html", "csv"}) {
    CliRun f = plainsight({"analyze", kOwn, "--format", format});
    ASSERT_EQ(f.exit_code, 0) << format << "\n" << f.err;
    EXPECT_THAT(f.out, HasSubstr(kTitle)) << format;
  }
  EXPECT_EQ(plainsight({"analyze", kOwn, "--format", "sarif"}).exit_code, 0);
  CliRun v = plainsight({"validate", kOwn, kOwnB});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  // The catalog is the catalog: the scenario's sources are its own.
  const std::string sources = plainsight({"catalog", "sources"}).out;
  EXPECT_THAT(sources, HasSubstr("seed-silo"));
  EXPECT_THAT(sources, Not(HasSubstr("oci-blog-bucket-encryption")));
  EXPECT_THAT(sources, Not(HasSubstr(kTitle)));
}

// A and B each cite a document of their own for the same stated protection.
TEST(ScenarioSourcesCli, DiffOfTwoScenariosWithSourcesOfTheirOwn) {
  CliRun r = plainsight({"diff", kOwn, kOwnB, "--trials", "200"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("no window changed"));
  CliRun d = plainsight(
      {"diff", kOwn, "--set", "stages.bucket.protection=derived", "--trials", "0", "-f", "json"});
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_THAT(d.out, HasSubstr("\"bucket\""));
}

// The same pipeline citing a catalog source instead gives the same numbers in simulate,
// sweep and sensitivity (whose variants copy the scenario's catalog and must keep their
// changes): only the citation differs.
TEST_F(ScratchDir, TheNumbersAreThoseOfTheSamePipelineWithoutThem) {
  std::string text = read(fs::path(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) / kOwn);
  const std::size_t from = text.find("sources:\n");
  const std::size_t to = text.find("asset:\n");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  text.erase(from, to - from);
  const std::string id = "id: oci-blog-bucket-encryption";
  ASSERT_NE(text.find(id), std::string::npos);
  text.replace(text.find(id), id.size(), "id: plainsight-assumption");
  const fs::path plain = dir_ / "plain.yaml";
  std::ofstream(plain) << text;
  const std::string own = (fs::path(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) / kOwn).string();
  const std::vector<std::vector<std::string>> runs = {
      {"simulate", "--trials", "500", "-f", "md"},
      {"sweep", "--vary", "actors.oc3.dwell=5d,20d", "--trials", "300", "-f", "csv"},
      {"sensitivity", "--trials", "300", "-f", "csv"},
  };
  for (std::vector<std::string> args : runs) {
    const std::string command = args[0];
    std::vector<std::string> with = args, without = args;
    with.insert(with.begin() + 1, own);
    without.insert(without.begin() + 1, plain.string());
    CliRun a = plainsight(with);
    CliRun b = plainsight(without);
    ASSERT_EQ(a.exit_code, 0) << command << "\n" << a.err;
    ASSERT_EQ(b.exit_code, 0) << command << "\n" << b.err;
    EXPECT_EQ(a.out, b.out) << command;
  }
  // Which is a test of the variants: root on the host's time to compromise moves P.
  CliRun s = plainsight({"sensitivity", own, "--trials", "300", "-f", "csv"});
  const std::size_t row = s.out.find("\"host_root\"");
  ASSERT_NE(row, std::string::npos) << s.out;
  std::vector<std::string> fields;
  std::stringstream line(s.out.substr(row, s.out.find('\n', row) - row));
  for (std::string f; std::getline(line, f, ',');) fields.push_back(f);
  ASSERT_GE(fields.size(), 13u);
  EXPECT_NE(fields[9], fields[12]) << "p_low and p_high";
}

}  // namespace
}  // namespace plainsight
