#include "load/yaml_tree.h"

#include <string>

#include <gtest/gtest.h>

#include "load/yaml_file.h"

namespace plainsight {
namespace {

YamlFile parse(const std::string& text) { return YamlFile::parse(text, "t.yaml"); }

TEST(YamlTree, AliasesShareTheAnchoredNode) {
  YamlFile f = parse("a: &x {k: v}\nb: *x\nc: &s word\nd: *s\n");
  EXPECT_TRUE(f.root()["a"].is(f.root()["b"]));
  EXPECT_TRUE(f.root()["c"].is(f.root()["d"]));
  EXPECT_EQ(f.root()["b"]["k"].Scalar(), "v");
  // The alias keeps the anchor's mark: errors on it point at the one place it is written.
  EXPECT_EQ(f.at(f.root()["d"]).str(), "t.yaml:3:4");
}

// An alias names the latest anchor of that name whose node starts before it.
TEST(YamlTree, AnAliasNamesTheLatestAnchor) {
  YamlFile f = parse("a: &x [1]\nb: &x two\nc: *x\nd: &y [&y 3, 4]\ne: *y\n");
  EXPECT_EQ(f.root()["c"].Scalar(), "two");
  EXPECT_EQ(f.root()["e"].Scalar(), "3") << "the inner anchor starts later than the outer";
}

TEST(YamlTree, AliasBombCostsOneNodePerAlias) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    const std::string n = std::to_string(i), prev = std::to_string(i - 1);
    text.append("a").append(n).append(": &a").append(n).append(" [");
    for (int j = 0; j < 9; ++j) text.append(j ? ", *a" : "*a").append(prev);
    text.append("]\n");
  }
  YamlFile f = parse(text);
  const YamlNode a9 = f.root()["a9"];
  ASSERT_EQ(a9.size(), 9u);
  EXPECT_TRUE(a9[0].is(a9[8]));
  EXPECT_TRUE(a9[0].is(f.root()["a8"]));
}

TEST(YamlTree, PlainNullWordsAreNullQuotedOnesAreText) {
  for (const char* word : {"", "~", "null", "Null", "NULL"}) {
    YamlFile f = parse(std::string("a: ") + word + "\nb: 1\n");
    EXPECT_TRUE(f.root()["a"].IsNull()) << "'" << word << "'";
    EXPECT_FALSE(f.root()["a"].IsScalar()) << "'" << word << "'";
    EXPECT_TRUE(f.root()["a"]) << "a null is still a defined node";
  }
  YamlFile f = parse("a: 'null'\nb: \"~\"\nc: !!str null\nd: nul\ne: nULL\nf: ''\n");
  for (const char* key : {"a", "b", "c", "d", "e", "f"})
    EXPECT_TRUE(f.root()[key].IsScalar()) << key;
  EXPECT_EQ(f.root()["a"].Scalar(), "null");
  EXPECT_EQ(f.root()["b"].Scalar(), "~");
  EXPECT_EQ(f.root()["f"].Scalar(), "");
  YamlFile list = parse("a:\n  -\n  - x\n");
  EXPECT_TRUE(list.root()["a"][0].IsNull());
  EXPECT_EQ(list.root()["a"][1].Scalar(), "x");
}

TEST(YamlTree, MarksAreZeroBasedWithByteOffsets) {
  YamlFile f = parse("a: 1\nb:\n  c: two\n");
  const YamlMark m = f.root()["b"]["c"].Mark();
  EXPECT_EQ(m.line, 2);
  EXPECT_EQ(m.column, 5);
  EXPECT_EQ(m.offset, 13u);
  EXPECT_EQ(f.root()["b"].Mark().line, 2) << "a block mapping starts at its first key";
  // Columns count characters, offsets count bytes.
  YamlFile u = parse("\xC3\xA9: x\nb: y\n");
  EXPECT_EQ(u.root()["\xC3\xA9"].Mark().column, 3);
  EXPECT_EQ(u.root()["\xC3\xA9"].Mark().offset, 4u);
  EXPECT_EQ(u.root()["b"].Mark().offset, 9u);
  EXPECT_EQ(u.at(u.root()["b"]).str(), "t.yaml:2:4");
  YamlFile crlf = parse("\xC3\xA9: x\r\nb: y\r\n");
  EXPECT_EQ(crlf.root()["b"].Mark().offset, 10u);
  EXPECT_EQ(crlf.at(crlf.root()["b"]).str(), "t.yaml:2:4");
}

TEST(YamlTree, TagsAreResolvedOrNonSpecific) {
  YamlFile f = parse("a: plain\nb: 'quoted'\nc: !!str 12\ne: [1]\nf: !!seq [1]\ng: !!map {}\n");
  EXPECT_EQ(f.root()["a"].Tag(), "?");
  EXPECT_EQ(f.root()["b"].Tag(), "!");
  EXPECT_EQ(f.root()["c"].Tag(), "tag:yaml.org,2002:str");
  EXPECT_EQ(f.root()["c"].Scalar(), "12");
  EXPECT_EQ(f.root()["e"].Tag(), "?");
  EXPECT_EQ(f.root()["f"].Tag(), "tag:yaml.org,2002:seq");
}

