// The Markdown report: a scenario's text stays text, whatever it starts with or names.
#include <sstream>

#include <gtest/gtest.h>

#include "report/render.h"
#include "report_support.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

// Issue 21, class 3: a description beginning "# " rendered as a heading, and bare URLs as
// links GitHub made.
TEST(MarkdownReport, ADescriptionStaysAParagraph) {
  const Analysis a = analysis_of(
      "aws-frontier", {"description=# Owned: see https://evil.example or www.evil.example",
                       "stages.pcie.name=- Not a list item"});
  std::ostringstream out;
  render_markdown(out, a);
  const std::string md = out.str();
  EXPECT_NE(md.find("\n\\# Owned: see https<span></span>://evil.example or "
                    "<span></span>www.evil.example\n"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("\n# Owned"), std::string::npos);
  EXPECT_EQ(md.find("https://evil"), std::string::npos);
  EXPECT_EQ(md.find("\n- - Not"), std::string::npos);
}

}  // namespace
}  // namespace plainsight
