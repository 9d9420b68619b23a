#include "load/overlay.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "load/map_reader.h"

namespace plainsight {
namespace {

using ::testing::HasSubstr;

const char* kText = R"(name: s
platform:
  gpu: h100
  confidential_mode: off
stages:
  - id: pcie
    duration: 1s
  - id: hbm
    resident: horizon
)";

std::string override_error(const std::string& assignment) {
  YamlFile f = YamlFile::parse(kText, "s.yaml");
  try {
    apply_override(f, assignment);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Overlay, ReplacesAScalar) {
  YamlFile f = YamlFile::parse(kText, "s.yaml");
  apply_override(f, "platform.confidential_mode=on");
  EXPECT_EQ(f.root()["platform"]["confidential_mode"].Scalar(), "on");
  EXPECT_EQ(f.root()["platform"]["gpu"].Scalar(), "h100");
}

TEST(Overlay, AddsAMissingKeyAndMapping) {
  YamlFile f = YamlFile::parse(kText, "s.yaml");
  apply_override(f, "platform.cpu_tee=tdx");
  apply_override(f, "platform.link_encryption.fabric=on");
  EXPECT_EQ(f.root()["platform"]["cpu_tee"].Scalar(), "tdx");
  EXPECT_EQ(f.root()["platform"]["link_encryption"]["fabric"].Scalar(), "on");
}

TEST(Overlay, AddressesListItemsById) {
  YamlFile f = YamlFile::parse(kText, "s.yaml");
  apply_override(f, "stages.pcie.duration=2s");
  apply_override(f, "stages.hbm.shards=8");
  EXPECT_EQ(f.root()["stages"][0]["duration"].Scalar(), "2s");
  EXPECT_EQ(f.root()["stages"][1]["shards"].Scalar(), "8");
  EXPECT_EQ(f.root()["stages"].size(), 2u);
}

// Issue 21, class 9: a list is indexed by id once, not scanned per override. The index
// follows an override that renames an item, and of equal ids the last still wins.
TEST(Overlay, TheIdIndexFollowsRenamesAndKeepsTheLastOfEqualIds) {
  YamlFile f = YamlFile::parse(kText, "s.yaml");
  apply_override(f, "stages.pcie.duration=2s");  // indexes the list
  apply_override(f, "stages.pcie.id=link");
  apply_override(f, "stages.link.duration=3s");
  EXPECT_EQ(f.root()["stages"][0]["duration"].Scalar(), "3s");
  EXPECT_THAT(override_error("stages.link.duration=1s"), HasSubstr("no item with id 'link'"));
  YamlFile twice = YamlFile::parse("stages:\n  - {id: a, n: 1}\n  - {id: a, n: 2}\n", "s.yaml");
  apply_override(twice, "stages.a.n=9");
  EXPECT_EQ(twice.root()["stages"][0]["n"].Scalar(), "1");
  EXPECT_EQ(twice.root()["stages"][1]["n"].Scalar(), "9");
  // Many overrides on a long list each reach their item.
  std::string text = "stages:\n";
  for (int i = 0; i < 5000; ++i) text += "  - {id: s" + std::to_string(i) + ", n: 0}\n";
  YamlFile big = YamlFile::parse(text, "big.yaml");
  for (int i = 0; i < 5000; i += 7)
    apply_override(big, "stages.s" + std::to_string(i) + ".n=" + std::to_string(i));
  for (int i = 0; i < 5000; ++i)
    EXPECT_EQ(big.root()["stages"][static_cast<std::size_t>(i)]["n"].Scalar(),
              i % 7 ? "0" : std::to_string(i));
}

// Keys and mappings an override creates are its own: errors on them name it, not the file
// and not a later override.
TEST(Overlay, CreatedKeysAndMappingsNameTheirOverride) {
  YamlFile f = YamlFile::parse(kText, "s.yaml");
  apply_override(f, "platform.link_encryption.fabrik=on");
  apply_override(f, "platform.nodes=2");
  const YamlNode le = f.root()["platform"]["link_encryption"];
  EXPECT_EQ(f.at(le).str(), "--set platform.link_encryption.fabrik=on");
  MapReader r(f, le, "platform link_encryption");
  try {
    r.allow({"fabric"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "--set platform.link_encryption.fabrik=on: error: platform link_encryption: "
                 "unknown key 'fabrik' (did you mean 'fabric'?)");
  }
  EXPECT_EQ(f.at(f.root()["platform"]["gpu"]).str(), "s.yaml:3:8");
}

// An empty value on the way becomes a mapping.
TEST(Overlay, ReplacesAnEmptyValueOnTheWayWithAMapping) {
  YamlFile f = YamlFile::parse("name: s\nplatform:\n", "s.yaml");
  apply_override(f, "platform.gpu=h100");
  EXPECT_EQ(f.root()["platform"]["gpu"].Scalar(), "h100");
  EXPECT_EQ(f.at(f.root()["platform"]).str(), "--set platform.gpu=h100");
}

TEST(Overlay, ValueMayContainEquals) {
  YamlFile f = YamlFile::parse(kText, "s.yaml");
  apply_override(f, "name=a=b");
  EXPECT_EQ(f.root()["name"].Scalar(), "a=b");
}

TEST(Overlay, MalformedAssignments) {
  EXPECT_EQ(override_error("platform.gpu"),
            "--set platform.gpu: error: expected KEY=VALUE, e.g. platform.confidential_mode=on");
  EXPECT_THAT(override_error("=on"), HasSubstr("expected KEY=VALUE"));
  EXPECT_EQ(override_error("platform..gpu=h100"),
            "--set platform..gpu=h100: error: empty segment in key 'platform..gpu'");
  EXPECT_THAT(override_error("platform.=x"), HasSubstr("empty segment"));
}

// Bug fixed: a key of 40,000 segments took quadratic time and 4 GiB (every node it created
// kept its own copy of the whole override).
TEST(Overlay, KeysAreLimitedInLengthAndSegments) {
  std::string deep;
  for (int i = 0; i < 40000; ++i) deep += "a.";
  EXPECT_THAT(override_error(deep + "b=1"),
              HasSubstr("error: the key is 80001 bytes long; the limit is 1024"));
  std::string segments = "platform";
  for (int i = 0; i < 64; ++i) segments += ".x";
  EXPECT_THAT(override_error(segments + "=1"), HasSubstr("the key has more than 64 segments"));
  segments.resize(segments.size() - 2);
  EXPECT_THAT(override_error(segments + "=1"), HasSubstr("(no error)"));
  // The override is named cut short in messages: a value can be a megabyte.
  const std::string e = override_error("platform.gpu.x=" + std::string(1 << 20, 'v'));
  EXPECT_THAT(e, HasSubstr("--set platform.gpu.x=vvvv"));
  EXPECT_THAT(e, HasSubstr("bytes in all): error: 'platform.gpu.x' is a value, not a mapping"));
  EXPECT_LT(e.size(), 400u);
}

TEST(Overlay, PathThroughAValue) {
  EXPECT_EQ(override_error("platform.gpu.x=1"),
            "--set platform.gpu.x=1: error: 'platform.gpu.x' is a value, not a mapping");
  EXPECT_EQ(override_error("platform=on"),
            "--set platform=on: error: 'platform' is a mapping, not a value");
  EXPECT_EQ(override_error("stages=none"),
            "--set stages=none: error: 'stages' is a list, not a value");
  EXPECT_EQ(override_error("stages.pcie=2s"),
            "--set stages.pcie=2s: error: 'stages.pcie' is a list item, not a value");
}

// Bug fixed: an unknown list id was silently ignored (a default YAML::Node is a defined
// null, so the "not found" test never fired) and the run went on without the override.
TEST(Overlay, UnknownListIdIsAnError) {
  EXPECT_EQ(override_error("stages.nope.duration=2s"),
            "--set stages.nope.duration=2s: error: no item with id 'nope' in 'stages.nope'");
  EXPECT_EQ(override_error("stages.nope=2s"),
            "--set stages.nope=2s: error: no item with id 'nope' in 'stages.nope'");
}

// Bug fixed: a replaced value kept the mark of the value it replaced, so an error in it
// pointed at a line of the file that does not hold that value.
TEST(Overlay, ErrorsInAnOverriddenValueNameTheOverride) {
  YamlFile f = YamlFile::parse(kText, "s.yaml");
  apply_override(f, "platform.gpu=H100");
  apply_override(f, "platform.confidential_mode=on");
  MapReader r(f, f.root()["platform"], "platform");
  try {
    r.id("gpu");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "--set platform.gpu=H100") << "not the last override";
    EXPECT_THAT(e.what(), HasSubstr("got 'H100'"));
  }
  // Values the overrides did not touch keep their place in the file.
  EXPECT_EQ(f.at(f.root()["stages"][0]["duration"]).str(), "s.yaml:7:15");
}

}  // namespace
}  // namespace plainsight

