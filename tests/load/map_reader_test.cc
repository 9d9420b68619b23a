#include "load/map_reader.h"

#include <cmath>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/quantity.h"

namespace plainsight {
namespace {

using ::testing::HasSubstr;

// Runs `f` on a reader over `text` and returns what() of the InputError it throws.
template <class F>
std::string error_of(const std::string& text, F f) {
  YamlFile file = YamlFile::parse(text, "m.yaml");
  try {
    MapReader r(file, file.root(), "stage");
    f(r);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(MapReader, UnknownKeySuggestsTheAllowedOne) {
  EXPECT_EQ(error_of("id: a\nduraton: 2s\n",
                     [](MapReader& r) {
                       r.allow({"id", "duration"});
                     }),
            "m.yaml:2:1: error: stage: unknown key 'duraton' (did you mean 'duration'?)");
  EXPECT_EQ(error_of("zzz: 1\n",
                     [](MapReader& r) {
                       r.allow({"id", "duration"});
                     }),
            "m.yaml:1:1: error: stage: unknown key 'zzz'");
}

TEST(MapReader, DuplicateKeyNamesTheFirst) {
  EXPECT_EQ(error_of("a: 1\nb: 2\na: 3\n", [](MapReader&) {}),
            "m.yaml:3:1: error: stage: duplicate key 'a' (first at line 1)");
}

TEST(MapReader, NonScalarKeysAreRejected) {
  EXPECT_THAT(error_of("[a, b]: 1\n", [](MapReader&) {}), HasSubstr("keys must be plain words"));
}

TEST(MapReader, NotAMappingSaysWhatItGot) {
  YamlFile file = YamlFile::parse("- a\n- b\n", "m.yaml");
  try {
    MapReader r(file, file.root(), "scenario");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "m.yaml:1:1: error: scenario: expected a mapping of keys to values, got a list");
  }
}

TEST(MapReader, WrongTypesSayWhatWasExpected) {
  EXPECT_EQ(error_of("name: [a, b]\n", [](MapReader& r) { r.str("name"); }),
            "m.yaml:1:7: error: stage: 'name': expected a value, got a list");
  EXPECT_EQ(error_of("name: {a: b}\n", [](MapReader& r) { r.str("name"); }),
            "m.yaml:1:7: error: stage: 'name': expected a value, got a mapping");
  EXPECT_THAT(error_of("tags: x\n", [](MapReader& r) { r.str_list("tags"); }),
              HasSubstr("m.yaml:1:7: error: stage: 'tags': expected a list, got 'x'"));
  EXPECT_THAT(error_of("tags: [a, [b]]\n", [](MapReader& r) { r.str_list("tags"); }),
              HasSubstr("m.yaml:1:11: error: stage: 'tags' item: expected a value, got a list"));
  EXPECT_THAT(error_of("attributes: [a]\n", [](MapReader& r) { r.str_map("attributes"); }),
              HasSubstr("expected a mapping of keys to values, got a list"));
}

TEST(MapReader, MissingRequiredKeyPointsAtTheMapping) {
  EXPECT_EQ(error_of("\n  a: 1\n", [](MapReader& r) { r.str("id"); }),
            "m.yaml:2:3: error: stage: missing required key 'id'");
}

TEST(MapReader, IdsAreLowerCaseWords) {
  YamlFile file = YamlFile::parse("a: gpu_h100-x.1\nb: H100\nc: 'a b'\n", "m.yaml");
  MapReader r(file, file.root(), "stage");
  EXPECT_EQ(r.id("a"), "gpu_h100-x.1");
  EXPECT_THROW(r.id("b"), InputError);
  EXPECT_THROW(r.id("c"), InputError);
}

TEST(MapReader, NumbersAreCheckedForRange) {
  YamlFile file = YamlFile::parse("a: 70e9\nb: 0\nc: seven\nd: 12GB\n", "m.yaml");
  MapReader r(file, file.root(), "asset");
  EXPECT_DOUBLE_EQ(r.number("a", 1, 1e15), 70e9);
  EXPECT_DOUBLE_EQ(r.number_or("missing", 5, 1, 10), 5);
  try {
    r.number("b", 1, 1e15);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("m.yaml:2:4: error: asset: 'b' is 0; expected between 1 and"));
  }
  EXPECT_THROW(r.number("c", 0, 10), InputError);
  EXPECT_THROW(r.number("d", 0, 1e18), InputError) << "a unit is not a plain number";
}

// Bug fixed: shards, nodes and GPUs per node were read as numbers and truncated, so
// 'shards: 2.5' silently meant 2.
TEST(MapReader, IntegersAreWhole) {
  YamlFile file = YamlFile::parse("a: 8\nb: 2.5\nc: 1e3\n", "m.yaml");
  MapReader r(file, file.root(), "stage");
  EXPECT_EQ(r.integer("a", 1, 10), 8);
  EXPECT_EQ(r.integer("c", 1, 10000), 1000);
  EXPECT_EQ(r.integer_or("missing", 3, 1, 10), 3);
  try {
    r.integer("b", 1, 10);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "m.yaml:2:4: error: stage: 'b' expected a whole number, got '2.5'");
  }
  EXPECT_THROW(r.integer("a", 1, 4), InputError);
}

TEST(MapReader, OnOff) {
  YamlFile file = YamlFile::parse("a: on\nb: false\nc: yes\nd: maybe\n", "m.yaml");
  MapReader r(file, file.root(), "platform");
  EXPECT_TRUE(r.on_off_or("a", false));
  EXPECT_FALSE(r.on_off_or("b", true));
  EXPECT_TRUE(r.on_off_or("c", false));
  EXPECT_TRUE(r.on_off_or("missing", true));
  try {
    r.on_off_or("d", false);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "m.yaml:4:4: error: platform: 'd' expected on or off, got 'maybe'");
  }
}

