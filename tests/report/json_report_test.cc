#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "report/render.h"
#include "report_support.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;
using json = nlohmann::json;

TEST(JsonReport, CarriesTheSameFactsAsTheWindows) {
  Analysis a = analysis_of("aws-frontier", {"stages.pcie.duration=2s"});
  json j = json::parse(render(a, "json"));
  EXPECT_EQ(j["format"], "plainsight-report/1");
  EXPECT_EQ(j["tool"]["name"], "plainsight");
  EXPECT_EQ(j["scenario"]["overrides"], json::array({"stages.pcie.duration=2s"}));
  EXPECT_EQ(j["scenario"]["horizon_s"], 30 * 86400.0);
  EXPECT_EQ(j["asset"]["weights_bytes"], 810e9);
  // Each place with whose machine it is and its own platform; each window names its place.
  ASSERT_EQ(j["places"].size(), 4u);
  EXPECT_EQ(j["places"][1]["id"], "fsx");
  EXPECT_EQ(j["places"][1]["kind"], "managed_service");
  EXPECT_EQ(j["places"][1]["operator"], "provider");
  EXPECT_EQ(j["places"][1]["offering"], "aws_fsx_lustre");
  EXPECT_EQ(j["places"][3]["platform"]["gpu"], "h100");
  EXPECT_EQ(j["places"][3]["platform"]["confidential_mode"], false);
  EXPECT_EQ(j["places"][3]["hardware"], "provider");
  ASSERT_EQ(j["windows"].size(), a.windows.size());
  for (std::size_t i = 0; i < a.windows.size(); ++i) {
    const Window& w = a.windows[i];
    const json& wj = j["windows"][i];
    EXPECT_EQ(wj["stage"], w.stage);
    EXPECT_EQ(wj["place"], a.scenario.places[w.place].id);
    EXPECT_EQ(wj["operator"], a.scenario.places[w.place].operator_role);
    EXPECT_EQ(wj["state"], std::string(to_string(w.state)));
    EXPECT_EQ(wj["bytes"].get<double>(), w.bytes);
    EXPECT_EQ(wj["per_event_s"]["value"].get<double>(), w.per_event.value);
    EXPECT_EQ(wj["per_event_s"]["provenance"], std::string(to_string(w.per_event.provenance)));
    EXPECT_EQ(wj["plaintext_readers"], json(w.plaintext_readers()));
    EXPECT_EQ(j["exposure_matrix"]["rows"][i]["cells"].size(), w.cells.size());
  }
  EXPECT_EQ(j["windows"][3]["state_phrase"], "Encrypted blob, then decrypted briefly");
  EXPECT_EQ(j["windows"][4]["per_event_s"]["provenance"], "assumed");
  EXPECT_EQ(j["exposure_matrix"]["capabilities"].size(), bundled_catalog().capabilities.size());
}

TEST(JsonReport, WarningsOfAnnouncedHardware) {
  json j = json::parse(render(analysis_of("vera-rubin-multinode"), "json"));
  ASSERT_EQ(j["warnings"].size(), 1u);
  EXPECT_THAT(j["warnings"][0].get<std::string>(), ::testing::HasSubstr("announced"));
}

TEST(JsonReport, SameAnalysisSameBytes) {
  EXPECT_EQ(render(analysis_of("silo-hopper"), "json"), render(analysis_of("silo-hopper"), "json"));
  EXPECT_EQ(render(analysis_of("silo-hopper"), "md"), render(analysis_of("silo-hopper"), "md"));
}

}  // namespace
}  // namespace plainsight
