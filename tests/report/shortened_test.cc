#include "report/shortened.h"

#include <gtest/gtest.h>

namespace plainsight {
namespace {

TEST(Shortened, KeepsTextThatFits) {
  EXPECT_EQ(shortened("Object storage", 14), "Object storage");
  EXPECT_EQ(shortened("", 5), "");
}

TEST(Shortened, CutsAPlainNameAtTheEnd) {
  EXPECT_EQ(shortened("Decrypt inside the confidential VM", 20), "Decrypt inside the \xE2\x80\xA6");
}

// A group's stage keeps the stage whole and cuts the group's name.
TEST(Shortened, KeepsAGroupsStageWhole) {
  const std::string s = shortened("h100 x8, sev_snp, CC on, protected_pcie: Fabric (x 2)", 26);
  EXPECT_EQ(s, "h100 x8, se\xE2\x80\xA6: Fabric (x 2)");
  // A stage name too long for that is cut at the end like any other.
  EXPECT_EQ(shortened("Nodes: A very long stage name indeed", 12), "Nodes: A ve\xE2\x80\xA6");
}

// Characters, not bytes: a multi-byte character is never split.
TEST(Shortened, CountsUtf8Characters) {
  const std::string e = "\xC3\xA9";  // é
  std::string s;
  for (int i = 0; i < 10; ++i) s += e;
  EXPECT_EQ(shortened(s, 10), s);
  EXPECT_EQ(shortened(s, 5), e + e + e + e + "\xE2\x80\xA6");
  EXPECT_EQ(shortened(s, 1), "\xE2\x80\xA6");
  EXPECT_EQ(shortened(s, 0), "");
}

}  // namespace
}  // namespace plainsight
