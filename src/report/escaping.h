// How text from scenarios and the catalog is made safe for each format's client: nothing a
// scenario says may become markup, a formula or a control that reorders what is shown.
// Invisible characters (bidi overrides, zero-width spaces, controls) are written visibly,
// "<U+202E>" (core/printable.h), in every format a person reads; newlines are kept.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace plainsight {

// printable() line by line: every invisible character written <U+XXXX>, newlines kept.
std::string shown(std::string_view text);

// HTML text or attribute value: shown(), then & < > " ' as character references.
std::string html_text(std::string_view text);

// Markdown text (a paragraph, a list item or a table cell), one line: shown(), newlines as
// spaces, leading spaces dropped; what would start HTML or a character reference (< &) as
// references; what would start a link or a code span ([ ] ` \), '|', emphasis and
// strikethrough (* ~, and _ where it is not inside a word) backslash-escaped; a block marker
// at its start (# > - + 1. ===) backslash-escaped; and bare URLs, www. names and e-mail
// addresses broken by an empty <span> so that GitHub does not link them.
std::string md_text(std::string_view text);
// The same for a table cell, which starts no block: no block marker is escaped.
std::string md_cell(std::string_view text);

// One CSV field (RFC 4180): quoted, quotes doubled; a field that a spreadsheet would take for
// a formula (starting with = + - @, a tab or a carriage return) is prefixed with ' (OWASP
// CSV injection guidance).
std::string csv_field(std::string_view text);
// A number as the shortest text that reads back as the same double.
std::string csv_number(double value);

// A DOT quoted string: quotes and backslashes escaped, newlines as \n (a line break in a
// graphviz label), shown() first; nothing graphviz would expand (\N, \G, \L) is left.
std::string dot_string(std::string_view text);

// Wraps a stream so that every line written through it is shown(): for the plain-text
// report, whose sentences mix scenario text into many places.
class ShownStream : private std::streambuf, public std::ostream {
 public:
  explicit ShownStream(std::ostream& out) : std::ostream(this), out_(out) {}
  ~ShownStream() override { flush_line(); }

 private:
  int overflow(int c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  void flush_line();
  std::ostream& out_;
  std::string line_;
};

}  // namespace plainsight
