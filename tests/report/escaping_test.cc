// What each format's client would act on stays text: formulas, markup, links, bidi overrides.
#include "report/escaping.h"

#include <sstream>

#include <gtest/gtest.h>

namespace plainsight {
namespace {

const std::string kRlo = "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE

TEST(Escaping, CsvNeutralisesFormulas) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\",\"Open\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"Open\"\")\"");
  for (const char* lead : {"=", "+", "-", "@", "\t", "\r"})
    EXPECT_EQ(csv_field(std::string(lead) + "1").substr(0, 2), "\"'") << lead;
  EXPECT_EQ(csv_field("Long-term storage"), "\"Long-term storage\"");
  // Leading spaces and line breaks do not hide a formula, nor do full-width signs.
  for (const char* hidden : {"  =1+1", "\n=1", " @SUM(A1)",
                             "\xEF\xBC\x9D"
                             "1+1",
                             "\xEF\xBC\x8B"
                             "1",
                             "\xEF\xBC\x8D"
                             "1",
                             "  \xEF\xBC\xA0"
                             "SUM(A1)"})
    EXPECT_EQ(csv_field(hidden).substr(0, 2), "\"'") << hidden;
  EXPECT_EQ(csv_field("  plain"), "\"  plain\"");
  EXPECT_EQ(csv_field(""), "\"\"");
}

TEST(Escaping, CsvNumbersAreShortestExact) {
  EXPECT_EQ(csv_number(2.3625), "2.3625");
  EXPECT_EQ(csv_number(5.67e12), "5670000000000");
  EXPECT_EQ(std::stod(csv_number(0.1 + 0.2)), 0.1 + 0.2);
  EXPECT_EQ(csv_number(0.1 + 0.2), "0.30000000000000004");
}

TEST(Escaping, HtmlMakesMarkupAndBidiText) {
  EXPECT_EQ(html_text("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_EQ(html_text("a\"b'c&d"), "a&quot;b&#39;c&amp;d");
  EXPECT_EQ(html_text("abc" + kRlo + "fdp.exe"), "abc&lt;U+202E&gt;fdp.exe");
}

TEST(Escaping, MarkdownEscapesHtmlLinksAndTables) {
  EXPECT_EQ(md_text("<script>x</script>"), "&lt;script>x&lt;/script>");
  EXPECT_EQ(md_text("[click](javascript:alert(1))"), "\\[click\\](javascript:alert(1))");
  EXPECT_EQ(md_text("a|b\nc"), "a\\|b c");
  EXPECT_EQ(md_text("&#x202E;"), "&amp;#x202E;");
  EXPECT_EQ(md_text(kRlo), "&lt;U+202E>");
}

// Issue 21, class 3: GitHub links bare URLs, www. names and e-mail addresses; a text that
// starts like a block (a heading, a list, a quote, a rule) would become one.
TEST(Escaping, MarkdownBreaksAutolinksAndBlockMarkers) {
  EXPECT_EQ(md_text("see https://evil.example/x"), "see https<span></span>://evil.example/x");
  EXPECT_EQ(md_text("WWW.evil.example and www.x.y"),
            "<span></span>WWW.evil.example and <span></span>www.x.y");
  EXPECT_EQ(md_text("mail root@evil.example"), "mail root<span></span>@evil.example");
  EXPECT_EQ(md_text("awww.x"), "awww.x");  // not a www. name
  EXPECT_EQ(md_text("# Owned"), "\\# Owned");
  EXPECT_EQ(md_text("  ## Owned"), "\\## Owned");  // leading spaces dropped
  EXPECT_EQ(md_text("> quoted"), "\\> quoted");
  EXPECT_EQ(md_text("- item"), "\\- item");
  EXPECT_EQ(md_text("---"), "\\---");
  EXPECT_EQ(md_text("* x"), "\\* x");
  EXPECT_EQ(md_text("+ x"), "\\+ x");
  EXPECT_EQ(md_text("==="), "\\===");
  EXPECT_EQ(md_text("~~~"), "\\~\\~\\~");
  EXPECT_EQ(md_text("___"), "\\_\\_\\_");
  EXPECT_EQ(md_text("12. x"), "12\\. x");
  EXPECT_EQ(md_text("3) x"), "3\\) x");
  EXPECT_EQ(md_text("        code"), "code");
  // Text that only looks alike stays as it is.
  EXPECT_EQ(md_text("-5 s"), "-5 s");
  EXPECT_EQ(md_text("1.5 s"), "1.5 s");
  EXPECT_EQ(md_text("a # b - c"), "a # b - c");
  // A table cell starts no block: its markers stay; its links are still broken.
  EXPECT_EQ(md_cell("-"), "-");
  EXPECT_EQ(md_cell("# x https://e.x"), "# x https<span></span>://e.x");
}

// Issue 21, class 3: emphasis and strikethrough in a name rendered as strong, em and del.
TEST(Escaping, MarkdownEscapesEmphasisAndStrikethrough) {
  EXPECT_EQ(md_text("**Encrypted** _safe_ ~~plaintext~~"),
            "\\*\\*Encrypted\\*\\* \\_safe\\_ \\~\\~plaintext\\~\\~");
  EXPECT_EQ(md_cell("a*b*c ~x~"), "a\\*b\\*c \\~x\\~");
  EXPECT_EQ(md_text("* x"), "\\* x");  // a list marker, escaped once
  // An underscore inside a word opens nothing and stays as written: stage ids read alike.
  EXPECT_EQ(md_cell("cvm_decrypt"), "cvm_decrypt");
  EXPECT_EQ(md_cell("_x_ a_ _b é_é"), "\\_x\\_ a\\_ \\_b é\\_é");
}

TEST(Escaping, DotEscapesOnceAndBreaksLines) {
  EXPECT_EQ(dot_string("a\nb"), "\"a\\nb\"");
  EXPECT_EQ(dot_string("say \"hi\" \\N"), "\"say \\\"hi\\\" \\\\N\"");
}

TEST(Escaping, ShownStreamMakesEveryLineVisible) {
  std::ostringstream raw;
  {
    ShownStream out(raw);
    out << "name " << kRlo << "x\n"
        << "second\x1b[31m line";
  }
  EXPECT_EQ(raw.str(), "name <U+202E>x\nsecond<U+001B>[31m line");
}

}  // namespace
}  // namespace plainsight
