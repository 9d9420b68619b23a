// A scenario's own `sources:` (load/scenario_sources.h): every citation of the scenario may
// name them, their ids may not be the catalog's nor each other's, and the catalog itself is
// left as it was.
#include "load/scenario_sources.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "load/catalog_loader.h"
#include "load/scenario_loader.h"
#include "scenario_text.h"

namespace plainsight {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const Catalog& catalog() { return testing::bundled_catalog(); }

// Test inputs, not facts: the documents and sentences here are made up.
const char* kHead = testing::kH100Head;

const char* kSources = R"(sources:
  - id: example-guide
    title: "Example provider storage guide"
    publisher: Example Cloud
    date: "2025"
    url: https://example.invalid/guide
  - id: example-runbook
    title: "Example incident-response runbook"
    publisher: Example Org
    date: undated
    url: https://example.invalid/runbook
    read: "a printed copy"
)";

// A stage whose stated protection cites `id`.
std::string stage_citing(const std::string& id) {
  return "stages:\n"
         "  - id: bucket\n"
         "    medium: object_store\n"
         "    payload: weights\n"
         "    resident: horizon\n"
         "    protection: object_store.sse_kms\n"
         "    protection_source: {id: " +
         id + ", status: claimed, where: Encryption, quote: \"Every object is encrypted.\"}\n";
}

Scenario parse(const std::string& body) { return testing::scenario_of(kHead, body); }

std::string error_of(const std::string& body) { return testing::scenario_error(kHead, body); }

TEST(ScenarioSources, NoneKeepsTheCatalog) {
  const Scenario s = parse(stage_citing("seed-silo"));
  EXPECT_EQ(s.own_catalog, nullptr);
  EXPECT_EQ(&s.catalog_or(catalog()), &catalog());
}

TEST(ScenarioSources, AppendedToACopyOfTheCatalog) {
  const Scenario s = parse(std::string(kSources) + stage_citing("example-guide"));
  ASSERT_NE(s.own_catalog, nullptr);
  const Catalog& own = *s.own_catalog;
  ASSERT_EQ(own.sources.size(), catalog().sources.size() + 2);
  const Source* guide = own.source("example-guide");
  ASSERT_NE(guide, nullptr);
  EXPECT_EQ(guide->title, "Example provider storage guide");
  EXPECT_EQ(guide->publisher, "Example Cloud");
  EXPECT_EQ(guide->date, "2025");
  EXPECT_EQ(guide->url, "https://example.invalid/guide");
  EXPECT_EQ(guide->where.file, "t.yaml");
  EXPECT_EQ(guide->where.line, 8);
  EXPECT_EQ(own.source("example-runbook")->read, "a printed copy");
  // The rest of the catalog is the same; the catalog itself did not change.
  EXPECT_EQ(own.protections.size(), catalog().protections.size());
  EXPECT_EQ(catalog().source("example-guide"), nullptr);
  ASSERT_TRUE(s.stage("bucket")->protection_source);
  EXPECT_EQ(s.stage("bucket")->protection_source->id, "example-guide");
}

// The catalog an analysis runs under: the scenario's own for the catalog it was read
// against, the one given where that already holds its sources (sensitivity's variants).
TEST(ScenarioSources, CatalogOr) {
  const Scenario s = parse(std::string(kSources) + stage_citing("example-guide"));
  EXPECT_EQ(&s.catalog_or(catalog()), s.own_catalog.get());
  EXPECT_EQ(&s.catalog_or(*s.own_catalog), s.own_catalog.get());
  Catalog variant = *s.own_catalog;
  EXPECT_EQ(&s.catalog_or(variant), &variant);
  // A copy of the scenario shares its catalog.
  const Scenario copy = s;
  EXPECT_EQ(copy.own_catalog.get(), s.own_catalog.get());
}

