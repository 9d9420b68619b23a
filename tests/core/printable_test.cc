// Text from input made safe for messages: invisible characters escaped, long values and
// lists cut, and every InputError passed through it.
#include "core/printable.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/input_error.h"
#include "core/limits.h"

namespace plainsight {
namespace {

using ::testing::HasSubstr;

TEST(Printable, VisibleTextIsUnchanged) {
  EXPECT_EQ(printable("plain ascii, 3.5\" drive"), "plain ascii, 3.5\" drive");
  EXPECT_EQ(printable("caf\xC3\xA9 \xE2\x86\x92 \xCE\xBCs"), "caf\xC3\xA9 \xE2\x86\x92 \xCE\xBCs");
  EXPECT_TRUE(is_printable("H100 \xE2\x80\x94 80 GB"));
}

TEST(Printable, InvisibleCharactersAreEscaped) {
  EXPECT_EQ(printable(std::string("a\0b", 3)), "a<U+0000>b");
  EXPECT_EQ(printable("\x1b[31mred"), "<U+001B>[31mred");
  EXPECT_EQ(printable("line\nbreak\ttab\r"), "line<U+000A>break<U+0009>tab<U+000D>");
  EXPECT_EQ(printable("zero\xE2\x80\x8Bwidth"), "zero<U+200B>width");
  EXPECT_EQ(printable("\xEF\xBB\xBF"
                      "bom"),
            "<U+FEFF>bom");
  EXPECT_EQ(printable("rtl\xE2\x80\xAEoverride"), "rtl<U+202E>override");
  EXPECT_EQ(printable("nb\xC2\xA0space"), "nb<U+00A0>space");
  EXPECT_EQ(printable("c1\xC2\x9B"), "c1<U+009B>");
  EXPECT_EQ(printable("del\x7F"), "del<U+007F>");
  EXPECT_FALSE(is_printable("a\nb"));
}

TEST(Printable, BytesThatAreNotUtf8AreShownAsBytes) {
  EXPECT_EQ(printable("a\xFF"
                      "b"),
            "a<0xFF>b");
  EXPECT_EQ(printable("\xC3"), "<0xC3>") << "cut short";
  EXPECT_EQ(printable("\xE0\x80\x80"), "<0xE0><0x80><0x80>") << "overlong";
}

TEST(Printable, EchoCutsLongValues) {
  EXPECT_EQ(echo("short"), "short");
  const std::string big(1 << 20, 'x');
  const std::string e = echo(big);
  EXPECT_EQ(e, std::string(kMaxEchoChars, 'x') + "... (1048576 bytes in all)");
  // Cut between characters, never inside one.
  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "\xC3\xA9";
  EXPECT_EQ(echo(accents, 3), "\xC3\xA9\xC3\xA9\xC3\xA9... (200 bytes in all)");
}

TEST(Printable, ListedNamesTheFirstAndCountsTheRest) {
  EXPECT_EQ(listed({"a", "b"}), "a, b");
  std::vector<std::string> many;
  for (int i = 0; i < 100000; ++i) many.push_back("stage_" + std::to_string(i));
  const std::string l = listed(many);
  EXPECT_THAT(l, HasSubstr("stage_0, stage_1, "));
  EXPECT_THAT(l, HasSubstr(", ... (99980 more)"));
  EXPECT_LT(l.size(), 400u);
}

// Bug fixed: messages printed what the input held raw (a NUL, a newline, an ANSI escape)
// and in full (a 1 MB value).
TEST(Printable, EveryInputErrorIsEscapedAndCapped) {
  const InputError e({"f\x1b.yaml", 3, 4},
                     "unknown key 'a\xE2\x80\x8B"
                     "b'");
  EXPECT_STREQ(e.what(), "f<U+001B>.yaml:3:4: error: unknown key 'a<U+200B>b'");
  EXPECT_EQ(e.message(), "unknown key 'a<U+200B>b'");
  const InputError big({"f.yaml"}, "value '" + std::string(1 << 20, 'v') + "'");
  EXPECT_LT(std::string(big.what()).size(), kMaxMessageChars + 100);
  EXPECT_THAT(big.what(), HasSubstr("more bytes)"));
}

}  // namespace
}  // namespace plainsight