// Bug fixed: tags were kept and then ignored, so !!python/object or !!map on a list read as
// if they were not there.
TEST(YamlTree, TagsOtherThanTheNodesOwnAreRefused) {
  auto error = [](const std::string& text) {
    try {
      parse(text);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("parsed");
  };
  EXPECT_EQ(error("a: !!python/object x\n"),
            "t.yaml:1:4: error: YAML tag '!!python/object' is not supported: the file is plain "
            "data (drop the tag; only !!str, !!seq and !!map are accepted, on the node they name)");
  EXPECT_EQ(error("a: !local x\n").substr(0, 33), "t.yaml:1:4: error: YAML tag '!loc");
  EXPECT_EQ(error("a: !!map [1]\n"), "t.yaml:1:4: error: malformed YAML: tag '!!map' on a list");
  EXPECT_EQ(error("a: !!str [1]\n"), "t.yaml:1:4: error: malformed YAML: tag '!!str' on a list");
  EXPECT_EQ(error("a: !!int 3\n").substr(0, 35), "t.yaml:1:4: error: YAML tag '!!int'");
  EXPECT_EQ(error("!!seq\na: 1\n"), "t.yaml:1:1: error: malformed YAML: tag '!!seq' on a mapping");
  EXPECT_EQ(error("!!map\na: 1\n"), "parsed");
}

// An alias is the anchored node, but a message about the item it makes points at the alias.
TEST(YamlTree, ItemLocationsNameTheAlias) {
  YamlFile f = parse("a: &x {k: v}\nl:\n  - 1\n  - *x\n");
  EXPECT_EQ(f.at_item(f.root()["l"], 0).str(), "t.yaml:3:5");
  EXPECT_EQ(f.at_item(f.root()["l"], 1).str(), "t.yaml:4:5");
  EXPECT_EQ(f.at(f.root()["l"][1]).str(), "t.yaml:1:4") << "the node itself is the anchor's";
}

TEST(YamlTree, SequencesAndMapsByIndex) {
  YamlFile f = parse("s: [a, b, c]\nm: {x: 1, y: 2}\n");
  std::string joined;
  for (const YamlNode& n : f.root()["s"]) joined += n.Scalar();
  EXPECT_EQ(joined, "abc");
  EXPECT_EQ(f.root()["s"].size(), 3u);
  EXPECT_EQ(f.root()["s"][2].Scalar(), "c");
  EXPECT_FALSE(f.root()["s"][3]);
  const YamlNode m = f.root()["m"];
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m.key(1).Scalar(), "y");
  EXPECT_EQ(m.value(1).Scalar(), "2");
  EXPECT_EQ(m.begin(), m.end()) << "a map does not iterate as a list";
}

TEST(YamlTree, MissingNodesAreUndefined) {
  YamlFile f = parse("a: 1\n");
  const YamlNode missing = f.root()["b"];
  EXPECT_FALSE(missing);
  EXPECT_FALSE(missing.IsNull());
  EXPECT_FALSE(missing.IsScalar());
  EXPECT_EQ(missing.size(), 0u);
  EXPECT_FALSE(f.root()["a"]["x"]) << "a scalar has no keys";
  EXPECT_FALSE(f.root()["a"][0]) << "a scalar has no elements";
  EXPECT_FALSE(YamlNode());
}

TEST(YamlTree, SetReplacesAValueOrAppendsAKeyWithoutMarks) {
  YamlFile f = parse("a: 1\nm: {x: 1}\nn: ~\n");
  YamlTree& t = f.tree();
  const std::string_view before = f.root()["a"].Scalar();
  const std::uint32_t v = t.new_scalar("2");
  t.set(f.root()["m"].index(), "x", v);
  EXPECT_EQ(f.root()["m"]["x"].Scalar(), "2");
  EXPECT_TRUE(f.root()["m"]["x"].Mark().is_null());
  EXPECT_EQ(f.root()["m"].size(), 1u);

  std::uint32_t key = YamlTree::kNone;
  t.set(f.root()["m"].index(), "y", t.new_scalar("3"), &key);
  EXPECT_EQ(f.root()["m"].size(), 2u);
  EXPECT_EQ(f.root()["m"]["y"].Scalar(), "3");
  EXPECT_EQ(t.node(key).Scalar(), "y");
  EXPECT_TRUE(t.node(key).Mark().is_null());
  EXPECT_EQ(f.root()["m"]["x"].Scalar(), "2") << "earlier entries survive the move";

  // A null becomes a mapping, as yaml-cpp's operator[] made it.
  t.set(f.root()["n"].index(), "k", t.new_scalar("v"));
  EXPECT_TRUE(f.root()["n"].IsMap());
  EXPECT_EQ(f.root()["n"]["k"].Scalar(), "v");

  // Text stays where it was as more is added.
  for (int i = 0; i < 100000; ++i) t.new_scalar("some more text to fill blocks");
  EXPECT_EQ(before, "1");
  EXPECT_EQ(f.root()["a"].Scalar().data(), before.data());
}

TEST(YamlTree, NodesSurviveMovingTheFile) {
  YamlFile f = parse("a: {b: c}\n");
  const YamlNode b = f.root()["a"];
  YamlFile moved = std::move(f);
  EXPECT_EQ(b["b"].Scalar(), "c");
  EXPECT_TRUE(b.is(moved.root()["a"]));
}

}  // namespace
}  // namespace plainsight