namespace plainsight {
namespace {

const char* kDotted = R"(name: s
platform: {gpu: h100, cpu_tee: none}
stages:
  - {id: n0.ckpt, duration: 1s}
  - {id: n1, duration: 3s}
  - {id: n2.fabric, duration: 1s}
  - {id: n2.ckpt, duration: 1s}
groups:
  - id: cc
    platform: {cpu_tee: sev_snp}
    stages:
      - {id: g0.pcie, duration: 1s}
  - id: plain
    stages:
      - {id: hbm, resident: horizon}
)";

std::string dotted_error(const std::string& assignment) {
  YamlFile f = YamlFile::parse(kDotted, "s.yaml");
  try {
    apply_override(f, assignment);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

// Generated clusters have ids with dots: `stages[n0.ckpt]` names the item whole.
TEST(Overlay, BracketsNameAnItemWhoseIdHasDots) {
  YamlFile f = YamlFile::parse(kDotted, "s.yaml");
  apply_override(f, "stages[n0.ckpt].duration=5s");
  EXPECT_EQ(f.root()["stages"][0]["duration"].Scalar(), "5s");
  EXPECT_EQ(f.root()["stages"][1]["duration"].Scalar(), "3s");  // n1 untouched
  apply_override(f, "groups[cc].stages[g0.pcie].duration=7s");
  EXPECT_EQ(f.root()["groups"][0]["stages"][0]["duration"].Scalar(), "7s");
  apply_override(f, "groups.plain.stages[hbm].resident=2d");  // dots and brackets mix
  EXPECT_EQ(f.root()["groups"][1]["stages"][0]["resident"].Scalar(), "2d");
  // Without brackets a segment is an id, and the message says how to name one with dots.
  EXPECT_THAT(dotted_error("stages.n0.ckpt.duration=5s"),
              HasSubstr("error: no item with id 'n0' in 'stages.n0'; an id with dots goes in "
                        "brackets: stages[n0.ckpt]"));
  EXPECT_THAT(dotted_error("groups[cc].stages.g0.pcie.duration=5s"),
              HasSubstr("brackets: groups[cc].stages[g0.pcie]"));
  // The suggestion is the id the following segments spell, not the first with that prefix.
  EXPECT_THAT(dotted_error("stages.n2.ckpt.duration=5s"),
              HasSubstr("brackets: stages[n2.ckpt].duration"));
}

TEST(Overlay, MalformedBrackets) {
  EXPECT_THAT(dotted_error("stages[n0.ckpt.duration=5s"), HasSubstr("'[' without a closing ']'"));
  EXPECT_THAT(dotted_error("stages[].duration=5s"), HasSubstr("expected an id between"));
  EXPECT_THAT(dotted_error("stages]x.duration=5s"), HasSubstr("']' without '['"));
  EXPECT_THAT(dotted_error("stages[n0]duration=5s"), HasSubstr("expected '.' or '[' after ']'"));
  EXPECT_THAT(dotted_error("platform[gpu]=b200"),
              HasSubstr("[gpu] names a list item, but this is not a list"));
  EXPECT_THAT(dotted_error("stages[n9].duration=5s"), HasSubstr("no item with id 'n9'"));
}

// A platform key is set on the scenario's platform only: a group that states the key itself
// keeps it (pinned; the loader applies `platform.*` to every place of ours that does not).
TEST(Overlay, PlatformKeysLeaveWhatGroupsStateThemselves) {
  YamlFile f = YamlFile::parse(kDotted, "s.yaml");
  apply_override(f, "platform.cpu_tee=tdx");
  EXPECT_EQ(f.root()["platform"]["cpu_tee"].Scalar(), "tdx");
  EXPECT_NE(f.root()["groups"][0]["platform"]["cpu_tee"].Scalar(), "tdx");
  EXPECT_FALSE(f.root()["groups"][1]["platform"]);
}

// Brackets keep the limits on keys: a long id counts its bytes.
TEST(Overlay, BracketedKeysKeepTheLimits) {
  EXPECT_THAT(dotted_error("stages[" + std::string(1100, 'a') + "].duration=1s"),
              HasSubstr("the limit is 1024"));
  std::string segments = "stages[n0.ckpt]";
  for (int i = 0; i < 64; ++i) segments += ".x";
  EXPECT_THAT(dotted_error(segments + "=1"), HasSubstr("the key has more than 64 segments"));
}

}  // namespace
}  // namespace plainsight
