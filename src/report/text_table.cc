#include "report/text_table.h"

#include <algorithm>
#include <sstream>

#include "report/escaping.h"

namespace plainsight {
namespace {

// Display width: count UTF-8 code points, not bytes, so "->" and "x" align alike.
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

void TextTable::write_plain(std::ostream& out) const {
  std::vector<std::size_t> w(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) w[i] = width(header[i]);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size() && i < w.size(); ++i) w[i] = std::max(w[i], width(r[i]));
  std::string line;  // reused: one line at a time, trailing spaces trimmed before writing
  auto write_line = [&](const std::vector<std::string>& cells) {
    line.clear();
    for (std::size_t i = 0; i < w.size(); ++i) {
      const std::string& c = i < cells.size() ? cells[i] : "";
      // A line break in a cell (a multi-line location) would start a forged row at column 0:
      // a cell is one line.
      const std::size_t from = line.size();
      line += c;
      std::replace_if(
          line.begin() + static_cast<std::ptrdiff_t>(from), line.end(),
          [](char ch) { return ch == '\n' || ch == '\r'; }, ' ');
      if (i + 1 < w.size()) line.append(w[i] - width(c) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  };
  write_line(header);
  std::vector<std::string> rule;
  for (std::size_t x : w) rule.push_back(std::string(x, '-'));
  write_line(rule);
  for (const auto& r : rows) write_line(r);
}

void TextTable::markdown_header(std::ostream& out, const std::vector<std::string>& header) {
  markdown_row(out, header);
  out.put('|');
  for (std::size_t i = 0; i < header.size(); ++i) out << "---|";
  out.put('\n');
}

void TextTable::markdown_row(std::ostream& out, const std::vector<std::string>& cells) {
  out.put('|');
  for (const auto& c : cells) {
    out.put(' ');
    out << md_cell(c);
    out << " |";
  }
  out.put('\n');
}

void TextTable::write_markdown(std::ostream& out) const {
  markdown_header(out, header);
  for (const auto& r : rows) markdown_row(out, r);
}

std::string TextTable::plain() const {
  std::ostringstream out;
  write_plain(out);
  return std::move(out).str();
}

std::string TextTable::markdown() const {
  std::ostringstream out;
  write_markdown(out);
  return std::move(out).str();
}

}  // namespace plainsight
