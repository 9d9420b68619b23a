// Where a row rests on anything but a shipping product, and where sources disagree, every
// format says so, with both sources.
#include "report/window_notes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/cost_section.h"
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

// Seed 002 in its own words: "No relay servers", "No metadata logging" stay quoted, with the
// sources that correct them beside them on the relay the scenario models.
TEST(WindowNotes, ACorrectedDocumentKeepsItsWordsBesideTheCorrection) {
  Analysis a = analysis_of("transfer-p2p-e2e");
  std::string all;
  for (const std::string& n : window_notes(a, index_of(a, "rendezvous"))) all += n + "\n";
  EXPECT_THAT(all, HasSubstr("corrected: the scenario's document says"));
  EXPECT_THAT(all, HasSubstr("No relay servers."));
  EXPECT_THAT(all, HasSubstr("RFC 8656"));
  EXPECT_THAT(all, HasSubstr("No metadata logging"));
  EXPECT_THAT(all, HasSubstr("total bytes relayed"));
  // The same on aws-frontier's seventh row: the document's write-buffer window, and AWS's
  // long-term FSx storage.
  Analysis aws = analysis_of("aws-frontier");
  std::string files;
  for (const std::string& n : window_notes(aws, index_of(aws, "checkpoint_files")))
    files += n + "\n";
  EXPECT_THAT(files, HasSubstr("long-term permanent storage outside of the cluster life cycle"));
}

// The document's cost is a range and its total over the run is not in it: $35 is the range's
// top, and 360 x $35 is this tool's arithmetic, labelled derived.
TEST(WindowNotes, ATransferCostTotalIsDerived) {
  Analysis a = analysis_of("transfer-cloud-relay");
  std::string all;
  for (const std::string& l : transfer_cost_lines(a)) all += l + "\n";
  EXPECT_THAT(all, HasSubstr("$12,600 (derived: per transfer x transfers)"));
  EXPECT_THAT(all, HasSubstr("$8–$35"));
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

// A scenario's own source (its `sources:`) is cited as a catalog source is: its title in the
// notes of every format, in JSON's basis and in HTML's list of sources.
TEST(WindowNotes, AScenariosOwnSourceIsCitedByItsTitle) {
  Analysis a = analysis_of("tests/data/own-sources.yaml");
  ASSERT_NE(a.scenario.own_catalog, nullptr);
  EXPECT_EQ(a.catalog, a.scenario.own_catalog.get());
  std::string all;
  for (const std::string& n : window_notes(a, index_of(a, "bucket"))) all += n + "\n";
  EXPECT_THAT(all, HasSubstr("the scenario states the protection 'object_store.sse_kms' (Using OCI "
                             "Object Storage bucket encryption, Can I control how my data is "
                             "encrypted?: \"All data in Object Storage is encrypted at rest by "
                             "using AES-256.\")"));
  for (const char* f : {"table", "md", "csv", "json", "html"})
    EXPECT_THAT(render(a, f), HasSubstr("Using OCI Object Storage bucket encryption")) << f;
  EXPECT_THAT(render(a, "html"),
              HasSubstr("<td>oci-blog-bucket-encryption</td><td>Using OCI Object Storage bucket "
                        "encryption</td><td>Oracle (Ashutosh Mate), 2022-07-29</td>"));
}

}  // namespace
}  // namespace plainsight