// Every citation of a scenario may name them: the scenario's `source:`, a stage's
// protection_source, an actor's parameter and its range, an actor's place_reach.
TEST(ScenarioSources, EveryCitationMayNameThem) {
  const Scenario s = parse(std::string("source: example-guide\n") + kSources +
                           stage_citing("example-guide") + R"(actors:
  oc3:
    dwell:
      value: 20d
      source: {id: example-runbook, status: assumed, where: "Dwell", paraphrase: "twenty days"}
      range: {low: 10d, high: 45d, source: {id: example-runbook, status: assumed, where: "Dwell", paraphrase: "ten to 45 days"}}
    place_reach:
      - when: {place.kind: managed_service}
        ttc_factor: 2
        source: {id: example-guide, status: claimed, where: "Access", paraphrase: "slower"}
)");
  EXPECT_EQ(s.source, "example-guide");
  EXPECT_EQ(s.actor_parameters.at("oc3").at("dwell").source, "example-runbook");
  EXPECT_EQ(s.actor_parameter_ranges.at("oc3").at("dwell").source.id, "example-runbook");
  ASSERT_EQ(s.actor_place_reach.at("oc3").size(), 1u);
  EXPECT_EQ(s.actor_place_reach.at("oc3")[0].source.id, "example-guide");
}

TEST(ScenarioSources, AnUnknownIdIsNamedWithTheOwnOnesSuggested) {
  const std::string e = error_of(std::string(kSources) + stage_citing("example-guid"));
  EXPECT_THAT(e, StartsWith("t.yaml:25:29: error:"));
  EXPECT_THAT(e, HasSubstr("unknown source 'example-guid'"));
  EXPECT_THAT(e, HasSubstr("did you mean 'example-guide'"));
  // Without `sources:`, the scenario's own ids are unknown.
  EXPECT_THAT(error_of(stage_citing("example-guide")), HasSubstr("unknown source 'example-guide'"));
  EXPECT_THAT(
      error_of(std::string("source: example-runbok\n") + kSources + stage_citing("seed-silo")),
      HasSubstr("unknown source 'example-runbok' (did you mean 'example-runbook'?)"));
}

// An id the catalog has is refused at the scenario's entry, naming the catalog's entry.
TEST(ScenarioSources, AnIdOfTheCatalogIsRefused) {
  const std::string e = error_of(R"(sources:
  - id: seed-silo
    title: "My copy of the Silo document"
    publisher: me
    date: "2026"
    url: https://example.invalid/silo
)" + stage_citing("seed-silo"));
  EXPECT_THAT(e, StartsWith("t.yaml:8:9: error: source 'seed-silo' is a catalog source ("));
  EXPECT_THAT(e, HasSubstr("sources.yaml:"));
  EXPECT_THAT(e, HasSubstr("\"Private Post-Training and Inference for Frontier Models\""));
}

TEST(ScenarioSources, ADuplicateIdIsRefused) {
  const std::string e = error_of(std::string(kSources) + R"(  - id: example-guide
    title: "Another guide"
    publisher: Example Cloud
    date: "2026"
    url: https://example.invalid/other
)" + stage_citing("example-guide"));
  EXPECT_THAT(e, StartsWith("t.yaml:19:9: error: duplicate source id 'example-guide' (first at "
                            "line 8)"));
}

// Issue 21, audit 10e: an override that gives the first source the second's id is at fault,
// not the innocent second entry.
TEST(ScenarioSources, ADuplicateIdMadeByAnOverrideNamesTheOverride) {
  const std::string body = std::string(kSources) + stage_citing("example-guide");
  EXPECT_THAT(testing::scenario_error(kHead, body, {"sources[example-guide].id=example-runbook"}),
              StartsWith("--set sources[example-guide].id=example-runbook: error: duplicate "
                         "source id 'example-runbook' (also at line 13)"));
  EXPECT_THAT(testing::scenario_error(kHead, body, {"sources[example-runbook].id=example-guide"}),
              StartsWith("--set sources[example-runbook].id=example-guide: error: duplicate "
                         "source id 'example-guide' (first at line 8)"));
}

TEST(ScenarioSources, EntriesAreCheckedAsTheCatalogsAre) {
  EXPECT_THAT(error_of(R"(sources:
  - id: example-guide
    publisher: Example Cloud
    date: "2025"
    url: https://example.invalid/guide
)" + stage_citing("example-guide")),
              HasSubstr("'title'"));
  EXPECT_THAT(error_of(R"(sources:
  - id: example-guide
    title: "Example"
    publisher: Example Cloud
    date: "2025"
    url: https://example.invalid/guide
    pages: 12
)" + stage_citing("example-guide")),
              HasSubstr("'pages'"));
  EXPECT_THAT(error_of("sources: {id: x}\n" + stage_citing("seed-silo")), HasSubstr("list"));
  // An empty list is no sources.
  EXPECT_EQ(parse("sources: []\n" + stage_citing("seed-silo")).own_catalog, nullptr);
}

}  // namespace
}  // namespace plainsight