TEST(MapReader, QuantitiesWithUnits) {
  YamlFile file =
      YamlFile::parse("s: 140GB\nt: 250ms\nb: 400Gb/s\nr: 12/y\nplain: 4096\n", "m.yaml");
  MapReader r(file, file.root(), "stage");
  EXPECT_DOUBLE_EQ(r.bytes("s"), 140e9);
  EXPECT_DOUBLE_EQ(r.duration("t"), 0.25);
  EXPECT_DOUBLE_EQ(r.bandwidth("b"), 50e9);
  EXPECT_DOUBLE_EQ(r.rate("r"), 12 / (365.25 * 86400));
  EXPECT_DOUBLE_EQ(r.bytes("plain"), 4096);
}

TEST(MapReader, NegativeZeroAndAbsurdQuantities) {
  EXPECT_EQ(error_of("s: -140GB\n", [](MapReader& r) { r.bytes("s"); }),
            "m.yaml:1:4: error: stage: 's' is -140GB; a size must be positive");
  EXPECT_EQ(error_of("t: 0s\n", [](MapReader& r) { r.duration("t"); }),
            "m.yaml:1:4: error: stage: 't' is 0s; a duration must be positive");
  EXPECT_EQ(error_of("s: 2EB\n", [](MapReader& r) { r.bytes("s"); }),
            "m.yaml:1:4: error: stage: 's': unknown unit 'EB' in '2EB': expected a size (e.g. "
            "140GB, 512MiB; KiB = 1024 B, kB = 1000 B)");
  EXPECT_THAT(error_of("s: 5000PB\n", [](MapReader& r) { r.bytes("s"); }),
              HasSubstr("beyond any plausible size"));
  EXPECT_THAT(error_of("t: 101y\n", [](MapReader& r) { r.duration("t"); }),
              HasSubstr("beyond any plausible duration"));
  EXPECT_THAT(error_of("t: 2\n", [](MapReader& r) { r.duration("t"); }),
              HasSubstr("'2' has no unit"));
  EXPECT_THAT(error_of("b: 10Gbit\n", [](MapReader& r) { r.bandwidth("b"); }),
              HasSubstr("unknown unit 'Gbit'"));
  EXPECT_THAT(error_of("t: .inf s\n", [](MapReader& r) { r.duration("t"); }),
              HasSubstr("m.yaml:1:4"));
  EXPECT_THAT(error_of("t: nan s\n", [](MapReader& r) { r.duration("t"); }),
              HasSubstr("m.yaml:1:4"));
}

// Bug fixed: below-range values went through (1e-30B, 1e-300s, a bandwidth of 1e-300 B/s)
// and made windows of "0 ns" or "inf y" in the reports.
TEST(MapReader, QuantitiesBelowAnyPlausibleValue) {
  EXPECT_EQ(error_of("s: 1e-30B\n", [](MapReader& r) { r.bytes("s"); }),
            "m.yaml:1:4: error: stage: 's' is 1e-30B; a size must be at least 1 B");
  EXPECT_EQ(error_of("t: 1e-300s\n", [](MapReader& r) { r.duration("t"); }),
            "m.yaml:1:4: error: stage: 't' is 1e-300s; a duration must be at least 1 ns");
  EXPECT_EQ(error_of("b: 1e-300B/s\n", [](MapReader& r) { r.bandwidth("b"); }),
            "m.yaml:1:4: error: stage: 'b' is 1e-300B/s; a bandwidth must be at least 1 B/s");
  EXPECT_THAT(error_of("b: 1e17B/s\n", [](MapReader& r) { r.bandwidth("b"); }),
              HasSubstr("beyond any plausible bandwidth (the limit is 10000 TB/s)"));
  EXPECT_THAT(error_of("r: 1e-20/s\n", [](MapReader& r) { r.rate("r"); }),
              HasSubstr("a rate must be at least 1e-12/s"));
  YamlFile ok = YamlFile::parse("s: 1B\nt: 1ns\nb: 1B/s\n", "m.yaml");
  MapReader least(ok, ok.root(), "stage");
  EXPECT_EQ(least.bytes("s"), 1);
  EXPECT_EQ(least.duration("t"), 1e-9);
  EXPECT_EQ(least.bandwidth("b"), 1);
}

