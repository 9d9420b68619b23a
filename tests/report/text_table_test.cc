#include "report/text_table.h"

#include <gtest/gtest.h>

namespace plainsight {
namespace {

TEST(TextTable, PlainAlignsColumnsAndTrimsTrailingSpace) {
  TextTable t;
  t.header = {"Stage", "State"};
  t.rows = {{"PCIe", "Plaintext"}, {"CPU -> GPU transit", "Encrypted"}};
  EXPECT_EQ(t.plain(),
            "Stage               State\n"
            "------------------  ---------\n"
            "PCIe                Plaintext\n"
            "CPU -> GPU transit  Encrypted\n");
}

TEST(TextTable, PlainCountsCodePointsNotBytes) {
  TextTable t;
  t.header = {"a", "b"};
  t.rows = {{"\xC3\xA9t\xC3\xA9", "x"}, {"abc", "y"}};  // "été": 3 code points, 5 bytes
  EXPECT_EQ(t.plain(),
            "a    b\n"
            "---  -\n"
            "\xC3\xA9t\xC3\xA9  x\n"
            "abc  y\n");
}

TEST(TextTable, ShortRowsArePadded) {
  TextTable t;
  t.header = {"a", "b", "c"};
  t.rows = {{"1"}};
  EXPECT_EQ(t.plain(), "a  b  c\n-  -  -\n1\n");
}

TEST(TextTable, MarkdownEscapesPipesAndNewlines) {
  TextTable t;
  t.header = {"Stage", "Note"};
  t.rows = {{"a|b", "line\nbreak"}};
  EXPECT_EQ(t.markdown(),
            "| Stage | Note |\n"
            "|---|---|\n"
            "| a\\|b | line break |\n");
}

}  // namespace
}  // namespace plainsight
