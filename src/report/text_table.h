// Rows of cells rendered as an aligned plain-text table or a Markdown table.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace plainsight {

struct TextTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  std::string plain() const;     // columns padded to width, a rule under the header
  std::string markdown() const;  // GitHub-flavoured, '|' escaped
  void write_plain(std::ostream& out) const;
  void write_markdown(std::ostream& out) const;
  // The same fitted to `max_width` columns: the widest columns narrowed first (none below
  // its header or 8 columns where it can), cells wrapped at spaces onto lines of their own.
  void write_wrapped(std::ostream& out, std::size_t max_width) const;

  // Markdown needs no column widths, so a large table can be written a row at a time
  // without holding its rows: the header (with the rule under it), then each row.
  static void markdown_header(std::ostream& out, const std::vector<std::string>& header);
  static void markdown_row(std::ostream& out, const std::vector<std::string>& cells);
};

}  // namespace plainsight