TEST(MapReader, CountsAreWhole) {
  EXPECT_EQ(error_of("n: 2.5\n", [](MapReader& r) { r.count("n", 1, 1e9); }),
            "m.yaml:1:4: error: stage: 'n' is a count: expected a whole number, got '2.5'");
  YamlFile ok = YamlFile::parse("n: 3e9\n", "m.yaml");
  MapReader big(ok, ok.root(), "stage");
  EXPECT_EQ(big.count("n", 1, 1e10), 3e9) << "beyond int";
}

// Bug fixed: text reached reports and terminals raw (an ANSI escape, a NUL written "\0").
TEST(MapReader, TextHasNoControlOrInvisibleCharacters) {
  EXPECT_EQ(error_of("t: \"\\e[2J\"\n", [](MapReader& r) { r.str("t"); }),
            "m.yaml:1:4: error: stage: 't' contains an invisible or control character: "
            "'<U+001B>[2J'");
  EXPECT_THAT(error_of("t: \"a\\tb\"\n", [](MapReader& r) { r.str("t"); }),
              HasSubstr("'a<U+0009>b'"));
  // Line breaks are text (block scalars), but not in a name.
  YamlFile f = YamlFile::parse("d: |\n  two\n  lines\n", "m.yaml");
  MapReader block(f, f.root(), "stage");
  EXPECT_EQ(block.str("d"), "two\nlines\n");
  EXPECT_THAT(error_of("d: |\n  two\n  lines\n", [](MapReader& r) { r.name("d"); }),
              HasSubstr("'d' must be one line"));
  EXPECT_EQ(error_of("n: ''\n", [](MapReader& r) { r.name("n"); }),
            "m.yaml:1:4: error: stage: 'n' is empty");
  EXPECT_THAT(error_of("n: " + std::string(300, 'x') + "\n", [](MapReader& r) { r.name("n"); }),
              HasSubstr("'n' is 300 bytes long; the limit is 256"));
}

// Bug fixed: a 129-character id was told it was not lower-case; echoed values are cut.
TEST(MapReader, LongIdsAndValuesInMessages) {
  EXPECT_EQ(error_of("id: " + std::string(129, 'a') + "\n", [](MapReader& r) { r.id("id"); }),
            "m.yaml:1:5: error: stage: 'id' is too long for an id (129 characters; the limit is "
            "128)");
  const std::string e = error_of("n: " + std::string(1 << 20, '7') + "x\n",
                                 [](MapReader& r) { r.number("n", 0, 1); });
  EXPECT_THAT(e, HasSubstr("... (1048577 bytes in all)"));
  EXPECT_LT(e.size(), 300u);
}

// Bug fixed: `<<: *base` got "unknown key '<<' (did you mean 'id'?)".
TEST(MapReader, MergeKeysAreRefusedByName) {
  EXPECT_EQ(error_of("b: &b {x: 1}\nc:\n  <<: *b\n",
                     [](MapReader& r) { MapReader(r.file(), r.node("c"), "stage 'c'"); }),
            "m.yaml:3:3: error: stage 'c': merge keys ('<<') are not supported: write the keys "
            "out (an alias of a whole value works)");
}

TEST(MapReader, FinishRejectsKeysNobodyRead) {
  EXPECT_EQ(error_of("id: a\nmedum: pcie\n",
                     [](MapReader& r) {
                       r.str("id");
                       r.str_or("medium", "");
                       r.finish();
                     }),
            "m.yaml:2:1: error: stage: unknown key 'medum'");
  EXPECT_EQ(error_of("id: a\n",
                     [](MapReader& r) {
                       r.str("id");
                       r.finish();
                     }),
            "(no error)");
}

TEST(MapReader, KeepsKeyOrderAndLocations) {
  YamlFile file = YamlFile::parse("b: 1\na: 2\n", "m.yaml");
  MapReader r(file, file.root(), "x");
  EXPECT_EQ(r.keys(), (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(r.at_key("a").str(), "m.yaml:2:1");
  EXPECT_EQ(r.at_value("a").str(), "m.yaml:2:4");
  EXPECT_EQ(r.at_key("missing").str(), "m.yaml:1:1");
  EXPECT_EQ(r.str_map("nothing").size(), 0u);
}

}  // namespace
}  // namespace plainsight
