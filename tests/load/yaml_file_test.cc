#include "load/yaml_file.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace plainsight {
namespace {

using ::testing::HasSubstr;

// Parses and returns the error it throws ("" when it parses).
InputError parse_error(const std::string& text) {
  try {
    YamlFile::parse(text, "t.yaml");
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "parsed without error: " << text.substr(0, 80);
  return InputError({}, "");
}

TEST(YamlFile, LocatesNodesOneBased) {
  YamlFile f = YamlFile::parse("a: 1\nb:\n  c: two\n", "t.yaml");
  SourceLocation at = f.at(f.root()["b"]["c"]);
  EXPECT_EQ(at.file, "t.yaml");
  EXPECT_EQ(at.line, 3);
  EXPECT_EQ(at.column, 6);
  EXPECT_EQ(at.str(), "t.yaml:3:6");
}

TEST(YamlFile, EmptyAndCommentOnlyFilesAreErrors) {
  for (const char* text : {"", "# nothing\n", "   \n\n", "---\n", "---\n...\n", "~\n", "null\n"}) {
    InputError e = parse_error(text);
    EXPECT_THAT(e.what(), HasSubstr("t.yaml:1:1: error: the file is empty"));
  }
}

TEST(YamlFile, NulByteIsBinaryDataAtItsLineAndColumn) {
  InputError e = parse_error(std::string("a: 1\nbc: x\0y\n", 12));
  EXPECT_EQ(e.where().line, 2);
  EXPECT_EQ(e.where().column, 6);
  EXPECT_THAT(e.what(), HasSubstr("binary data"));
}

// Columns count characters; the ASCII fast path must not lose the place.
TEST(YamlFile, InvalidUtf8IsAnErrorAtItsCharacter) {
  EXPECT_STREQ(parse_error("a: \xC3\xA9\xC3\xA9\nbb: 12345678901234567890\xFF\n").what(),
               "t.yaml:2:25: error: invalid UTF-8 (byte 0xFF): expected UTF-8 text");
  EXPECT_STREQ(parse_error("a: \xE0\x80\x80\n").what(),
               "t.yaml:1:4: error: invalid UTF-8 (byte 0xE0): expected UTF-8 text")
      << "overlong";
  EXPECT_STREQ(parse_error("a: \xC3").what(),
               "t.yaml:1:4: error: invalid UTF-8 (byte 0xC3): expected UTF-8 text")
      << "cut short at the end";
  EXPECT_NO_THROW(YamlFile::parse("a: \xF0\x9F\x98\x80 \xE2\x82\xAC\n", "t.yaml"));
}

TEST(YamlFile, MalformedYamlSaysWhere) {
  InputError e = parse_error("a: [1, 2\nb: 3\n");
  EXPECT_THAT(e.what(), HasSubstr("malformed YAML"));
  EXPECT_GT(e.where().line, 0);
  EXPECT_GT(e.where().column, 0);
}

// libyaml's problem and context, with what was found where it names only what it expected.
TEST(YamlFile, MalformedYamlSaysWhatAndWhere) {
  EXPECT_STREQ(parse_error("a: {b: 1\n").what(),
               "t.yaml:2:1: error: malformed YAML: did not find expected ',' or '}', found the "
               "end of the file (while parsing a flow mapping started at line 1, column 4)");
  EXPECT_STREQ(parse_error("- a\nb: 1\n").what(),
               "t.yaml:2:1: error: malformed YAML: did not find expected '-' indicator, found 'b' "
               "(while parsing a block collection started at line 1, column 1)");
  EXPECT_STREQ(parse_error("a: 1\nb\n").what(),
               "t.yaml:3:1: error: malformed YAML: could not find expected ':' (while scanning a "
               "simple key started at line 2, column 1)");
  EXPECT_STREQ(parse_error("a: @x\n").what(),
               "t.yaml:1:4: error: malformed YAML: found character '@' that cannot start any "
               "token (while scanning for the next token)");
}

TEST(YamlFile, TabIndentationIsMalformed) {
  InputError e = parse_error("a:\n\tb: 1\n");
  EXPECT_THAT(e.what(), HasSubstr("malformed YAML: found a tab that cannot start any token; YAML "
                                  "indents with spaces, not tabs"));
  EXPECT_EQ(e.where().line, 2);
  EXPECT_EQ(e.where().column, 1);
  EXPECT_NO_THROW(YamlFile::parse("a:\tb\n", "t.yaml")) << "a tab after ':' separates";
}

// yaml-cpp took them as text; libyaml rejects them, at their place.
TEST(YamlFile, ControlCharactersAreMalformed) {
  EXPECT_STREQ(parse_error("a: 1\nb: x\x01y\n").what(),
               "t.yaml:2:5: error: malformed YAML: control characters are not allowed (U+0001)");
}

TEST(YamlFile, AnAliasNeedsAnEarlierCompleteAnchor) {
  EXPECT_STREQ(parse_error("a: *x\nb: &x 1\n").what(),
               "t.yaml:1:4: error: malformed YAML: alias '*x' before any anchor '&x'");
  EXPECT_STREQ(parse_error("a: &x [1, *x]\n").what(),
               "t.yaml:1:11: error: malformed YAML: alias '*x' inside the node it names: a "
               "scenario cannot contain itself");
}

TEST(YamlFile, FlowNestingIsLimited) {
  const std::string ok = "a: " + std::string(kMaxYamlDepth, '[') + std::string(kMaxYamlDepth, ']');
  EXPECT_NO_THROW(YamlFile::parse(ok, "t.yaml"));
  InputError e = parse_error("a: " + std::string(10000, '['));
  EXPECT_THAT(e.what(), HasSubstr("nesting deeper than"));
  EXPECT_EQ(e.where().line, 1);
  EXPECT_EQ(e.where().column, 4 + kMaxYamlDepth);
}

TEST(YamlFile, BlockNestingIsLimited) {
  std::string deep = "a:\n";
  for (int i = 1; i < 200; ++i) deep += std::string(2 * i, ' ') + "k:\n";
  InputError e = parse_error(deep);
  EXPECT_THAT(e.what(), HasSubstr("nesting deeper than"));
  InputError d = parse_error("a:\n" + [] {
    std::string s;
    for (int i = 0; i < 5000; ++i) s += "- ";
    return s + "x\n";
  }());
  EXPECT_THAT(d.what(), HasSubstr("nesting deeper than"));
}

TEST(YamlFile, BracketsInsideQuotesAreNotNesting) {
  EXPECT_NO_THROW(YamlFile::parse("a: \"" + std::string(500, '[') + "\"\n", "t.yaml"));
  EXPECT_NO_THROW(YamlFile::parse("a: '" + std::string(500, '{') + "'\n", "t.yaml"));
}

TEST(YamlFile, AliasBombDoesNotExpand) {
  // Aliases share the anchored node: parsing nine levels of nine-fold aliases is cheap.
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    // fmt, not string +: GCC 12 warns -Wrestrict (a false positive) on "a" + to_string().
    text += fmt::format("a{0}: &a{0} [", i);
    for (int j = 0; j < 9; ++j) text += fmt::format("{}*a{}", j ? ", " : "", i - 1);
    text += "]\n";
  }
  YamlFile f = YamlFile::parse(text, "t.yaml");
  EXPECT_TRUE(f.root()["a9"].IsSequence());
}

// Bug fixed: a '#' only skipped itself, so a quote in a comment turned the depth check off
// for the rest of the file and brackets in comments counted as nesting.
TEST(YamlFile, CommentsDoNotConfuseTheDepthCheck) {
  EXPECT_NO_THROW(YamlFile::parse("# " + std::string(100, '[') + "\na: 1\n", "t.yaml"));
  EXPECT_NO_THROW(YamlFile::parse("a: 1  # {{{{" + std::string(100, '{') + "\n", "t.yaml"));
  InputError e = parse_error("# a 3.5\" drive\na: " + std::string(100, '[') + "\n");
  EXPECT_THAT(e.what(), HasSubstr("t.yaml:2:68: error: nesting deeper than"));
  // '#' inside a word or a quoted string is not a comment.
  YamlFile f = YamlFile::parse("a: x#y\nb: '# no'\n", "t.yaml");
  EXPECT_EQ(f.root()["a"].Scalar(), "x#y");
  EXPECT_EQ(f.root()["b"].Scalar(), "# no");
}

// Bug fixed: a second document was silently ignored.
TEST(YamlFile, OneDocumentPerFile) {
  InputError e = parse_error("a: 1\n---\nb: 2\n");
  EXPECT_THAT(e.what(), HasSubstr("t.yaml:3:1: error: a second YAML document"));
  // Named at its '---' when it has no content or content that does not parse.
  EXPECT_THAT(parse_error("a: 1\n---\n").what(), HasSubstr("t.yaml:2:1: error: a second YAML"));
  EXPECT_THAT(parse_error("a: 1\n--- ]\n").what(), HasSubstr("t.yaml:2:1: error: a second YAML"));
  EXPECT_THAT(parse_error("---\n---\na: 1\n").what(),
              HasSubstr("t.yaml:3:1: error: a second YAML"));
  // After '...', libyaml wants '---'; content without it is a second document too.
  EXPECT_THAT(parse_error("a: 1\n...\nb: 2\n").what(),
              HasSubstr("t.yaml:3:1: error: a second YAML document"));
  EXPECT_NO_THROW(YamlFile::parse("---\na: 1\n", "t.yaml"));
  EXPECT_NO_THROW(YamlFile::parse("a: 1\n...\n", "t.yaml"));
}

class YamlFileOnDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("plainsight-yaml-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(YamlFileOnDisk, MissingFileCannotBeRead) {
  try {
    YamlFile::load(dir_ / "nope.yaml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("nope.yaml: error: cannot read"));
  }
}

TEST_F(YamlFileOnDisk, OversizedFileIsRejectedBeforeReading) {
  auto big = dir_ / "big.yaml";
  std::ofstream(big) << "a: 1\n";
  std::filesystem::resize_file(big, kMaxYamlBytes + 1);  // sparse: costs no disk
  try {
    YamlFile::load(big);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("the limit is"));
  }
}

TEST_F(YamlFileOnDisk, LoadKeepsThePathAsTheName) {
  auto p = dir_ / "ok.yaml";
  std::ofstream(p) << "a: 1\n";
  YamlFile f = YamlFile::load(p);
  EXPECT_EQ(f.name(), p.string());
  EXPECT_EQ(f.at(f.root()["a"]).str(), p.string() + ":1:4");
}

}  // namespace
}  // namespace plainsight
