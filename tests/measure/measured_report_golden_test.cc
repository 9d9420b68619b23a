// Golden reports of a bundled scenario backed by the committed reference measurement
// (model/measurements/). Regenerate after an intended change with
//   PLAINSIGHT_REGENERATE_GOLDEN=1 ctest --test-dir build/release -R MeasuredReportGolden
// and review the diff.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "analyze/analysis.h"
#include "analyze/measured_durations.h"
#include "report/render.h"
#include "test_support.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;

// The one host reference file committed under model/measurements/.
std::string reference_file() {
  for (const auto& e : fs::directory_iterator(test::repo("model/measurements")))
    if (e.path().filename().string().starts_with("host-") && e.path().extension() == ".json")
      return e.path().string();
  return "";
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(PLAINSIGHT_TEST_DATA) + "/golden/" + name;
  if (const char* r = std::getenv("PLAINSIGHT_REGENERATE_GOLDEN"); r && *r == '1') {
    std::ofstream(path, std::ios::binary) << actual;
    GTEST_SKIP() << "regenerated " << path;
  }
  ASSERT_TRUE(fs::exists(path)) << path
                                << " missing; regenerate with PLAINSIGHT_REGENERATE_GOLDEN=1";
  EXPECT_EQ(read(path), actual) << "differs from " << path;
}

Analysis measured(const std::string& scenario) {
  const Catalog& c = test::bundled_catalog();
  const std::string file = reference_file();
  EXPECT_FALSE(file.empty()) << "no model/measurements/host-*.json";
  // Relative paths, as a user types them: figure sources name the scenario file, and a
  // golden must not depend on where the repository is checked out.
  const fs::path cwd = fs::current_path();
  fs::current_path(test::repo(""));
  Scenario s = load_scenario("scenarios/" + scenario, c);
  MeasuredDurations m(c, {load_measurement_file(fs::relative(file).string())});
  fs::current_path(cwd);
  return analyze(c, std::move(s), {}, &m);
}

TEST(MeasuredReportGolden, SiloHopperTable) {
  check_golden("silo-hopper-measured.txt", render(measured("silo-hopper.yaml"), "table"));
}

TEST(MeasuredReportGolden, SiloHopperMarkdown) {
  check_golden("silo-hopper-measured.md", render(measured("silo-hopper.yaml"), "md"));
}

TEST(MeasuredReportGolden, AwsFrontierCsv) {
  check_golden("aws-frontier-measured.csv", render(measured("aws-frontier.yaml"), "csv"));
}

TEST(MeasuredReportGolden, ReferenceFileNamesItsMachine) {
  const MeasurementFile f = load_measurement_file(reference_file());
  EXPECT_FALSE(f.machine.hostname.empty());
  EXPECT_FALSE(f.machine.cpu_model.empty());
  EXPECT_GT(f.machine.logical_cores, 0);
}

}  // namespace
}  // namespace plainsight
