// The bad-input corpus (tests/bad_input): every case exits 2 with the expected place and
// message, through both `validate` and `analyze`, and never crashes.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "run_cli.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;
using ::testing::HasSubstr;
using ::testing::StartsWith;
namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(PLAINSIGHT_SOURCE_DIR_FOR_TESTS) / "tests" / "bad_input";

struct Case {
  std::string file;  // relative to the repository root
  int exit_code = 2;
  std::string where;  // LINE:COL, "-" or "--set ..."
  std::string fragment;
  std::vector<std::string> extra;
  int line = 0;  // in expected.txt
};

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

std::vector<Case> read_manifest() {
  std::vector<Case> out;
  std::ifstream in(kCorpus / "expected.txt");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string part; std::getline(ss, part, '|');) f.push_back(trim(part));
    if (f.size() < 4) {
      ADD_FAILURE() << "expected.txt:" << n << ": needs at least 4 fields";
      continue;
    }
    Case c;
    c.file = f[0].starts_with("scenarios/") || f[0].starts_with("tests/")
                 ? f[0]
                 : "tests/bad_input/" + f[0];
    c.exit_code = std::stoi(f[1]);
    c.where = f[2];
    c.fragment = f[3];
    if (f.size() > 4) {
      std::stringstream a(f[4]);
      for (std::string w; a >> w;) c.extra.push_back(w);
    }
    c.line = n;
    out.push_back(std::move(c));
  }
  return out;
}

std::string prefix_of(const Case& c) {
  if (c.where == "-") return c.file + ": error: ";
  if (c.where.starts_with("--set")) return c.where + ": error: ";
  return c.file + ":" + c.where + ": error: ";
}

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.file << " (expected.txt line " << c.line << ")";
}

void expect_rejected(const Case& c, const CliRun& r, const std::string& command) {
  SCOPED_TRACE(command + " " + c.file + " (expected.txt line " + std::to_string(c.line) + ")");
  EXPECT_FALSE(r.crashed()) << "killed by signal " << (-1 - r.exit_code) << "\n" << r.err;
  EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
  EXPECT_THAT(r.err, HasSubstr(prefix_of(c)));
  EXPECT_THAT(r.err, HasSubstr(c.fragment));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("plainsight: error:")))
      << "an input error is not a runtime failure";
  EXPECT_EQ(r.out, "") << "no partial output on bad input";
}

std::vector<Case> file_cases() {
  std::vector<Case> out;
  for (const Case& c : read_manifest())
    if (c.extra.empty()) out.push_back(c);
  return out;
}

std::string case_name(const ::testing::TestParamInfo<Case>& p) {
  std::string name =
      fs::path(p.param.file).stem().string() + "_line" + std::to_string(p.param.line);
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

class BadInputValidate : public ::testing::TestWithParam<Case> {};
class BadInputAnalyze : public ::testing::TestWithParam<Case> {};

TEST_P(BadInputValidate, Rejects) {
  const Case& c = GetParam();
  expect_rejected(c, plainsight({"validate", c.file}), "validate");
}

TEST_P(BadInputAnalyze, Rejects) {
  const Case& c = GetParam();
  std::vector<std::string> args{"analyze", c.file};
  args.insert(args.end(), c.extra.begin(), c.extra.end());
  expect_rejected(c, plainsight(args), "analyze");
}

// Overrides are an analyze option: validate runs the file cases only.
INSTANTIATE_TEST_SUITE_P(Corpus, BadInputValidate, ::testing::ValuesIn(file_cases()), case_name);
INSTANTIATE_TEST_SUITE_P(Corpus, BadInputAnalyze, ::testing::ValuesIn(read_manifest()), case_name);

TEST(BadInputCorpus, EveryFileHasAnExpectation) {
  std::set<std::string> listed;
  for (const Case& c : read_manifest()) listed.insert(c.file);
  int files = 0;
  for (const auto& e : fs::directory_iterator(kCorpus)) {
    if (e.path().extension() != ".yaml") continue;
    ++files;
    EXPECT_TRUE(listed.count("tests/bad_input/" + e.path().filename().string()))
        << e.path().filename() << " is not in expected.txt";
  }
  EXPECT_GE(files, 25);
}

TEST(BadInputCorpus, ValidateReportsEveryBadFileAndGoesOn) {
  CliRun r =
      plainsight({"validate", "scenarios/aws-frontier.yaml", "tests/bad_input/unknown_gpu.yaml",
                  "tests/bad_input/empty.yaml", "scenarios/transfer-scp.yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("scenarios/aws-frontier.yaml: ok"));
  EXPECT_THAT(r.out, HasSubstr("scenarios/transfer-scp.yaml: ok"));
  EXPECT_THAT(r.err, HasSubstr("tests/bad_input/unknown_gpu.yaml:7:8: error:"));
  EXPECT_THAT(r.err, HasSubstr("tests/bad_input/empty.yaml:1:1: error:"));
}

TEST(BadInputCorpus, BrokenCatalogIsBadInputToo) {
  CliRun r = plainsight(
      {"--model", "tests/bad_input/no_such_model", "analyze", "scenarios/aws-frontier.yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, StartsWith("tests/bad_input/no_such_model/"));
  EXPECT_THAT(r.err, HasSubstr("cannot read"));
}

}  // namespace
}  // namespace plainsight
