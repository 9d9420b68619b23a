#include "report/text_wrap.h"

#include <gtest/gtest.h>

#include <sstream>

#include "report/text_table.h"

namespace plainsight {
namespace {

TEST(TextWrap, WrapsAtSpacesWithinTheWidth) {
  const auto lines = wrap_lines("the quick brown fox jumps over the lazy dog", 10);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0], "the quick");
  EXPECT_EQ(lines[3], "the lazy");
  EXPECT_EQ(lines[4], "dog");
  for (const auto& l : lines) EXPECT_LE(display_width(l), 10u);
}

// A word longer than the line is cut across lines, by code points, never inside one.
TEST(TextWrap, CutsAWordLongerThanTheLineByCodePoints) {
  const auto lines = wrap_lines("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 2);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "\xC3\xA9\xC3\xA9");
  EXPECT_EQ(lines[2], "\xC3\xA9");
}

TEST(TextWrap, ParagraphIndentsItsContinuationLines) {
  EXPECT_EQ(
      wrap_paragraph("alpha beta gamma delta epsilon zeta eta theta iota kappa", 30, "", "  "),
      "alpha beta gamma delta\n  epsilon zeta eta theta iota\n  kappa\n");
}

// A table wider than the width is fitted: every line within it, every word kept.
TEST(TextWrap, TableIsFittedWithEveryWordKept) {
  TextTable t;
  t.header = {"Stage", "Readers"};
  t.rows = {{"Long-term storage",
             "Stolen cloud credentials / key-service rights, Provider "
             "insider, Media theft"}};
  std::ostringstream out;
  t.write_wrapped(out, 40);
  const std::string s = out.str();
  std::string words;
  std::size_t from = 0;
  while (from < s.size()) {
    const std::size_t nl = s.find('\n', from);
    EXPECT_LE(display_width(s.substr(from, nl - from)), 40u) << s;
    from = nl + 1;
  }
  for (const char* w : {"Stolen", "credentials", "key-service", "insider,", "theft"})
    EXPECT_NE(s.find(w), std::string::npos) << w << "\n" << s;
}

// Aligned tables in longer text are laid out again; other long lines wrapped under their
// indent.
TEST(TextWrap, FitsAlignedTablesAndLongLines) {
  const std::string text =
      "Title\n\nA      B\n-----  ------------------------------------------------\nx      " +
      std::string("word ") + std::string(60, 'y') + "\n\n  a long line of words " +
      std::string("and more words ") + "that goes on and on past the width of forty\n";
  const std::string out = fit_plain_text(text, 40);
  std::size_t from = 0;
  while (from < out.size()) {
    const std::size_t nl = out.find('\n', from);
    EXPECT_LE(display_width(out.substr(from, nl - from)), 40u) << out;
    from = nl + 1;
  }
  EXPECT_NE(out.find("\n    that goes on"), std::string::npos) << out;
}

}  // namespace
}  // namespace plainsight
