// The JSON reports are written piece by piece (report/json_stream.h), not dumped from one
// tree. Whatever they hold, their bytes must be exactly what nlohmann's dump(2) gives for
// the same document: parse and dump again, and nothing may change.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;
namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

void expect_dump_identical(const std::vector<std::string>& args) {
  CliRun r = plainsight(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ojson j = ojson::parse(r.out);
  EXPECT_EQ(r.out, j.dump(2) + "\n") << args[0] << " " << args[1];
}

// Every bundled scenario with its threat sections (attack paths, minimal defences, ceiling).
TEST(ReportStream, AnalyzeJsonIsWhatADomDumpGives) {
  for (const std::string& s : bundled_scenarios())
    expect_dump_identical({"analyze", s, "-f", "json"});
}

TEST(ReportStream, SarifIsWhatADomDumpGives) {
  for (const std::string& s : bundled_scenarios())
    expect_dump_identical({"analyze", s, "-f", "sarif"});
}

// The simulation section is in no golden report.
TEST(ReportStream, SimulateJsonIsWhatADomDumpGives) {
  expect_dump_identical({"simulate", "scenarios/aws-frontier.yaml", "--actor", "OC3", "--trials",
                         "2000", "--format", "json"});
}

// Empty arrays come out as "[]" and windows-only reports have no threat members.
TEST(ReportStream, WindowsOnlyJsonIsWhatADomDumpGives) {
  expect_dump_identical({"analyze", "scenarios/transfer-scp.yaml", "--no-threats", "-f", "json"});
}

TEST(ReportStream, DiffJsonIsWhatADomDumpGives) {
  expect_dump_identical({"diff", "scenarios/silo-hopper.yaml", "scenarios/silo-blackwell.yaml",
                         "--trials", "500", "--format", "json"});
  expect_dump_identical({"diff", "tests/data/aws-frontier-one-platform.yaml", "--set",
                         "platform.confidential_mode=on", "--set", "platform.cpu_tee=sev_snp",
                         "--set", "platform.multi_gpu_mode=protected_pcie", "--trials", "0",
                         "--format", "json"});
}

}  // namespace
}  // namespace plainsight
