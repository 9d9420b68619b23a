// Plain text fitted to a terminal's width: words wrapped at spaces, code points counted (not
// bytes), a word longer than the line cut across lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

// Display width of UTF-8 text: code points.
std::size_t display_width(std::string_view text);
// `text` as lines of at most `width` code points (at least one line, maybe empty).
std::vector<std::string> wrap_lines(std::string_view text, std::size_t width);
// A paragraph: the first line after `first`, the others after `rest`, each line at most
// `width` code points including its indent; ends with a line break.
std::string wrap_paragraph(std::string_view text, std::size_t width, std::string_view first,
                           std::string_view rest);

// Plain text written for an unbounded width, fitted to `width` columns: an aligned table (a
// header over a rule of dashes, rows to the next blank line) wider than that is laid out again
// with wrapped cells (TextTable::write_wrapped); any other longer line is wrapped under its
// own indent plus two.
std::string fit_plain_text(std::string_view text, std::size_t width);

}  // namespace plainsight
