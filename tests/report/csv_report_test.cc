#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/render.h"
#include "report_support.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;
using ::testing::HasSubstr;

// Splits one CSV record (RFC 4180 quoting) into fields.
std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

TEST(CsvReport, OneRowPerWindowWithMachineReadableNumbers) {
  Analysis a = analysis_of("aws-frontier");
  std::stringstream ss(render(a, "csv"));
  std::string line;
  std::getline(ss, line);
  std::vector<std::string> header = fields(line);
  EXPECT_EQ(header.front(), "stage");
  std::vector<std::vector<std::string>> rows;
  while (std::getline(ss, line)) rows.push_back(fields(line));
  ASSERT_EQ(rows.size(), a.windows.size());
  auto col = [&](const std::string& name) {
    return std::find(header.begin(), header.end(), name) - header.begin();
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), header.size()) << line;
    EXPECT_EQ(rows[i][col("stage")], a.windows[i].stage);
    // Numbers round-trip exactly (%.17g).
    EXPECT_EQ(std::stod(rows[i][col("bytes")]), a.windows[i].bytes);
    EXPECT_EQ(std::stod(rows[i][col("per_event_s")]), a.windows[i].per_event.value);
    EXPECT_EQ(std::stod(rows[i][col("plaintext_total_s")]), a.windows[i].plaintext_total_s);
  }
  EXPECT_EQ(rows[0][col("name")], "Long-term storage");
  EXPECT_EQ(rows[1][col("provenance")], "datasheet");
  EXPECT_EQ(rows[4][col("plaintext_readers")],
            "provider_insider;workload_root;bus_interposer;firmware_compromise");
  // Whose machine each row is on.
  EXPECT_EQ(rows[1][col("place")], "fsx");
  EXPECT_EQ(rows[1][col("operator")], "provider");
  EXPECT_EQ(rows[1][col("operator_name")], "Amazon Web Services");
  EXPECT_EQ(rows[4][col("place")], "serving");
  EXPECT_EQ(rows[4][col("operator")], "us");
  // The disagreement over the fabric travels with its row.
  EXPECT_EQ(rows[2][col("rests_on")], "claimed; disputed");
  EXPECT_THAT(rows[2][col("notes")], HasSubstr("fabric.nitro_aead"));
}

TEST(CsvReport, QuotesFieldsWithCommasAndQuotes) {
  Analysis a = analysis_of("aws-frontier");
  a.windows[0].name = "a \"quoted\", name";
  std::string csv = render(a, "csv");
  EXPECT_THAT(csv, HasSubstr("\"a \"\"quoted\"\", name\""));
  std::stringstream ss(csv);
  std::string header, row;
  std::getline(ss, header);
  std::getline(ss, row);
  EXPECT_EQ(fields(row)[1], "a \"quoted\", name");
  EXPECT_EQ(fields(row).size(), fields(header).size());
}

}  // namespace
}  // namespace plainsight

namespace plainsight {
namespace {

// The analysis loads the scenario by its absolute path: the CSV still names the scenario
// relative to its own folder, never the machine's path.
TEST(CsvReport, PathsAreRelativeToTheScenariosFolder) {
  const std::string csv = render(testing::analysis_of("silo-hopper"), "csv");
  EXPECT_THAT(csv, ::testing::HasSubstr("\"silo-hopper.yaml:41:5\""));
  EXPECT_EQ(csv.find(PLAINSIGHT_SOURCE_DIR_FOR_TESTS), std::string::npos);
}

}  // namespace
}  // namespace plainsight
