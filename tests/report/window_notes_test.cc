// Where a row rests on anything but a shipping product, and where sources disagree, every
// format says so, with both sources.
#include "report/window_notes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/render.h"
#include "report_support.h"

namespace plainsight {
namespace {

using testing::analysis_of;
using ::testing::HasSubstr;

std::size_t index_of(const Analysis& a, const std::string& stage) {
  for (std::size_t i = 0; i < a.windows.size(); ++i)
    if (a.windows[i].stage == stage) return i;
  throw std::runtime_error("no stage " + stage);
}

TEST(WindowNotes, TheFabricDisagreementNamesBothSources) {
  Analysis a = analysis_of("aws-frontier");
  const std::vector<std::string> notes = window_notes(a, index_of(a, "fabric"));
  std::string all;
  for (const std::string& n : notes) all += n + "\n";
  EXPECT_THAT(all, HasSubstr("These channels are typically not encrypted."));  // the document
  EXPECT_THAT(all, HasSubstr("fabric.nitro_aead"));                            // AWS
  EXPECT_THAT(all, HasSubstr("--set stages.fabric.protection=derived"));
  EXPECT_EQ(rests_on_phrase(a, index_of(a, "fabric")), "claimed; disputed");
}

TEST(WindowNotes, AnAnnouncedPlatformIsSaidAsSuch) {
  Analysis a = analysis_of("vera-rubin-multinode");
  std::string all;
  for (const std::string& n : window_notes(a, index_of(a, "nvlink"))) all += n + "\n";
  EXPECT_THAT(all, HasSubstr("announced: NVIDIA Newsroom, 2026-01-05"));
  EXPECT_EQ(rests_on_phrase(a, index_of(a, "nvlink")), "announced; disputed");
}

TEST(WindowNotes, ResearchAndReducedAreSaid) {
  Analysis a = analysis_of("silo-hopper");
  std::string all;
  for (const std::string& n : window_notes(a, index_of(a, "cvm_decrypt"))) all += n + "\n";
  EXPECT_THAT(all, HasSubstr("research: TEE.fail research team"));
  EXPECT_THAT(all, HasSubstr("reduced, not closed"));
  EXPECT_THAT(all, HasSubstr("The host sees only ciphertext."));  // the disagreement
}

TEST(WindowNotes, MetadataLeaksAreInTheNotes) {
  Analysis a = analysis_of("transfer-cloud-relay");
  std::string all;
  for (const std::string& n : window_notes(a, index_of(a, "relay"))) all += n + "\n";
  EXPECT_THAT(all, HasSubstr("size, endpoints, timing, file names"));
}

// Every format carries the disagreement and the status.
TEST(WindowNotes, EveryFormatCarriesThem) {
  Analysis a = analysis_of("aws-frontier");
  for (const char* f : {"table", "md", "csv", "json", "html"}) {
    const std::string out = render(a, f);
    EXPECT_THAT(out, HasSubstr("fabric.nitro_aead")) << f;
    EXPECT_THAT(out, HasSubstr("claimed; disputed")) << f;
  }
  Analysis relay = analysis_of("transfer-cloud-relay");
  for (const char* f : {"table", "md", "html", "json"})
    EXPECT_THAT(render(relay, f), HasSubstr("file names")) << f;
}

}  // namespace
}  // namespace plainsight
